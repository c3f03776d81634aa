import { describe, expect, test } from 'vitest';
import { buildRobotMessage, type RobotMessage } from './build-robot-message';

const notice: RobotMessage = { subject: '超时预警', message: '投诉 #12 即将超时', mobiles: ['13800000001'], mention_all: false, url: 'https://x.example/admin/content/complaints/12', key: 'k1' };

describe('buildRobotMessage', () => {
	test.each([
		['dingtalk', { msgtype: 'markdown', markdown: { title: '超时预警', text: '### 超时预警\n\n投诉 #12 即将超时\n\n[打开 / Open](https://x.example/admin/content/complaints/12)\n\n@13800000001' }, at: { atMobiles: ['13800000001'], isAtAll: false } }],
		['wecom', { msgtype: 'text', text: { content: '超时预警\n投诉 #12 即将超时\nhttps://x.example/admin/content/complaints/12', mentioned_mobile_list: ['13800000001'] } }],
		['feishu', { msg_type: 'text', content: { text: '超时预警\n投诉 #12 即将超时\nhttps://x.example/admin/content/complaints/12\n@13800000001' } }],
		['json', { event: 'after_sales.notice', key: 'k1', subject: '超时预警', message: '投诉 #12 即将超时', url: 'https://x.example/admin/content/complaints/12', mentions: { mobiles: ['13800000001'], all: false } }],
	] as const)('NTF-2: when a notice goes to a %s robot, then it is in that vendor\'s format with the @-mentions', (format, expected) => {
		expect(buildRobotMessage(format, notice)).toEqual(expected);
	});

	test('NTF-2: when everyone is mentioned on Feishu, then the message carries the at-all tag (Feishu mentions by user id, not mobile)', () => {
		const payload = buildRobotMessage('feishu', { ...notice, mobiles: [], url: null, mention_all: true }) as { content: { text: string } };
		expect(payload.content.text).toBe('超时预警\n投诉 #12 即将超时\n<at user_id="all">所有人</at>');
	});
});
