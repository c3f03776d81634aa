import type { Knex } from 'knex';
import { DEFAULT_CALENDAR, parseCalendar, type Calendar } from '../../domain/calendar';
import { DEFAULT_MAX_LINE_FEN } from '../../domain/integrity';
import { parseScaledDecimal } from '../../domain/money';
import { DEFAULT_REGULATION_SETTINGS, parseRegulationSettings, WarrantySettingsSchema, type RegulationSettings, type WarrantySettings } from '../../domain/warranty';
import { DEFAULT_DELIVERY_RETRY, DeliveryRetrySchema, parseNotificationChannels, type DeliveryRetry, type NotificationChannels } from '../../domain/notifications';
import { DEFAULT_SEVERITY_LEVELS, SeverityLevelsSchema, type SeverityLevels } from '../../domain/complaints';
import { isValidTimeZone } from '../../domain/calendar';
import { DEFAULT_JOB_SCHEDULES, JobSchedulesSchema, type JobSchedules } from '../../domain/schedules';
import type { PackContext } from '../lib/context';
import { toJson, vendorOf } from '../lib/db-values';

export type PackSettings = {
	raw: Record<string, unknown>;
	calendar: Calendar;
	warranty: WarrantySettings;
	/** INT-4: the largest amount one line, cost or ledger entry may carry, in fen. */
	maxLineFen: bigint;
	/** WTY-9: the regulation profiles and the table choosing one. */
	regulation: RegulationSettings;
	/** CMP-5: the level each severity starts at. */
	severityLevels: SeverityLevels;
	/** ESC-4, NTF-3: retries of failed deliveries. */
	deliveryRetry: DeliveryRetry;
	/** WTY-5: the largest drawn signature accepted, in bytes. */
	signatureMaxBytes: number;
	/** RPT-1: the longest period one report may cover, in days. */
	reportMaxRangeDays: number;
	/** WTY-2, WTY-6, RPT-4, RPT-2: when the pack's own jobs run, in the calendar's time zone. */
	schedules: JobSchedules;
};

export const DEFAULT_SIGNATURE_MAX_KB = 256;
export const DEFAULT_REPORT_MAX_RANGE_DAYS = 5 * 366;

/** A stored value the rule can use, or its default: a value broken by hand never stops the pack. */
function orDefault<T>(parse: () => T, fallback: T): T {
	try {
		return parse();
	} catch {
		return fallback;
	}
}
const wholeIn = (value: unknown, min: number, max: number, fallback: number) => {
	const n = value === null || value === undefined || value === '' ? NaN : Number(value);
	return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
};

/** INT-4: `max_line_amount` (yuan) as fen; unset or unreadable falls back to ¥10,000,000. */
export function readMaxLineFen(value: unknown): bigint {
	if (value === null || value === undefined || value === '') return DEFAULT_MAX_LINE_FEN;
	const fen = parseScaledDecimal(typeof value === 'number' ? value : String(value), 2);
	return fen !== null && fen > 0n ? fen : DEFAULT_MAX_LINE_FEN;
}

/** What the installer last wrote (install/install-record.ts reads it itself): large, and no rule's setting. */
const INSTALL_RECORD = 'install_record';

/**
 * The last row read and what it parses to. Every call still reads the row (so a change made on
 * any instance, through any path, is seen by the very next read, inside the caller's transaction
 * too); only the parsing (zod schemas, calendar, time zones) is skipped while the row is unchanged.
 */
let parsed: { row: Record<string, unknown>; settings: PackSettings } | null = null;

/** Reads the settings singleton; anything unset falls back to the RULES.md defaults. */
export async function loadSettings(knex: Knex): Promise<PackSettings> {
	const { [INSTALL_RECORD]: _record, ...row } = ((await readSettingsRow(knex)) ?? {}) as Record<string, unknown>;
	if (parsed && sameRow(parsed.row, row)) return parsed.settings;
	const settings = deepFreeze(parseSettings(row));
	parsed = { row, settings };
	return settings;
}

/**
 * CMP-5: the level each severity starts at, read on its own: a complaint's create needs this one
 * column, not the whole row (read fresh every time, so an edit on any instance counts at once).
 */
export async function loadSeverityLevels(knex: Knex): Promise<SeverityLevels> {
	const row = (await knex('service_settings').first('complaint_severity_levels')) as { complaint_severity_levels?: unknown } | undefined;
	return parseSeverityLevels(row?.complaint_severity_levels);
}

const parseSeverityLevels = (value: unknown): SeverityLevels =>
	orDefault(() => (value ? SeverityLevelsSchema.parse(toJson(value)) : DEFAULT_SEVERITY_LEVELS), DEFAULT_SEVERITY_LEVELS);

/**
 * The settings row without the install record, which is large (the installer's whole plan) and
 * which every write would otherwise read and parse. The column list is read once per process;
 * when the table changed under it (a column removed), the read falls back to every column once
 * and the list is read again.
 */
let settingsColumns: Promise<string[]> | null = null;
async function readSettingsRow(knex: Knex): Promise<Record<string, unknown> | undefined> {
	try {
		settingsColumns ??= knex('service_settings').columnInfo().then((info) => Object.keys(info).filter((c) => c !== INSTALL_RECORD));
		const columns = await settingsColumns;
		if (!columns.length) throw new Error('no columns');
		return await knex('service_settings').first(columns);
	} catch (error) {
		settingsColumns = null;
		if (knex.isTransaction && vendorOf(knex) === 'postgres') throw error;
		return knex('service_settings').first();
	}
}

/** Two reads of the settings row hold the same stored values (JSON columns are text on SQLite, parsed on PostgreSQL). */
export function sameRow(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
	const keys = Object.keys(a);
	if (keys.length !== Object.keys(b).length) return false;
	for (const key of keys) {
		if (!(key in b)) return false;
		const x = a[key];
		const y = b[key];
		if (x === y) continue;
		if (x instanceof Date && y instanceof Date) {
			if (x.getTime() === y.getTime()) continue;
			return false;
		}
		if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object' || x instanceof Date || y instanceof Date) return false;
		if (JSON.stringify(x) !== JSON.stringify(y)) return false;
	}
	return true;
}

/** Shared between callers: read-only, so no caller can change what the next one reads. */
function deepFreeze<T>(value: T): T {
	if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
	Object.freeze(value);
	for (const inner of Object.values(value as Record<string, unknown>)) deepFreeze(inner);
	return value;
}

/** The settings a stored row stands for. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a stored row, each column checked where it is read
export function parseSettings(row: Record<string, any>): PackSettings {
	// CAL-1: `default_timezone` is the calendar's zone when the calendar names none (or is unset).
	const zone = typeof row.default_timezone === 'string' && isValidTimeZone(row.default_timezone) ? row.default_timezone : DEFAULT_CALENDAR.timezone;
	const fallbackCalendar = { ...DEFAULT_CALENDAR, timezone: zone };
	let calendar: Calendar;
	try {
		const stored = toJson(row.calendar) as Record<string, unknown> | null;
		calendar = stored ? parseCalendar(stored.timezone ? stored : { ...stored, timezone: zone }) : fallbackCalendar;
	} catch {
		calendar = fallbackCalendar;
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
	return {
		raw: row, calendar, warranty, maxLineFen: readMaxLineFen(row.max_line_amount),
		regulation: orDefault(() => parseRegulationSettings(toJson(row.regulation_profiles), toJson(row.regulation_profile_rules)), DEFAULT_REGULATION_SETTINGS),
		severityLevels: parseSeverityLevels(row.complaint_severity_levels),
		deliveryRetry: orDefault(() => (row.delivery_retry ? DeliveryRetrySchema.parse(toJson(row.delivery_retry)) : DEFAULT_DELIVERY_RETRY), DEFAULT_DELIVERY_RETRY),
		signatureMaxBytes: wholeIn(row.signature_max_kb, 16, 4096, DEFAULT_SIGNATURE_MAX_KB) * 1024,
		reportMaxRangeDays: wholeIn(row.report_max_range_days, 31, 3660, DEFAULT_REPORT_MAX_RANGE_DAYS),
		schedules: orDefault(() => (row.job_schedules ? JobSchedulesSchema.parse(toJson(row.job_schedules)) : DEFAULT_JOB_SCHEDULES), DEFAULT_JOB_SCHEDULES),
	};
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
