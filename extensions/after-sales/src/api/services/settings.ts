import type { Knex } from 'knex';
import { DEFAULT_CALENDAR, parseCalendar, type Calendar } from '../../domain/calendar';
import { WarrantySettingsSchema, type WarrantySettings } from '../../domain/warranty';
import { toJson } from '../lib/db-values';

export type PackSettings = {
	raw: Record<string, unknown>;
	calendar: Calendar;
	warranty: WarrantySettings;
};

/** Reads the settings singleton; anything unset falls back to the RULES.md defaults. */
export async function loadSettings(knex: Knex): Promise<PackSettings> {
	const row = (await knex('service_settings').first()) ?? {};
	let calendar: Calendar;
	try {
		calendar = row.calendar ? parseCalendar(toJson(row.calendar)) : DEFAULT_CALENDAR;
	} catch {
		calendar = DEFAULT_CALENDAR;
	}
	const warranty = WarrantySettingsSchema.parse({
		card_deadline_days: row.card_deadline_days ?? undefined,
		repeat_repair_window_days: row.repeat_repair_window_days ?? undefined,
		timezone: calendar.timezone,
	});
	return { raw: row, calendar, warranty };
}
