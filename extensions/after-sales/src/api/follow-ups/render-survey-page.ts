// FUP-6: the survey page a customer opens on a phone: plain HTML and CSS, no script (so the page's
// policy forbids every script), Chinese by default with an English switch. A form posts the score
// and the comment back to the same link.
import { escapeHtml } from '../lib/escape-html';

export type SurveyLang = 'zh' | 'en';

export type SurveyPageState =
	| { kind: 'form'; subject: string; error?: string }
	| { kind: 'thanks'; low: boolean }
	| { kind: 'answered' }
	| { kind: 'error'; status: number };

const TEXT = {
	zh: {
		title: '客户满意度调查', intro: '感谢您选择我们的售后服务。请为本次服务评分，并留下您的意见。', question: '您对本次服务满意吗？',
		scores: ['非常不满意', '不满意', '一般', '满意', '非常满意'], comment: '意见或建议（可选）', placeholder: '例如：到达时间、维修质量、服务态度……',
		submit: '提交评价', switchTo: 'English', thanks: '感谢您的评价！', thanksLow: '感谢您的评价。很抱歉本次服务未能让您满意，服务主管将尽快与您联系。',
		answered: '您已提交过本次评价，感谢您的支持。', invalid: '此调查链接无效。', expired: '此调查链接已过期或已关闭。', failed: '提交未成功，请稍后再试。',
		privacy: '本调查无需登录，链接仅限本次服务使用一次。', required: '请选择 1–5 分。',
	},
	en: {
		title: 'Customer satisfaction survey', intro: 'Thank you for choosing our after-sales service. Please rate this service and tell us what you think.', question: 'How satisfied are you with this service?',
		scores: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'], comment: 'Comments or suggestions (optional)', placeholder: 'e.g. arrival time, repair quality, attitude…',
		submit: 'Send', switchTo: '中文', thanks: 'Thank you for your feedback!', thanksLow: 'Thank you for your feedback. We are sorry the service fell short; a service manager will contact you soon.',
		answered: 'You have already answered this survey. Thank you.', invalid: 'This survey link is not valid.', expired: 'This survey link has expired or is closed.', failed: 'Your answer could not be saved; please try again later.',
		privacy: 'No account needed; this link is for this service only and can be used once.', required: 'Please choose a score from 1 to 5.',
	},
} as const;


export function renderSurveyPage(lang: SurveyLang, state: SurveyPageState): string {
	const t = TEXT[lang];
	const other: SurveyLang = lang === 'zh' ? 'en' : 'zh';
	let body: string;
	if (state.kind === 'form') {
		const scores = t.scores.map((label, i) => `<label class="score"><input type="radio" name="score" value="${i + 1}" required><span class="n">${i + 1}</span><span class="l">${escapeHtml(label)}</span></label>`).join('');
		body = `<p class="intro">${escapeHtml(t.intro)}</p><p class="subject">${escapeHtml(state.subject)}</p>
${state.error ? `<p class="error" role="alert">${escapeHtml(state.error)}</p>` : ''}
<form method="post" action="?lang=${lang}">
<fieldset><legend>${escapeHtml(t.question)}</legend><div class="scores">${scores}</div></fieldset>
<label class="comment" for="comment">${escapeHtml(t.comment)}</label>
<textarea id="comment" name="comment" rows="4" maxlength="2000" placeholder="${escapeHtml(t.placeholder)}"></textarea>
<input type="hidden" name="lang" value="${lang}">
<button type="submit">${escapeHtml(t.submit)}</button>
</form><p class="small">${escapeHtml(t.privacy)}</p>`;
	} else if (state.kind === 'thanks') {
		body = `<p class="done">${escapeHtml(state.low ? t.thanksLow : t.thanks)}</p>`;
	} else if (state.kind === 'answered') {
		body = `<p class="done">${escapeHtml(t.answered)}</p>`;
	} else {
		body = `<p class="error">${escapeHtml(state.status === 400 ? t.invalid : state.status === 410 ? t.expired : state.status === 409 ? t.answered : t.failed)}</p>`;
	}
	return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(t.title)}</title>
<style>
*{box-sizing:border-box}body{margin:0;font:16px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f4f6fa;color:#1c2430}
main{max-width:28rem;margin:0 auto;padding:1.25rem 1rem 2rem}h1{font-size:1.35rem;margin:.25rem 0 1rem}
.lang{float:right;font-size:.9rem;color:#3359d6;text-decoration:none;padding:.25rem .5rem}
.subject{color:#5a6475;font-size:.95rem}fieldset{border:0;margin:1rem 0;padding:0}legend{font-weight:600;margin-bottom:.5rem}
.scores{display:grid;grid-template-columns:repeat(5,1fr);gap:.4rem}.score{display:flex;flex-direction:column;align-items:center;cursor:pointer}
.score input{position:absolute;opacity:0}.score .n{display:flex;align-items:center;justify-content:center;width:3rem;height:3rem;border-radius:50%;border:2px solid #c5cedb;background:#fff;font-size:1.25rem;font-weight:600}
.score input:checked+.n{background:#3359d6;border-color:#3359d6;color:#fff}.score input:focus-visible+.n{outline:3px solid #9db3f5}
.score .l{font-size:.72rem;text-align:center;color:#5a6475;margin-top:.25rem}
.comment{display:block;font-weight:600;margin:.5rem 0 .25rem}textarea{width:100%;font:inherit;padding:.6rem;border:1px solid #c5cedb;border-radius:.5rem}
button{width:100%;margin-top:1rem;padding:.85rem;font:inherit;font-weight:600;color:#fff;background:#3359d6;border:0;border-radius:.5rem}
.small{font-size:.8rem;color:#7a8495}.error{color:#b3261e;font-weight:600}.done{font-size:1.1rem;font-weight:600;color:#1f7a4d}
</style>
</head>
<body><main>
<a class="lang" href="?lang=${other}">${escapeHtml(t.switchTo)}</a>
<h1>${escapeHtml(t.title)}</h1>
${body}
</main></body>
</html>`;
}

export const surveyText = (lang: SurveyLang) => TEXT[lang];
