import { describe, expect, test } from 'vitest';
import { DEFAULT_SLA_POLICIES } from '../../domain/sla';
import { isLegacyWorkingDayPolicy } from './provision-settings';

const warranty = DEFAULT_SLA_POLICIES.find((p) => p.milestones.some((m) => m.key === 'repair_finished'))!;
/** How an earlier version stored it: 30 working days as 30 × 480 minutes, keys in jsonb's order. */
const legacy = () => warranty.milestones.map(({ duration_working_days: days, ...rest }) => JSON.parse(JSON.stringify(days ? { duration_minutes: days * 480, ...rest } : rest)));

describe('upgrade of the default SLA policies (WTY-11)', () => {
	test('WTY-11: a default policy stored with working days as 8-hour blocks is recognised and moved to working days', () => {
		expect(isLegacyWorkingDayPolicy(legacy(), warranty.milestones)).toBe(true);
	});

	test('WTY-11: a policy an admin edited (another duration, another level) is left as it is', () => {
		const edited = legacy();
		edited[0] = { ...edited[0], escalate_to_level: 3 };
		expect(isLegacyWorkingDayPolicy(edited, warranty.milestones)).toBe(false);
		const longer = legacy().map((m: { duration_minutes?: number }) => (m.duration_minutes === 30 * 480 ? { ...m, duration_minutes: 31 * 480 } : m));
		expect(isLegacyWorkingDayPolicy(longer, warranty.milestones)).toBe(false);
	});

	test('WTY-11: a policy already in working days is not rewritten again', () => {
		expect(isLegacyWorkingDayPolicy(JSON.parse(JSON.stringify(warranty.milestones)), warranty.milestones)).toBe(false);
		expect(isLegacyWorkingDayPolicy(null, warranty.milestones)).toBe(false);
	});
});

describe('the provisioned settings pass their own save checks', () => {
	test('INT-5: every structured default an install writes is accepted by the settings table it is checked against', async () => {
		const { SETTINGS } = await import('../settings/register-settings-hooks');
		const { defaultSettings } = await import('./provision-settings');
		const defaults = defaultSettings() as Record<string, unknown>;
		const visitWindows = [{ season: 'spring', from: '03-01', to: '05-31' }, { season: 'autumn', from: '09-01', to: '11-30' }];
		for (const [field, schema] of SETTINGS) {
			const value = field === 'key_account_visit_windows' ? visitWindows : field in defaults ? defaults[field] : undefined;
			if (value === undefined) continue;
			expect(schema.safeParse(value).success, field).toBe(true);
		}
	});
});
