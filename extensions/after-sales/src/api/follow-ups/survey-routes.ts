// FUP-6: the customer's survey, public (no account): the signed link is the only key.
//   GET  /after-sales/survey/:token   the phone-sized page (Chinese; ?lang=en for English)
//   POST /after-sales/survey/:token   records the answer once: JSON in → JSON out; a form post → a page
// A forged token is a 400, an expired one a 410, a second answer a 409; nothing is written then.
import type { NextFunction, Request, Response, Router } from 'express';
import { parseSurveyToken, SurveyAnswerSchema } from '../../domain/follow-ups';
import { DomainRuleError } from '../../domain/errors';
import { refreshCustomerOverview } from '../hooks/archive';
import type { PackContext } from '../lib/context';
import { setNoSniffHeaders } from '../dealer/security-headers';
import { parseOrThrow, ruleViolation, toDirectusError } from '../lib/errors';
import { loadFollowUpFacts } from './load-follow-up-facts';
import { loadFollowUpSettings } from './load-follow-up-settings';
import { renderSurveyPage, surveyText, type SurveyLang, type SurveyPageState } from './render-survey-page';
import { writeSurveyAnswer } from './write-survey-answer';
import { openLowScoreComplaint } from './open-low-score-complaint';
import { msg } from '../../domain/messages';

/** No script at all; the inline stylesheet only; the form posts back here; never framed. */
export const SURVEY_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
const MAX_FORM_BYTES = 16_384;

const langOf = (req: Request): SurveyLang => (String((req.query as Record<string, unknown>)?.['lang'] ?? '') === 'en' ? 'en' : 'zh');

function sendPage(res: Response, status: number, lang: SurveyLang, state: SurveyPageState) {
	setNoSniffHeaders(res, SURVEY_CSP);
	res.setHeader('cache-control', 'no-store');
	res.status(status).type('html').send(renderSurveyPage(lang, state));
}

const statusOf = (error: unknown) => (error as { status?: number })?.status ?? (error instanceof DomainRuleError ? 400 : 500);

export function registerSurveyRoutes(router: Router, ctx: PackContext) {
	router.get('/survey/:token', async (req: Request, res: Response) => {
		const lang = langOf(req);
		try {
			const settings = await loadFollowUpSettings(ctx);
			const { followUpId } = parseSurveyToken(String(req.params['token']), settings.secret, new Date());
			const facts = await loadFollowUpFacts(ctx.database, followUpId);
			if (!facts || facts.status === 'cancelled') return sendPage(res, 410, lang, { kind: 'error', status: 410 });
			if (facts.status === 'done') return sendPage(res, 200, lang, { kind: 'answered' });
			const ref = facts.service_request ? `#${facts.service_request}` : facts.repair_record ? `R${facts.repair_record}` : `F${facts.id}`;
			return sendPage(res, 200, lang, { kind: 'form', subject: lang === 'zh' ? `服务单号：${ref}` : `Service no. ${ref}` });
		} catch (error) {
			const status = statusOf(error);
			if (status >= 500) ctx.logger.error(`[after-sales] FUP-6: survey page failed: ${(error as Error).message}`);
			return sendPage(res, status >= 500 ? 500 : status, lang, { kind: 'error', status });
		}
	});

	router.post('/survey/:token', async (req: Request, res: Response, next: NextFunction) => {
		const asJson = Boolean(req.is('application/json'));
		const lang = langOf(req);
		try {
			const settings = await loadFollowUpSettings(ctx);
			const now = new Date();
			const { followUpId } = parseSurveyToken(String(req.params['token']), settings.secret, now);
			const body = await readBody(req);
			let answer;
			try {
				answer = parseOrThrow(SurveyAnswerSchema, body, 'FUP-6');
			} catch (error) {
				if (asJson) throw error;
				const facts = await loadFollowUpFacts(ctx.database, followUpId);
				const ref = facts?.service_request ? `#${facts.service_request}` : `F${followUpId}`;
				return sendPage(res, 400, lang, { kind: 'form', subject: lang === 'zh' ? `服务单号：${ref}` : `Service no. ${ref}`, error: surveyText(lang).required });
			}
			const result = await writeSurveyAnswer(ctx.database, followUpId, answer, settings, now);
			const complaint = result.low_score && settings.rules.low_score_opens === 'complaint'
				? await openLowScoreComplaint(ctx, followUpId, answer, now).catch((error) => (ctx.logger.error(`[after-sales] FUP-6: the low score's complaint failed: ${(error as Error).message}`), null))
				: null;
			await refreshCustomerOverview(ctx.database, [result.customer]).catch((error) => ctx.logger.warn(`[after-sales] ARC-5 overview refresh failed: ${(error as Error).message}`));
			if (asJson) return res.json({ data: { id: result.id, status: 'done', satisfaction: result.satisfaction, low_score: result.low_score, task: result.task, complaint, notified: result.notified } });
			return sendPage(res, 200, lang, { kind: 'thanks', low: result.low_score });
		} catch (error) {
			if (asJson) return next(toDirectusError(error));
			const status = statusOf(error);
			if (status >= 500) ctx.logger.error(`[after-sales] FUP-6: survey answer failed: ${(error as Error).message}`);
			return sendPage(res, status >= 500 ? 500 : status, lang, { kind: 'error', status });
		}
	});
}

/** A JSON body is already parsed by Directus; a form post (urlencoded) is read here, bounded. */
async function readBody(req: Request): Promise<Record<string, unknown>> {
	if (req.is('application/json')) return (req.body ?? {}) as Record<string, unknown>;
	if (!req.is('application/x-www-form-urlencoded')) return (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > MAX_FORM_BYTES) throw ruleViolation('FUP-6', 'comment', msg('survey.too_long'), { collection: 'follow_ups' });
		chunks.push(chunk);
	}
	return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}
