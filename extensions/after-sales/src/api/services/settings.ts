import type { Knex } from 'knex';
import { DEFAULT_CALENDAR, parseCalendar, type Calendar } from '../../domain/calendar';
import { DEFAULT_MAX_LINE_FEN } from '../../domain/integrity';
import { parseScaledDecimal } from '../../domain/money';
import { WarrantySettingsSchema, type WarrantySettings } from '../../domain/warranty';
import { parseNotificationChannels, type NotificationChannels } from '../../domain/notifications';
import type { PackContext } from '../lib/context';
import { toJson } from '../lib/db-values';

export type PackSettings = {
	raw: Record<string, unknown>;
	calendar: Calendar;
	warranty: WarrantySettings;
	/** INT-4: the largest amount one line, cost or ledger entry may carry, in fen. */
	maxLineFen: bigint;
};

/** INT-4: `max_line_amount` (yuan) as fen; unset or unreadable falls back to ¥10,000,000. */
export function readMaxLineFen(value: unknown): bigint {
	if (value === null || value === undefined || value === '') return DEFAULT_MAX_LINE_FEN;
	const fen = parseScaledDecimal(typeof value === 'number' ? value : String(value), 2);
	return fen !== null && fen > 0n ? fen : DEFAULT_MAX_LINE_FEN;
}

/** Reads the settings singleton; anything unset falls back to the RULES.md defaults. */
export async function loadSettings(knex: Knex): Promise<PackSettings> {
	const row = (await knex('service_settings').first()) ?? {};
	let calendar: Calendar;
	try {
		calendar = row.calendar ? parseCalendar(toJson(row.calendar)) : DEFAULT_CALENDAR;
	} catch {
		calendar = DEFAULT_CALENDAR;
	}
	// A stored value the rules cannot use falls back to its default, field by field: a bad setting
	// must never turn every write of the pack into an error (the save hook refuses new ones).
	const field = (name: 'card_deadline_days' | 'repeat_repair_window_days') => {
		const value = row[name] === null || row[name] === undefined ? undefined : Number(row[name]);
		return WarrantySettingsSchema.shape[name].safeParse(value).success ? value : undefined;
	};
	const warranty = WarrantySettingsSchema.parse({
		card_deadline_days: field('card_deadline_days'),
		repeat_repair_window_days: field('repeat_repair_window_days'),
		timezone: calendar.timezone,
	});
	return { raw: row, calendar, warranty, maxLineFen: readMaxLineFen(row.max_line_amount) };
}

/** ESC-2, NTF-2, REQ-7: the notification channels of the settings; a value broken by hand falls back to in-app only. */
export function channelsOf(raw: Record<string, unknown>, ctx: PackContext): NotificationChannels {
	try {
		return parseNotificationChannels(toJson(raw['notification_channels']));
	} catch (error) {
		// Settings are validated on save; a value broken by hand must not stop escalations being logged.
		ctx.logger.error(`[after-sales] ESC-2: notification_channels are invalid, only in-app notices are sent: ${(error as Error).message}`);
		return parseNotificationChannels({ in_app: true });
	}
}
