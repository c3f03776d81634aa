/** An in-app notice the adapter delivers to every user holding one of `roles` (else `fallback_roles`). */
export interface ClaimNotice {
	roles: readonly string[];
	fallback_roles: readonly string[];
	subject: string;
	message: string;
	collection: 'warranty_claims';
	item: string;
}

/** REQ-8, NTF-1: the technical department is told that a repeat-repair claim waits for its review. */
export function computeRepeatReviewNotice(claim: { id: number; claim_no: string | null; repair_record: number; repeat_of: number | null; dealer_code?: string | null }): ClaimNotice {
	const no = claim.claim_no ?? `#${claim.id}`;
	return {
		roles: ['technical_dept'],
		fallback_roles: ['service_manager'],
		subject: `REQ-8 重复修理索赔待复核 / Repeat-repair claim to review: ${no}`.slice(0, 255),
		message: [
			`索赔 ${no}${claim.dealer_code ? `（经销商 ${claim.dealer_code}）` : ''}的维修记录 #${claim.repair_record} 与维修记录 #${claim.repeat_of ?? '?'} 为同一机器同一故障（重复修理）。请技术部复核后在索赔单上记录 repeat_review（cleared / refused）；复核前不能核准。`,
			`Claim ${no}${claim.dealer_code ? ` (dealer ${claim.dealer_code})` : ''}: repair #${claim.repair_record} repeats repair #${claim.repeat_of ?? '?'} (same unit, same fault). Record repeat_review (cleared / refused) on the claim; it cannot be approved before.`,
		].join('\n'),
		collection: 'warranty_claims',
		item: String(claim.id),
	};
}
