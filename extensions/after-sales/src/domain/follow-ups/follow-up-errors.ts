import { DomainRuleError } from '../errors';

/** A well-formed request the follow-up's state refuses (already done): 409. */
export class FollowUpStateError extends DomainRuleError {
	readonly status = 409;
}

/** FUP-6: a survey link that was valid once and is no more (expired, or its follow-up cancelled): 410. */
export class SurveyGoneError extends DomainRuleError {
	readonly status = 410;
}
