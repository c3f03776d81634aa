import { formatZodIssues } from '../errors';
import { CalendarSchema, type Calendar } from './schemas';

/** CAL-1: an admin-edited calendar is parsed before use; the error names the offending field. */
export function parseCalendar(input: unknown): Calendar {
	const result = CalendarSchema.safeParse(input ?? {});
	if (!result.success) throw formatZodIssues(result.error, 'CAL-1');
	return result.data;
}
