import { formatZodIssues } from '../errors';
import { assertHandlerNotSubject } from './assert-handler-not-subject';
import { ComplaintCreateSchema } from './schemas';

/** Each field belongs to the rule that demands it, so the 400 names the right rule. */
const RULE_OF_FIELD: Record<string, string> = { recorder: 'CMP-1', category: 'CMP-2', severity: 'CMP-5', status: 'CMP-3' };

/**
 * CMP-1, CMP-2, CMP-3, CMP-5, CMP-6: a new complaint names its recorder, has a known category and
 * severity, starts as `received`, and is not handed to the staff member it complains about.
 */
export function assertComplaintCreate(input: unknown): void {
	const result = ComplaintCreateSchema.safeParse(input);

	if (!result.success) {
		const field = String(result.error.issues[0]?.path[0] ?? '');
		throw formatZodIssues(result.error, RULE_OF_FIELD[field] ?? 'CMP-1');
	}

	assertHandlerNotSubject(result.data);
}
