// NTF-2: a notice for a group robot, @-mentioning people by mobile number, in each vendor's format.
// DingTalk mentions need both `at.atMobiles` and "@<mobile>" in the text; WeCom mentions work only
// in `text` messages (`mentioned_mobile_list`, "@all"); Feishu robots mention by user id, not by
// mobile, so mobiles are written out and only "all" becomes a real mention there.
import type { WebhookFormat } from '../../../domain/notifications';

export interface RobotMessage {
	subject: string;
	message: string;
	mobiles: string[];
	mention_all: boolean;
	url: string | null;
	/** NTF-3: a stable key a receiver can drop repeats by (json format). */
	key: string;
}

export function buildRobotMessage(format: WebhookFormat, m: RobotMessage): unknown {
	const link = m.url ? `\n${m.url}` : '';
	const mentions = m.mobiles.map((mobile) => `@${mobile}`).join(' ');
	switch (format) {
		case 'dingtalk':
			return {
				msgtype: 'markdown',
				markdown: { title: m.subject, text: [`### ${m.subject}`, '', m.message, ...(m.url ? ['', `[打开 / Open](${m.url})`] : []), ...(mentions ? ['', mentions] : [])].join('\n') },
				at: { atMobiles: m.mobiles, isAtAll: m.mention_all },
			};
		case 'wecom':
			return {
				msgtype: 'text',
				text: { content: `${m.subject}\n${m.message}${link}`, mentioned_mobile_list: [...m.mobiles, ...(m.mention_all ? ['@all'] : [])] },
			};
		case 'feishu':
			return {
				msg_type: 'text',
				content: { text: `${m.subject}\n${m.message}${link}${mentions ? `\n${mentions}` : ''}${m.mention_all ? '\n<at user_id="all">所有人</at>' : ''}` },
			};
		case 'json':
			return { event: 'after_sales.notice', key: m.key, subject: m.subject, message: m.message, url: m.url, mentions: { mobiles: m.mobiles, all: m.mention_all } };
	}
}
