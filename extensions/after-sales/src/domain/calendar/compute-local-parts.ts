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

/** CAL-3: instants are UTC; working hours are local, so every rule needs the local reading of an instant. */
export function computeLocalParts(at: Date, timeZone: string): LocalParts {
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
