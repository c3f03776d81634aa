import { describe, expect, test } from 'vitest';
import { DEFAULT_CALENDAR } from '../calendar';
import { NATIONAL_DAY_CALENDAR, shanghai } from '../calendar/test-fixtures';
import {
	computeFollowUpKey, computeMissedCutoff, computeSurveyToken, decideFollowUpLog, decideFollowUps, decideSurveyAnswer, FollowUpLogSchema,
	FollowUpRulesSchema, parseSurveyToken, SurveyAnswerSchema, type FollowUpFacts, type FollowUpSubject,
} from './index';

const rules = FollowUpRulesSchema.parse({});
const settings = { rules, calendar: DEFAULT_CALENDAR };
const request = (over: Partial<FollowUpSubject> = {}): FollowUpSubject => ({
	collection: 'service_requests', id: 41, status: 'dispatched', customer: 7, service_request: 41, dispatched_at: shanghai('2026-11-02 10:15'), done_at: null, ...over,
});
const repair = (over: Partial<FollowUpSubject> = {}): FollowUpSubject => ({
	collection: 'repair_records', id: 9, status: 'completed', customer: 7, service_request: null, dispatched_at: null, done_at: shanghai('2026-11-06 16:00'), ...over,
});
const iso = (d: Date) => d.toISOString();

describe('decideFollowUps', () => {
	test('FUP-1: when a request is dispatched at 10:15, then a first call is due at 12:15 and missed after the end of that day', () => {
		const [first] = decideFollowUps('dispatched', request(), settings, shanghai('2026-11-02 10:15'));
		expect(first).toMatchObject({ kind: 'first_call', rule: 'FUP-1', follow_up_key: 'service_requests:41:first_call', customer: 7, service_request: 41, repair_record: null, survey: false });
		expect(iso(first!.due_at)).toBe(iso(shanghai('2026-11-02 12:15')));
		expect(iso(first!.due_until)).toBe('2026-11-02T15:59:59.000Z');
	});

	test.each([
		['the default 7–14 days', {}, '2026-11-09 00:00', '2026-11-16T15:59:59.000Z'],
		['an admin’s 3–5 days', { second_follow_up_from_days: 3, second_follow_up_until_days: 5 }, '2026-11-05 00:00', '2026-11-07T15:59:59.000Z'],
	])('FUP-2: when a request is dispatched, then the second call is due between day 7 and day 14 after the first (%s)', (_label, over, from, until) => {
		const plan = decideFollowUps('dispatched', request(), { ...settings, rules: FollowUpRulesSchema.parse(over) }, shanghai('2026-11-02 10:15'));
		const second = plan.find((p) => p.kind === 'second_call')!;
		expect(second).toMatchObject({ rule: 'FUP-2', follow_up_key: 'service_requests:41:second_call' });
		expect(iso(second.due_at)).toBe(iso(shanghai(from)));
		expect(iso(second.due_until)).toBe(until);
	});

	test('FUP-1: when the dispatch is at 23:30 Shanghai, then the first call falls on the next business date and is missed after that day', () => {
		const [first] = decideFollowUps('dispatched', request({ dispatched_at: shanghai('2026-11-02 23:30') }), settings, shanghai('2026-11-02 23:30'));
		expect(iso(first!.due_until)).toBe('2026-11-03T15:59:59.000Z');
	});

	test.each([
		['a Friday afternoon', '2026-11-06 16:00', '2026-11-09 08:30', '2026-11-09T15:59:59.000Z'],
		['a Tuesday', '2026-11-03 10:00', '2026-11-04 08:30', '2026-11-06T15:59:59.000Z'],
		['the eve of National Day', '2026-09-30 17:00', '2026-10-08 08:30', '2026-10-08T15:59:59.000Z'],
	])('FUP-3: when a service ends on %s, then the satisfaction call is due from the next working time and missed after day 3 (or its own day)', (_label, done, due, until) => {
		const calendar = done.startsWith('2026-09') ? NATIONAL_DAY_CALENDAR : DEFAULT_CALENDAR;
		const [call] = decideFollowUps('resolved', request({ status: 'resolved', done_at: shanghai(done) }), { rules, calendar }, shanghai(done));
		expect(call).toMatchObject({ kind: 'satisfaction_call', rule: 'FUP-3', survey: true, follow_up_key: 'service_requests:41:satisfaction_call' });
		expect(iso(call!.due_at)).toBe(iso(shanghai(due)));
		expect(iso(call!.due_until)).toBe(until);
	});

	test('FUP-3: when a repair of a request is completed, then its satisfaction call has the request’s key, so the customer is asked once', () => {
		const [call] = decideFollowUps('completed', repair({ service_request: 41 }), settings, shanghai('2026-11-06 16:00'));
		expect(call).toMatchObject({ follow_up_key: 'service_requests:41:satisfaction_call', service_request: 41, repair_record: 9 });
		expect(decideFollowUps('completed', repair(), settings, shanghai('2026-11-06 16:00'))[0]!.follow_up_key).toBe('repair_records:9:satisfaction_call');
	});

	test.each([
		['no customer', 'dispatched', request({ customer: null })],
		['a request not dispatched', 'dispatched', request({ status: 'answered' })],
		['a request not resolved', 'resolved', request({ status: 'on_site' })],
		['a repair not completed', 'completed', repair({ status: 'in_progress' })],
		['a repair seen as dispatched', 'dispatched', repair()],
	] as const)('FUP-1: when the event comes with %s, then nothing is planned', (_label, event, subject) => {
		expect(decideFollowUps(event, subject, settings, shanghai('2026-11-02 10:15'))).toEqual([]);
	});

	test.each([
		[{ second_follow_up_from_days: 10, second_follow_up_until_days: 5 }, 'second_follow_up_until_days'],
		[{ low_score_threshold: 6 }, 'low_score_threshold'],
		[{ survey_valid_days: 0 }, 'survey_valid_days'],
	])('FUP-2: when the settings are %j, then they are refused naming %s', (input, field) => {
		const parsed = FollowUpRulesSchema.safeParse(input);
		expect(parsed.success).toBe(false);
		expect(parsed.error!.issues[0]!.path.join('.')).toBe(field);
	});
});

const facts = (over: Partial<FollowUpFacts> = {}): FollowUpFacts => ({
	id: 5, kind: 'satisfaction_call', status: 'planned', customer: 7, service_request: 41, repair_record: null, notes: null, technician: 'tech-1', ...over,
});
const now = shanghai('2026-11-10 09:00');

describe('decideFollowUpLog', () => {
	test('FUP-3: when an agent reaches the customer, then the follow-up is done with when, who, channel, notes and satisfaction', () => {
		const plan = decideFollowUpLog(facts(), FollowUpLogSchema.parse({ channel: 'phone', notes: '满意', satisfaction: 4 }), 'agent-1', { rules, timeZone: 'Asia/Shanghai' }, now);
		expect(plan.columns).toEqual({ status: 'done', done_at: now, done_by: 'agent-1', channel: 'phone', notes: '满意', satisfaction: 4 });
		expect(plan.reschedule).toBeNull();
	});

	test('FUP-2: when the first call is made, then the second call moves to count from that day', () => {
		const plan = decideFollowUpLog(facts({ kind: 'first_call' }), FollowUpLogSchema.parse({}), 'agent-1', { rules, timeZone: 'Asia/Shanghai' }, now);
		expect(plan.reschedule).toEqual({ follow_up_key: 'service_requests:41:second_call', due_at: shanghai('2026-11-17 00:00'), due_until: new Date('2026-11-24T15:59:59.000Z') });
	});

	test('FUP-4: when the customer cannot be reached, then the attempt is noted and the follow-up stays open', () => {
		const plan = decideFollowUpLog(facts({ notes: 'earlier' }), FollowUpLogSchema.parse({ outcome: 'unreachable', notes: '关机' }), 'agent-1', { rules, timeZone: 'Asia/Shanghai' }, now);
		expect(plan.columns).toEqual({ notes: 'earlier\n[2026-11-10 09:00] 未接通 / unreachable (phone): 关机' });
	});

	test.each([['done'], ['cancelled']] as const)('FUP-3: when the follow-up is already %s, then logging it is a 409', (status) => {
		expect(() => decideFollowUpLog(facts({ status }), FollowUpLogSchema.parse({}), 'a', { rules, timeZone: 'Asia/Shanghai' }, now)).toThrow(expect.objectContaining({ rule: 'FUP-3', status: 409 }));
	});

	test.each([[0], [6], [3.5], ['x'], [true]])('FUP-3: when the satisfaction is %j, then it is refused naming satisfaction', (satisfaction) => {
		const parsed = FollowUpLogSchema.safeParse({ satisfaction });
		expect(parsed.success).toBe(false);
		expect(parsed.error!.issues[0]!.path).toEqual(['satisfaction']);
	});
});

describe('survey tokens', () => {
	const secret = 'test-secret';
	const expires = shanghai('2026-12-10 09:00');

	test('FUP-6: when a token is made for a follow-up, then it names that follow-up and its expiry', () => {
		const token = computeSurveyToken(5, expires, secret);
		expect(parseSurveyToken(token, secret, now)).toEqual({ followUpId: 5, expiresAt: expires });
	});

	test.each([
		['another id', (t: string) => t.replace(/^5\./, '6.')],
		['a later expiry', (t: string) => t.replace(/\.(\d+)\./, (_m, e) => `.${Number(e) + 86_400}.`)],
		['a changed signature', (t: string) => t.slice(0, -1) + (t.endsWith('A') ? 'B' : 'A')],
		['no signature', (t: string) => t.split('.').slice(0, 2).join('.')],
		['garbage', () => 'not-a-token'],
	])('FUP-6: when a token has %s, then it is refused as forged (400 naming token)', (_label, forge) => {
		const forged = forge(computeSurveyToken(5, expires, secret));
		expect(() => parseSurveyToken(forged, secret, now)).toThrow(expect.objectContaining({ rule: 'FUP-6', field: 'token' }));
		try {
			parseSurveyToken(forged, secret, now);
		} catch (error) {
			expect((error as { status?: number }).status).toBeUndefined();
		}
	});

	test('FUP-6: when a genuine token is past its expiry, then it is gone (410); the exact second is still valid', () => {
		const token = computeSurveyToken(5, expires, secret);
		expect(parseSurveyToken(token, secret, expires).followUpId).toBe(5);
		expect(() => parseSurveyToken(token, secret, new Date(expires.getTime() + 1000))).toThrow(expect.objectContaining({ status: 410 }));
	});

	test('FUP-6: when the token was signed with another secret, then it is forged', () => {
		expect(() => parseSurveyToken(computeSurveyToken(5, expires, 'other'), secret, now)).toThrow(expect.objectContaining({ field: 'token' }));
	});
});

describe('decideSurveyAnswer', () => {
	test('FUP-6: when the customer scores 4, then the follow-up is done by survey and nobody is alarmed', () => {
		const plan = decideSurveyAnswer(facts(), SurveyAnswerSchema.parse({ score: '4', comment: '很好' }), settings, now);
		expect(plan.columns).toMatchObject({ status: 'done', channel: 'survey', satisfaction: 4, notes: '满意度调查 / survey: 4/5 — 很好' });
		expect(plan.lowScore).toBeNull();
	});

	test('FUP-6: when the customer scores 2, then a satisfaction-call task opens for the next working time and the technician and managers are told', () => {
		const plan = decideSurveyAnswer(facts(), SurveyAnswerSchema.parse({ score: 2, comment: '配件太慢' }), settings, shanghai('2026-11-07 20:00'));
		expect(plan.lowScore!.task).toMatchObject({ follow_up_key: 'follow_ups:5:low_score', kind: 'satisfaction_call', customer: 7, service_request: 41 });
		expect(iso(plan.lowScore!.task.due_at)).toBe(iso(shanghai('2026-11-09 08:30')));
		expect(plan.lowScore!.task.notes).toContain('配件太慢');
		expect(plan.lowScore!.notify).toEqual({ technician: 'tech-1', roles: ['service_manager'] });
		expect(plan.lowScore!.noticeKey('u1')).toBe('follow_ups:5:low_score:u1');
	});

	test('FUP-6: when an admin lowers the threshold to 1, then a 2 is not low', () => {
		expect(decideSurveyAnswer(facts(), { score: 2 }, { ...settings, rules: FollowUpRulesSchema.parse({ low_score_threshold: 1 }) }, now).lowScore).toBeNull();
	});

	test.each([
		['done', 409], ['cancelled', 410],
	] as const)('FUP-6: when the follow-up is already %s, then the answer is refused (%i)', (status, code) => {
		expect(() => decideSurveyAnswer(facts({ status }), { score: 5 }, settings, now)).toThrow(expect.objectContaining({ rule: 'FUP-6', status: code }));
	});

	test('FUP-6: when the follow-up was missed by the agents, then the customer may still answer', () => {
		expect(decideSurveyAnswer(facts({ status: 'missed' }), { score: 5 }, settings, now).columns['status']).toBe('done');
	});

	test.each([[0], [6], ['6'], [2.5], [null], ['']])('FUP-6: when the score is %j, then it is refused naming score', (score) => {
		const parsed = SurveyAnswerSchema.safeParse({ score });
		expect(parsed.success).toBe(false);
		expect(parsed.error!.issues[0]!.path).toEqual(['score']);
	});
});

describe('computeMissedCutoff', () => {
	test('FUP-3: when a follow-up has no due-until, then it is missed 3 days after its due time', () => {
		expect(computeMissedCutoff(now, rules)).toEqual({ dueUntilBefore: now, dueAtBefore: new Date(now.getTime() - 3 * 86_400_000) });
		expect(computeFollowUpKey({ collection: 'service_requests', id: 1 }, 'first_call')).toBe('service_requests:1:first_call');
	});
});
