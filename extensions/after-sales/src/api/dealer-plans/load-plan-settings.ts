// DLR-3, DLR-5: the sales seasons and parts-plan numbers of the settings singleton. A stored value
// the rules cannot use falls back to its default, field by field (the save hook refuses new ones).
import type { Knex } from 'knex';
import { PartsPlanSettingsSchema, type PartsPlanSettings } from '../../domain/dealer-plans';
import { loadSettings } from '../services/settings';
import { toJson } from '../lib/db-values';

export type PlanSettings = { plans: PartsPlanSettings; timezone: string; maxLineFen: bigint };

const tryJson = (value: unknown) => {
	try {
		return toJson(value);
	} catch {
		return undefined;
	}
};

export async function loadPlanSettings(knex: Knex): Promise<PlanSettings> {
	const settings = await loadSettings(knex);
	const raw = settings.raw;
	const fallback = PartsPlanSettingsSchema.parse({});
	const pick = <K extends keyof PartsPlanSettings>(key: K, value: unknown): PartsPlanSettings[K] => {
		if (value === null || value === undefined) return fallback[key];
		const parsed = PartsPlanSettingsSchema.shape[key].safeParse(value);
		return parsed.success ? (parsed.data as PartsPlanSettings[K]) : fallback[key];
	};
	const num = (v: unknown) => (v === null || v === undefined || v === '' ? undefined : Number(v));
	return {
		plans: {
			seasons: pick('seasons', tryJson(raw['sales_seasons']) ?? undefined),
			lead_days: pick('lead_days', num(raw['parts_plan_lead_days'])),
			reminder_days: pick('reminder_days', num(raw['parts_plan_reminder_days'])),
		},
		timezone: settings.calendar.timezone,
		maxLineFen: settings.maxLineFen,
	};
}
