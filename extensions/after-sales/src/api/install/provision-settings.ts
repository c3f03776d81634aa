import { DEFAULT_CALENDAR, parseCalendar, withPublicHolidays } from '../../domain/calendar';
import { toJson } from '../lib/db-values';
import { DEFAULT_SLA_POLICIES } from '../../domain/sla';
import { systemItems, type PackContext } from '../lib/context';
import { DealerRatingThresholdsSchema } from '../../domain/dealer-reports';
import { QualityThresholdsSchema } from '../../domain/quality';
import { DEFAULT_SEVERITY_LEVELS } from '../../domain/complaints';
import { DEFAULT_DELIVERY_RETRY } from '../../domain/notifications';
import { REGULATION_PROFILE_RULES, REGULATION_PROFILES } from '../../domain/warranty';

/** Default values of the settings singleton's JSON fields (every number stays editable). */
export function defaultSettings() {
	return {
		// CAL-2: the State Council's published holidays and 调休 days, for the admin to see and edit.
		calendar: withPublicHolidays({ ...DEFAULT_CALENDAR, holidays: [...DEFAULT_CALENDAR.holidays], adjusted_working_days: [...DEFAULT_CALENDAR.adjusted_working_days] }),
		parts_return_deadlines: ['06-30', '12-31'],
		parts_return_reminder_days: [14, 3],
		busy_seasons: [
			{ name: '三夏麦收 Summer wheat harvest', regions: [], categories: ['harvester', 'tractor'], from: '05-25', to: '06-25' },
			{ name: '三秋 Autumn harvest and sowing', regions: [], categories: ['harvester', 'tractor', 'implement'], from: '09-15', to: '10-31' },
		],
		notification_channels: { in_app: true, email: false, webhooks: [] },
		// DLR-4, RPT-4: written out in full so an admin sees every number they may change.
		dealer_rating_thresholds: DealerRatingThresholdsSchema.parse({}),
		quality_thresholds: QualityThresholdsSchema.parse({}),
		// WTY-9, CMP-5, ESC-4: the tables and numbers that were constants, written out for the admin.
		regulation_profiles: Object.values(REGULATION_PROFILES),
		regulation_profile_rules: REGULATION_PROFILE_RULES,
		complaint_severity_levels: DEFAULT_SEVERITY_LEVELS,
		delivery_retry: DEFAULT_DELIVERY_RETRY,
	};
}

/** Stable key of a provisioned default policy, so a re-install neither duplicates nor overwrites it. */
export const defaultPolicyKey = (collection: string, index: number) => `default_${collection}_${index + 1}`;

export async function provisionSettings(ctx: PackContext): Promise<{ created: number }> {
	let created = 0;
	const settings = await systemItems(ctx, 'service_settings', ctx.database, false);
	const [row] = await settings.readByQuery({ limit: 1 });
	const defaults = defaultSettings();
	if (!row) {
		await settings.createOne(defaults);
		created++;
	} else {
		const missing: Record<string, unknown> = Object.fromEntries(Object.entries(defaults).filter(([field]) => row[field] === null || row[field] === undefined));
		// CAL-2: an upgrade adds a newly published year's holidays to a calendar that has none of that year.
		if (!('calendar' in missing)) {
			try {
				const stored = parseCalendar(toJson(row.calendar));
				const next = withPublicHolidays(stored);
				if (next !== stored) missing['calendar'] = next;
			} catch {
				// A calendar broken by hand is the admin's to fix (the save hook names the field).
			}
		}
		if (Object.keys(missing).length) {
			await settings.updateOne(row.id, missing);
			created += Object.keys(missing).length;
		}
	}

	const policies = await systemItems(ctx, 'sla_policies', ctx.database, false);
	const existing: { key: string | null }[] = await policies.readByQuery({ fields: ['key'], limit: -1 });
	const have = new Set(existing.map((p) => p.key));
	const perCollection = new Map<string, number>();
	for (const policy of DEFAULT_SLA_POLICIES) {
		const index = perCollection.get(policy.collection) ?? 0;
		perCollection.set(policy.collection, index + 1);
		const key = defaultPolicyKey(policy.collection, index);
		if (have.has(key)) continue;
		await policies.createOne({ key, name: policy.name, collection: policy.collection, condition: policy.condition, priority: policy.priority, milestones: policy.milestones, active: policy.active });
		created++;
	}
	return { created };
}
