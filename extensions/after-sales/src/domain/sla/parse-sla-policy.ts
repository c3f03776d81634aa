import { formatZodIssues } from '../errors';
import { SlaPolicySchema, type SlaPolicy } from './schemas';

/** ESC-1: a policy is parsed before it is saved or used; the error names the path, e.g. `milestones.1.duration_minutes`. */
export function parseSlaPolicy(input: unknown): SlaPolicy {
	const result = SlaPolicySchema.safeParse(input);
	if (!result.success) throw formatZodIssues(result.error, 'ESC-1');
	return result.data;
}
