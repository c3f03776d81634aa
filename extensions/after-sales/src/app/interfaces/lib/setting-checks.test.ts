// The settings forms say what the save would answer, in the same words: each case is refused by the
// server's own save hook (its 400 reason in en-US, localizeError's text in zh-CN) and by the form's
// check, and the two texts are compared (CAL-1, CAL-3, WTY-11, DLR-3, CMP-5, ESC-4, ESC-1).
import { describe, expect, test } from 'vitest';
import { registerIntegrityHooks } from '../../../api/integrity/register-integrity-hooks';
import { localizeError } from '../../../api/lib/errors';
import { labelsIn } from '../../../api/lib/labels';
import { registerSettingsHooks } from '../../../api/settings/register-settings-hooks';
import { registerSlaHooks } from '../../../api/sla/register-sla-hooks';
import { checkSetting, describeRefusal, readJson, unreadableRefusal, type SettingKey } from './setting-checks';
import { labelsFrom } from './studio-labels';

type Handler = (...args: unknown[]) => unknown;
const filters = new Map<string, Handler[]>();
const register = {
	filter: (event: string, handler: Handler) => filters.set(event, [...(filters.get(event) ?? []), handler]),
	action: () => undefined,
	schedule: () => undefined,
	init: () => undefined,
};
const ctx = { env: { AFTER_SALES_SWEEP_CRON: 'off' }, database: null, logger: { error: () => undefined, warn: () => undefined, info: () => undefined } } as never;
registerIntegrityHooks(register as never, ctx);
registerSettingsHooks(register as never);
registerSlaHooks(register as never, ctx);

// A database that holds an empty settings row and nothing else (the filters read the stored row).
const chain: Record<string, unknown> = {};
Object.assign(chain, { first: async () => ({}), select: async () => [], whereIn: () => chain, where: () => chain, andWhere: () => chain });
const database = Object.assign(() => chain, { raw: async () => [] });

/** The first refusal the server's save filters give for this payload (as an admin saves it in the Studio). */
async function serverRefusal(collection: string, event: 'create' | 'update', payload: Record<string, unknown>) {
	for (const handler of filters.get(`${collection}.items.${event}`) ?? []) {
		try {
			await handler(payload, { keys: [1], collection }, { database, accountability: { user: 'u1', admin: true } });
		} catch (error) {
			const e = error as { message: string; extensions: Record<string, unknown> };
			if (!e.extensions) throw error;
			return { en: String(e.extensions['reason']), zh: localizeError({ message: e.message, extensions: e.extensions }, 'zh-CN', collection).message, field: e.extensions['field'] };
		}
	}
	return null;
}

const POLICY = { name: 'P', collection: 'complaints', priority: 0, active: true, milestones: [{ key: 'reply', label: '答复', duration_minutes: 60, clock: '24x7', fulfil_states: ['answered'], escalate_to_level: 2 }] };
const CALENDAR = { timezone: 'Asia/Shanghai', working_hours: { mon: [{ start: '08:30', end: '17:30' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, holidays: ['2026-10-01'], adjusted_working_days: [] };

const CASES: [title: string, key: SettingKey, value: unknown][] = [
	['CAL-1: a holiday that is no date', 'calendar', { ...CALENDAR, holidays: ['2026-10-01', '2026-02-30'] }],
	['CAL-1: an interval that ends before it starts', 'calendar', { ...CALENDAR, working_hours: { ...CALENDAR.working_hours, mon: [{ start: '12:00', end: '09:00' }] } }],
	['CAL-3: an unknown time zone', 'calendar', { ...CALENDAR, timezone: 'Mars/Olympus' }],
	['CAL-1: a 调休 day that is a holiday too', 'calendar', { ...CALENDAR, adjusted_working_days: ['2026-10-01'] }],
	['CAL-1: holidays that are not a list', 'calendar', { ...CALENDAR, holidays: '2026-10-01' }],
	['WTY-11: a busy season without its end', 'busy_seasons', [{ name: '夏收', regions: [], categories: [], from: '06-01' }]],
	['WTY-11: a busy season on 02-30', 'busy_seasons', [{ name: '夏收', from: '02-30', to: '06-30' }]],
	['DLR-3: no sales season', 'sales_seasons', []],
	['DLR-3: overlapping sales seasons', 'sales_seasons', [{ key: 'spring', from: '03-01', to: '05-31' }, { key: 'summer', from: '05-01', to: '08-31' }]],
	['CMP-5: a serious complaint starting below a normal one', 'complaint_severity_levels', { normal: 2, serious: 1, critical: 3 }],
	['CMP-5: a level of 4', 'complaint_severity_levels', { normal: 1, serious: 2, critical: 4 }],
	['ESC-4: no attempt at all', 'delivery_retry', { max_attempts: 0, max_delay_minutes: 60 }],
	['ESC-4: a delay given as text', 'delivery_retry', { max_attempts: 3, max_delay_minutes: '60' }],
	['ESC-1: a severity list left empty', 'condition', { severity: [] }],
	['ESC-1: a misspelt key', 'condition', { severty: ['serious'] }],
	['ESC-1: a dealer tier D', 'condition', { dealer_tier: ['D'] }],
];

describe('the forms refuse what the save refuses, in the same words', () => {
	test.each(CASES)('%s', async (_title, key, value) => {
		const collection = key === 'condition' ? 'sla_policies' : 'service_settings';
		const payload = key === 'condition' ? { ...POLICY, condition: value } : { [key]: value };
		const server = await serverRefusal(collection, key === 'condition' ? 'create' : 'update', payload);
		expect(server, 'the server refuses it').not.toBeNull();
		const refusal = checkSetting(key, value);
		expect(refusal, 'the form refuses it').not.toBeNull();
		expect(refusal!.field).toBe(server!.field);
		expect(describeRefusal(refusal!, 'en-US', null, collection)).toBe(server!.en);
		expect(describeRefusal(refusal!, 'zh-CN', labelsIn('zh-CN'), collection)).toBe(server!.zh);
	});

	test('CAL-1: text that is not JSON is refused as the server refuses it', async () => {
		expect(readJson('{"timezone":')).toEqual({ value: null, unreadable: true });
		const server = await serverRefusal('service_settings', 'update', { calendar: '{"timezone":' });
		const refusal = unreadableRefusal('calendar');
		expect(describeRefusal(refusal, 'en-US', null, 'service_settings')).toBe(server!.en);
		expect(describeRefusal(refusal, 'zh-CN', labelsIn('zh-CN'), 'service_settings')).toBe(server!.zh);
	});

	test.each<[SettingKey, unknown]>([
		['calendar', CALENDAR], ['busy_seasons', [{ name: '夏收', regions: ['山东'], categories: ['harvester'], from: '06-01', to: '06-30' }]],
		['sales_seasons', [{ key: 'spring', label: '春季', from: '03-01', to: '05-31' }]], ['key_account_visit_windows', [{ season: 'spring', from: '03-01', to: '05-31' }]],
		['complaint_severity_levels', { normal: 1, serious: 2, critical: 3 }], ['delivery_retry', { max_attempts: 8, max_delay_minutes: 60 }],
		['dealer_rating_thresholds', { A: { satisfaction_min: 4.5 }, weights: { satisfaction: 20 } }], ['quality_thresholds', { month: { min_count: 3, level: 1 } }],
		['parts_return_deadlines', ['06-30', '12-31']], ['parts_return_reminder_days', [14, 3]], ['condition', { severity: ['serious'], key_account: true }],
	])('a valid %s passes', (key, value) => {
		expect(checkSetting(key, value)).toBeNull();
	});

	test.each<[SettingKey, unknown, string, string]>([
		['key_account_visit_windows', [{ season: 'autumn', from: '11-01', to: '02-28' }], 'key_account_visit_windows.0.to', 'FUP-5'],
		['dealer_rating_thresholds', { A: { satisfaction_min: 6 } }, 'dealer_rating_thresholds.A.satisfaction_min', 'DLR-4'],
		['quality_thresholds', { quarter: { min_count: 0 } }, 'quality_thresholds.quarter.min_count', 'RPT-4'],
		['parts_return_deadlines', ['06-31'], 'parts_return_deadlines.0', 'WTY-6'],
		['parts_return_reminder_days', [14, -1], 'parts_return_reminder_days.1', 'WTY-6'],
	])('%s: a bad value names %s and %s', (key, value, field, rule) => {
		expect(checkSetting(key, value)).toMatchObject({ field, rule });
	});

	test('CAL-1: the Studio’s fields store labels the field as the server’s snapshot does', () => {
		const labels = labelsFrom(
			{ getField: (c, f) => (c === 'service_settings' && f === 'calendar' ? { collection: c, field: f, name: '工作日历' } : null), fields: [{ collection: 'directus_roles', field: 'name', name: 'Role' }, { collection: 'dealers', field: 'name', name: '经销商名称' }] },
			{ getCollection: () => ({ name: '售后设置' }) },
		);
		expect(labels.field('service_settings', 'calendar')).toBe('工作日历');
		expect(labels.field('service_settings', 'busy_seasons.0.name')).toBe(labelsIn('zh-CN').field('service_settings', 'busy_seasons.0.name'));
		expect(labels.field('service_settings', 'calendar.holidays.3')).toBeNull();
		const refusal = checkSetting('calendar', { ...CALENDAR, holidays: 'x' })!;
		expect(describeRefusal(refusal, 'zh-CN', labels, 'service_settings')).toBe(describeRefusal(refusal, 'zh-CN', labelsIn('zh-CN'), 'service_settings'));
	});
});
