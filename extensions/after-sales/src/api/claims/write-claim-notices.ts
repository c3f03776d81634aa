// NTF-1, REQ-8: a claim's in-app notices, written to directus_notifications (the Studio's and the
// portal's inbox) in the caller's transaction: the notice exists exactly when the step does.
import type { Knex } from 'knex';
import { computeRepeatReviewNotice, type ClaimNotice } from '../../domain/claims';
import { ROLE_BY_KEY, type RoleKey } from '../install/roles';
import { fromInstant } from '../lib/db-values';
import { languagesOf } from '../lib/error-language';

/** Users holding one of `roles` (an archived account gets nothing; a suspended one finds it when back). */
async function recipientsOf(knex: Knex, roles: readonly string[]): Promise<string[]> {
	const ids = roles.map((r) => ROLE_BY_KEY.get(r as RoleKey)?.id).filter((id): id is string => Boolean(id));
	if (!ids.length) return [];
	const rows = await knex('directus_users').whereIn('role', ids).whereNot('status', 'archived').select('id').orderBy('id');
	return rows.map((r: { id: string }) => r.id);
}

export async function writeClaimNotices(knex: Knex, notices: readonly ClaimNotice[], now: Date): Promise<number> {
	let written = 0;
	for (const notice of notices) {
		let recipients = await recipientsOf(knex, notice.roles);
		if (!recipients.length) recipients = await recipientsOf(knex, notice.fallback_roles);
		const languageOf = await languagesOf(knex, recipients);
		for (const recipient of recipients) {
			const { subject, message } = notice.text[languageOf(recipient)];
			await knex('directus_notifications').insert({
				timestamp: fromInstant(now, knex), status: 'inbox', recipient, sender: null,
				subject: subject.slice(0, 255), message, collection: notice.collection, item: notice.item,
			});
			written++;
		}
	}
	return written;
}

/** REQ-8: the review notice of a claim created already submitted and held (its id is known only after the insert). */
export async function writeRepeatReviewNotice(knex: Knex, claimId: number, now: Date): Promise<number> {
	const claim = await knex('warranty_claims as c').leftJoin('repair_records as r', 'r.id', 'c.repair_record').leftJoin('dealers as d', 'd.id', 'c.dealer')
		.where('c.id', claimId).first('c.id', 'c.claim_no', 'c.repair_record', 'c.repeat_review', 'r.repeat_of', 'd.code');
	if (!claim || claim.repeat_review !== 'pending') return 0;
	const notice = computeRepeatReviewNotice({
		id: Number(claim.id), claim_no: claim.claim_no ?? null, repair_record: Number(claim.repair_record),
		repeat_of: claim.repeat_of === null || claim.repeat_of === undefined ? null : Number(claim.repeat_of), dealer_code: claim.code ?? null,
	});
	return writeClaimNotices(knex, [notice], now);
}
