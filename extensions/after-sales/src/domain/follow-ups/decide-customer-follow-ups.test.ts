import { describe, expect, test } from 'vitest';
import { shanghai } from '../calendar/test-fixtures';
import { decideCollectNotice } from './decide-collect-notice';
import { decideEventCalls, decideEventLetter } from './decide-event-follow-ups';
import { decideKeyAccountVisits } from './decide-key-account-visits';
import { FollowUpRulesSchema } from './schemas';

const rules = FollowUpRulesSchema.parse({});
const endOf = (day: string) => new Date(`${day}T23:59:59+08:00`);
const zone = 'Asia/Shanghai';
const repair = (over: Partial<Parameters<typeof decideCollectNotice>[0]> = {}) => ({
	id: 7, status: 'in_progress', customer: 3, service_request: null, dropped_off_at: shanghai('2026-09-21 08:00'), promised_at: shanghai('2026-09-21 17:00'), completed_at: null, ...over,
});

describe('decideCollectNotice (REQ-7)', () => {
	test('REQ-7: a job shorter than 2 days is announced 1 h before its promised completion, a longer one 4 h before', () => {
		const short = decideCollectNotice(repair(), rules);
		expect(short && 'plan' in short && short.plan).toMatchObject({ kind: 'collect_notice', due_at: shanghai('2026-09-21 16:00'), due_until: shanghai('2026-09-21 17:00'), notify_customer_at: shanghai('2026-09-21 16:00') });
		const long = decideCollectNotice(repair({ promised_at: shanghai('2026-09-23 17:00') }), rules);
		expect(long && 'plan' in long && long.plan.due_at).toEqual(shanghai('2026-09-23 13:00'));
	});

	test('REQ-7: a repair finished early is announced at once; a cancelled one withdraws its notice; no promise or no customer, no notice', () => {
		const early = decideCollectNotice(repair({ status: 'completed', completed_at: shanghai('2026-09-21 11:00') }), rules);
		expect(early && 'plan' in early && early.plan.due_at).toEqual(shanghai('2026-09-21 11:00'));
		expect(decideCollectNotice(repair({ status: 'cancelled' }), rules)).toEqual({ cancel: true });
		expect(decideCollectNotice(repair({ promised_at: null }), rules)).toBeNull();
		expect(decideCollectNotice(repair({ customer: null }), rules)).toBeNull();
	});

	test('REQ-7: the settings move the notice', () => {
		const custom = FollowUpRulesSchema.parse({ collect_notice_short_hours: 2, long_job_days: 1 });
		const plan = decideCollectNotice(repair(), custom);
		expect(plan && 'plan' in plan && plan.plan.due_at).toEqual(shanghai('2026-09-21 15:00'));
	});
});

describe('decideEventCalls, decideEventLetter (FUP-4)', () => {
	test('FUP-4: each customer is phoned 14 days before the event, once per customer, and the letter is due within 2 days of the call', () => {
		const calls = decideEventCalls({ event_name: '春季免费检修', event_on: '2026-10-20' }, [4, 4, 5], rules, zone, shanghai('2026-09-21 09:00'));
		expect(calls.map((c) => c.customer)).toEqual([4, 5]);
		expect(calls[0]).toMatchObject({ kind: 'event_call', rule: 'FUP-4', due_at: shanghai('2026-10-06 00:00'), due_until: endOf('2026-10-06') });
		const letter = decideEventLetter({ id: 9, customer: 4, event_name: '春季免费检修', event_on: '2026-10-20' }, rules, zone, shanghai('2026-10-06 10:00'));
		expect(letter).toMatchObject({ kind: 'event_letter', follow_up_key: 'follow_ups:9:event_letter', due_until: endOf('2026-10-08') });
	});

	test('FUP-4: an event closer than 14 days is phoned from today until the day before it', () => {
		const [call] = decideEventCalls({ event_name: 'x', event_on: '2026-09-25' }, [4], rules, zone, shanghai('2026-09-21 09:00'));
		expect(call).toMatchObject({ due_at: shanghai('2026-09-21 00:00'), due_until: endOf('2026-09-24') });
	});
});

describe('decideKeyAccountVisits (FUP-5)', () => {
	test('FUP-5: a key account gets the next spring and autumn windows not yet over', () => {
		const visits = decideKeyAccountVisits([4], rules, zone, shanghai('2026-06-10 09:00'));
		expect(visits.map((v) => v.follow_up_key).sort()).toEqual(['customers:4:key_account_visit:2026-autumn', 'customers:4:key_account_visit:2027-spring']);
		expect(visits.find((v) => v.follow_up_key.endsWith('2026-autumn'))).toMatchObject({ due_at: shanghai('2026-09-01 00:00'), due_until: endOf('2026-11-30') });
	});
});
