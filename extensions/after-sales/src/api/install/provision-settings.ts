import { DEFAULT_CALENDAR, parseCalendar, withPublicHolidays } from '../../domain/calendar';
import { toJson } from '../lib/db-values';
import { DEFAULT_SLA_POLICIES, SlaMilestoneSchema, type SlaMilestone } from '../../domain/sla';
import { systemItems, type PackContext } from '../lib/context';
import { DealerRatingThresholdsSchema } from '../../domain/dealer-reports';
import { QualityThresholdsSchema } from '../../domain/quality';
import { DEFAULT_SEVERITY_LEVELS } from '../../domain/complaints';
import { DEFAULT_DELIVERY_RETRY } from '../../domain/notifications';
import { REGULATION_PROFILE_RULES, REGULATION_PROFILES } from '../../domain/warranty';
import { DEFAULT_JOB_SCHEDULES } from '../../domain/schedules';

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
		// Issue #11: when the pack's own jobs run (calendar time zone), for the admin to see and change.
		job_schedules: DEFAULT_JOB_SCHEDULES,
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
	const existing: { id: number; key: string | null; milestones: unknown }[] = await policies.readByQuery({ fields: ['id', 'key', 'milestones'], limit: -1 });
	const have = new Map(existing.map((p) => [p.key, p]));
	const perCollection = new Map<string, number>();
	for (const policy of DEFAULT_SLA_POLICIES) {
		const index = perCollection.get(policy.collection) ?? 0;
		perCollection.set(policy.collection, index + 1);
		const key = defaultPolicyKey(policy.collection, index);
		const stored = have.get(key);
		if (stored) {
			// WTY-11: a default policy still exactly as an earlier version wrote it (working days as
			// 8-hour blocks of minutes) moves to limits counted in working days; one an admin edited is theirs.
			if (isLegacyWorkingDayPolicy(toJson(stored.milestones), policy.milestones)) {
				await policies.updateOne(stored.id, { milestones: policy.milestones });
				created++;
			}
			continue;
		}
		await policies.createOne({ key, name: policy.name, collection: policy.collection, condition: policy.condition, priority: policy.priority, milestones: policy.milestones, active: policy.active });
		created++;
	}
	return { created };
}

/** Earlier versions stored a limit of N working days as N × 480 business minutes. */
const LEGACY_WORKING_DAY_MINUTES = 480;

/** True when `stored` is `current` written the old way: every working-day limit as minutes, nothing else different. */
export function isLegacyWorkingDayPolicy(stored: unknown, current: readonly SlaMilestone[]): boolean {
	if (!Array.isArray(stored) || stored.length !== current.length) return false;
	if (!current.some((m) => m.duration_working_days !== undefined)) return false;
	return current.every((milestone, index) => {
		const { duration_working_days: days, ...rest } = milestone;
		const legacy = days === undefined ? milestone : { ...rest, duration_minutes: days * LEGACY_WORKING_DAY_MINUTES };
		const old = SlaMilestoneSchema.safeParse(stored[index]);
		return old.success && canonical(old.data) === canonical(SlaMilestoneSchema.parse(legacy));
	});
}

/** JSON with sorted keys: PostgreSQL's jsonb and MariaDB reorder keys, so text comparison needs one order. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
}
