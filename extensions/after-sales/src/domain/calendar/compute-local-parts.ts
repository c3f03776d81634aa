import type { LocalParts } from './types';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);

	if (!formatter) {
		// h23 avoids engines that print midnight as '24' when only hour12: false is given.
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});

		formatters.set(timeZone, formatter);
	}

	return formatter;
}

/** CAL-3: the local reading of an instant, straight from the zone's formatter (slow: Intl). */
export function readLocalParts(at: Date, timeZone: string): LocalParts {
	const values: Record<string, number> = {};

	for (const part of formatterFor(timeZone).formatToParts(at)) {
		if (part.type !== 'literal') values[part.type] = Number(part.value);
	}

	const year = values['year'] ?? NaN;
	const month = values['month'] ?? NaN;
	const day = values['day'] ?? NaN;

	return {
		year,
		month,
		day,
		hour: (values['hour'] ?? 0) % 24,
		minute: values['minute'] ?? 0,
		second: values['second'] ?? 0,
		weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
	};
}

const HOUR_MS = 3_600_000;
/** The zone's offset from UTC (ms) for whole UTC hours in which it does not change, by `zone|hour`. */
const offsets = new Map<string, number>();

function offsetAt(ms: number, timeZone: string): number {
	const p = readLocalParts(new Date(ms), timeZone);
	return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * CAL-3: instants are UTC; working hours are local, so every rule needs the local reading of an
 * instant. The zone's offset is read once per UTC hour (Intl is slow and deadline arithmetic asks
 * thousands of times): an hour whose first and last second have the same offset has it
 * throughout (a zone changes its offset months apart); an hour holding a change is read directly.
 */
export function computeLocalParts(at: Date, timeZone: string): LocalParts {
	const ms = at.getTime();
	if (!Number.isFinite(ms)) return readLocalParts(at, timeZone);
	const hour = Math.floor(ms / HOUR_MS);
	const key = `${timeZone}|${hour}`;
	let offset = offsets.get(key);
	if (offset === undefined) {
		const first = offsetAt(hour * HOUR_MS, timeZone);
		if (first !== offsetAt(hour * HOUR_MS + HOUR_MS - 1000, timeZone)) return readLocalParts(at, timeZone);
		if (offsets.size >= 20_000) offsets.clear();
		offsets.set(key, first);
		offset = first;
	}
	const local = new Date(ms + offset);
	return {
		year: local.getUTCFullYear(),
		month: local.getUTCMonth() + 1,
		day: local.getUTCDate(),
		hour: local.getUTCHours(),
		minute: local.getUTCMinutes(),
		second: local.getUTCSeconds(),
		weekday: local.getUTCDay(),
	};
}
