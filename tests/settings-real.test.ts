// Settings that are real (issue #11): each number or table that used to be a constant is read from
// service_settings by the rule it names. Each test changes a setting through the items API, sees the
// rule follow, and sees a bad value refused with a 400 naming the field; the settings are put back.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { json, loginAdmin } from './helpers';
import { closeTestDb, testDb } from './reports-db';
import { createComplaint } from './sla-helpers';
import { dealerSession, PNG_1PX } from './warranty-fixtures';

type Who = { call: (p: string, i?: RequestInit) => Promise<any> };
let admin: Who;
let original: Record<string, unknown>;
const FIELDS = ['complaint_severity_levels', 'regulation_profiles', 'regulation_profile_rules', 'delivery_retry', 'signature_max_kb', 'report_max_range_days', 'default_timezone', 'job_schedules'];

const setSettings = (body: Record<string, unknown>) => admin.call('/items/service_settings', { method: 'PATCH', body: json(body) });

beforeAll(async () => {
	admin = await loginAdmin();
	original = (await admin.call(`/items/service_settings?fields=${FIELDS.join(',')}`)).body.data;
});
afterAll(async () => {
	await setSettings(original);
	await closeTestDb();
});

describe('settings the rules read', () => {
	test('WTY-2, WTY-6, RPT-4, RPT-2: the jobs’ times are provisioned as settings an admin sees and changes', async () => {
		expect(original['job_schedules']).toEqual({ unit_refresh: '00:10', parts_return_reminders: '01:20', quality_scan: '01:40', monthly_reports: { day: 1, at: '08:00' } });
		const changed = { ...(original['job_schedules'] as object), quality_scan: '06:30', monthly_reports: { day: 2, at: '09:15' } };
		const res = await setSettings({ job_schedules: changed });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect((await admin.call('/items/service_settings?fields=job_schedules')).body.data.job_schedules).toEqual(changed);
		await setSettings({ job_schedules: original['job_schedules'] });
	});

	test('CMP-5: when the starting levels are changed by another instance (straight in the database, no hook of this one), then the very next serious complaint follows, and follows the change back (settings parsed once per stored row, never kept across a change)', async () => {
		const db = testDb();
		const levels = (value: Record<string, number>) => db('service_settings').update({ complaint_severity_levels: JSON.stringify(value) });
		expect((await createComplaint({ severity: 'serious' })).handling_level).toBe(2);
		expect((await createComplaint({ severity: 'serious' })).handling_level).toBe(2);
		await levels({ normal: 1, serious: 3, critical: 3 });
		expect((await createComplaint({ severity: 'serious' })).handling_level).toBe(3);
		await levels({ normal: 1, serious: 2, critical: 3 });
		expect((await createComplaint({ severity: 'serious' })).handling_level).toBe(2);
	});

	test('CMP-5: when the provisioned starting levels are read and serious complaints are set to start at L3, then a new serious complaint starts at L3', async () => {
		expect(original['complaint_severity_levels']).toEqual({ normal: 1, serious: 2, critical: 3 });
		expect((await createComplaint({ severity: 'serious' })).handling_level).toBe(2);
		const res = await setSettings({ complaint_severity_levels: { normal: 1, serious: 3, critical: 3 } });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect((await createComplaint({ severity: 'serious' })).handling_level).toBe(3);
		await setSettings({ complaint_severity_levels: original['complaint_severity_levels'] });
	});

	test.each([
		[{ complaint_severity_levels: { normal: 2, serious: 1, critical: 3 } }, 'complaint_severity_levels.serious', 'CMP-5'],
		[{ complaint_severity_levels: { normal: 1, serious: 2, critical: 4 } }, 'complaint_severity_levels.critical', 'CMP-5'],
		[{ delivery_retry: { max_attempts: 0, max_delay_minutes: 60 } }, 'delivery_retry.max_attempts', 'ESC-4'],
		[{ delivery_retry: { max_attempts: 8 } }, 'delivery_retry.max_delay_minutes', 'ESC-4'],
		[{ regulation_profile_rules: [{ categories: null, sold_from: null, profile: 'nope' }] }, 'regulation_profile_rules.0.profile', 'WTY-9'],
		[{ regulation_profile_rules: [{ categories: ['tractor'], sold_from: null, profile: 'agri_2010' }] }, 'regulation_profile_rules.0', 'WTY-9'],
		[{ regulation_profiles: [{ key: 'x', name_zh: 'x', name_en: 'x', min_whole_machine_months: 12, serious_faults_only: true, early_remedies: [], ladder: [{ remedy: 'refund', after: 'repair', count: 0 }] }] }, 'regulation_profiles.0.ladder.0.count', 'WTY-9'],
		[{ default_timezone: 'Mars/Olympus' }, 'default_timezone', 'CAL-1'],
		[{ signature_max_kb: 1 }, 'signature_max_kb', null],
		[{ report_max_range_days: 5 }, 'report_max_range_days', null],
		[{ job_schedules: { unit_refresh: '25:00' } }, 'job_schedules.unit_refresh', 'WTY-2'],
		[{ key_account_visit_windows: [{ season: 'spring', from: '13-01', to: '05-31' }] }, 'key_account_visit_windows.0.from', 'FUP-5'],
		[{ parts_return_deadlines: ['06-31'] }, 'parts_return_deadlines.0', 'WTY-6'],
		[{ parts_return_reminder_days: [-3] }, 'parts_return_reminder_days.0', 'WTY-6'],
		[{ quality_thresholds: { month: -1 } }, 'quality_thresholds.month', 'RPT-4'],
		[{ dealer_rating_thresholds: { weights: 'heavy' } }, 'dealer_rating_thresholds.weights', 'DLR-4'],
		[{ job_schedules: { quality_scan: '1:40' } }, 'job_schedules.quality_scan', 'RPT-4'],
		[{ job_schedules: { monthly_reports: { day: 31, at: '08:00' } } }, 'job_schedules.monthly_reports.day', 'RPT-2'],
		[{ job_schedules: { nightly_backup: '03:00' } }, 'job_schedules.nightly_backup', 'RPT-2'],
	])('settings: when %j is saved, then it is a 400 naming %s and nothing changes', async (body, field, rule) => {
		const res = await setSettings(body);
		expect(res.status, JSON.stringify(res.body)).toBe(400);
		const error = res.body.errors[0];
		expect(JSON.stringify(error)).toContain(field);
		if (rule) expect(error.extensions.rule).toBe(rule);
		const now = (await admin.call(`/items/service_settings?fields=${FIELDS.join(',')}`)).body.data;
		expect(now).toEqual(original);
	});

	test('WTY-9: when an admin adds a stricter profile and makes it the one every unit gets, then one earlier repair of a fault already entitles a main-part replacement', async () => {
		expect((original['regulation_profiles'] as { key: string }[]).map((p) => p.key)).toEqual(['agri_2010', 'general_1995']);
		const product = (await admin.call('/items/products', { method: 'POST', body: json({ model: `T-REG-${Date.now().toString(36)}`, name: '测试机型', category: 'other', warranty_months: 12, main_parts_warranty_months: 24, regulation_profile: 'auto' }) })).body.data;
		const unit = (await admin.call('/items/units', { method: 'POST', body: json({ serial_no: `T-REG-${Date.now().toString(36)}`, product: product.id, sold_on: new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10), card_received_on: new Date(Date.now() - 55 * 86_400_000).toISOString().slice(0, 10) }) })).body.data;
		const repair = await admin.call('/items/repair_records', { method: 'POST', body: json({ unit: unit.id, fault_category: 'hydraulic', fault_description: '漏油', status: 'completed', received_at: new Date(Date.now() - 10 * 86_400_000).toISOString(), completed_at: new Date(Date.now() - 9 * 86_400_000).toISOString() }) });
		expect(repair.status, JSON.stringify(repair.body)).toBe(200);
		const before = (await admin.call(`/after-sales/units/${unit.serial_no}/coverage?fault_category=hydraulic`)).body.data;
		expect(before).toMatchObject({ next_remedy: 'repair' });

		const strict = { key: 'strict_test', name_zh: '从严', name_en: 'Strict', min_whole_machine_months: 12, serious_faults_only: false, early_remedies: [], ladder: [{ remedy: 'main_part_replacement', after: 'repair', count: 1 }] };
		const res = await setSettings({ regulation_profiles: [...(original['regulation_profiles'] as unknown[]), strict], regulation_profile_rules: [{ categories: null, sold_from: null, profile: 'strict_test' }] });
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		const after = (await admin.call(`/after-sales/units/${unit.serial_no}/coverage?fault_category=hydraulic`)).body.data;
		expect(after).toMatchObject({ profile: 'strict_test', next_remedy: 'main_part_replacement' });
		await setSettings({ regulation_profiles: original['regulation_profiles'], regulation_profile_rules: original['regulation_profile_rules'] });
	});

	test('WTY-5: when the signature limit is lowered to 16 KB, then a 20 KB signature is refused as too large, naming the limit', async () => {
		const dealer = await dealerSession(1);
		const big = Buffer.alloc(20 * 1024, 7).toString('base64');
		const before = await dealer.call('/after-sales/dealer/signatures', { method: 'POST', body: json({ data: big }) });
		expect(before.status).toBe(400);
		expect(before.body.errors[0].message).not.toContain('16');
		expect((await setSettings({ signature_max_kb: 16 })).status).toBe(200);
		const after = await dealer.call('/after-sales/dealer/signatures', { method: 'POST', body: json({ data: big }) });
		expect(after.status).toBe(400);
		expect(after.body.errors[0].extensions.field).toBe('data');
		expect(after.body.errors[0].message).toContain('16');
		const small = await dealer.call('/after-sales/dealer/signatures', { method: 'POST', body: json({ data: `data:image/png;base64,${PNG_1PX}` }) });
		expect(small.status).toBe(200);
		await setSettings({ signature_max_kb: original['signature_max_kb'] });
	});

	test('RPT-1: when the longest report period is set to 31 days, then a 40-day dealer report is a 400 naming to, and 30 days still answers', async () => {
		const path = (days: number) => `/after-sales/reports/dealers?from=2026-01-01&to=${new Date(Date.parse('2026-01-01T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10)}`;
		expect((await admin.call(path(40))).status).toBe(200);
		expect((await setSettings({ report_max_range_days: 31 })).status).toBe(200);
		const res = await admin.call(path(40));
		expect(res.status).toBe(400);
		expect(res.body.errors[0].extensions.field).toBe('to');
		expect((await admin.call(path(30))).status).toBe(200);
		await setSettings({ report_max_range_days: original['report_max_range_days'] });
	});

	test('ESC-4: when the provisioned retry policy is read, then it is the documented 8 attempts with delays up to 60 minutes', async () => {
		expect(original['delivery_retry']).toEqual({ max_attempts: 8, max_delay_minutes: 60 });
		expect(original['signature_max_kb']).toBe(256);
		expect(original['report_max_range_days']).toBe(1830);
	});
});
