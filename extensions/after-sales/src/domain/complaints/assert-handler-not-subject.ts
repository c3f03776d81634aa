import { DomainRuleError } from '../errors';

export interface HandlerAssignment {
	category: string;
	subject_staff?: string | number | null | undefined;
	handler?: string | number | null | undefined;
}

/** CMP-6: nobody handles a complaint about their own service attitude. */
export function assertHandlerNotSubject({ category, subject_staff, handler }: HandlerAssignment): void {
	if (category !== 'attitude' || subject_staff == null || handler == null) return;

	if (String(subject_staff) === String(handler)) {
		throw new DomainRuleError('CMP-6', 'handler', 'CMP-6: an attitude complaint cannot be handled by the staff member it is about');
	}
}
