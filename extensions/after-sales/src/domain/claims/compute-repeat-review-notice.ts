import { msg } from '../messages';
import { catalogNotice, type LocalNoticeText } from '../notifications/local-notice';

/** An in-app notice the adapter delivers to every user holding one of `roles` (else `fallback_roles`). */
export interface ClaimNotice {
	roles: readonly string[];
	fallback_roles: readonly string[];
	/** The text in each language; each recipient gets theirs. */
	text: LocalNoticeText;
	collection: 'warranty_claims';
	item: string;
}

/** REQ-8, NTF-1: the technical department is told that a repeat-repair claim waits for its review. */
export function computeRepeatReviewNotice(claim: { id: number; claim_no: string | null; repair_record: number; repeat_of: number | null; dealer_code?: string | null }): ClaimNotice {
	const no = claim.claim_no ?? `#${claim.id}`;
	return {
		roles: ['technical_dept'],
		fallback_roles: ['service_manager'],
		text: catalogNotice('notice.repeat_review_subject', 'notice.repeat_review_message', {
			no, dealer: claim.dealer_code ? msg('notice.of_dealer', { code: claim.dealer_code }) : '', repair: claim.repair_record, repeat_of: claim.repeat_of ?? '?',
		}),
		collection: 'warranty_claims',
		item: String(claim.id),
	};
}
