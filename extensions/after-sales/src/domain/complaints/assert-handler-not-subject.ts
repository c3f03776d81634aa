import { DomainRuleError } from '../errors';
import { msg } from '../messages';

export interface HandlerAssignment {
	category: string;
	subject_staff?: string | number | null | undefined;
	handler?: string | number | null | undefined;
}

/** CMP-6: nobody handles a complaint about their own service attitude. */
export function assertHandlerNotSubject({ category, subject_staff, handler }: HandlerAssignment): void {
	if (category !== 'attitude' || subject_staff == null || handler == null) return;

	if (String(subject_staff) === String(handler)) {
		throw new DomainRuleError('CMP-6', 'handler', msg('complaint.handler_is_subject'), { collection: 'complaints' });
	}
}
