import { DomainRuleError } from '../errors';
import { normalizeOldPartSerial } from './normalize-old-part-serial';
import { REJECTION_REASONS } from './rejection-reasons';
import { OLD_PART_CLAIMED_STATUSES } from './repeat-review';
import { msg, state } from '../messages';

/** An old part already on a claim: its serial, the claim and that claim's repair. */
export interface ClaimedOldPart {
	serial: string;
	claim_id: number;
	claim_no: string | null;
	claim_status: string;
	repair_record: number;
}

/**
 * REQ-8, WTY-7 (duplicate): one old part earns one claim. A part whose serial is already on another
 * repair's submitted, audited, inspected, approved or settled claim is refused, naming the first
 * such line (`label` is what the caller calls it, e.g. `parts.1` or `repair_parts.42`). Draft and
 * rejected claims hold nothing; the repair's own claim is not "another".
 */
export function assertOldPartsUnclaimed(
	parts: ReadonlyArray<{ label: string; old_part_serial?: string | null }>,
	claimed: ReadonlyArray<ClaimedOldPart>,
	ownRepair: number | null,
): void {
	const held = new Map<string, ClaimedOldPart>();
	for (const c of claimed) {
		const serial = normalizeOldPartSerial(c.serial);
		if (!serial || c.repair_record === ownRepair || !(OLD_PART_CLAIMED_STATUSES as readonly string[]).includes(c.claim_status)) continue;
		if (!held.has(serial)) held.set(serial, c);
	}
	for (const part of parts) {
		const serial = normalizeOldPartSerial(part.old_part_serial);
		const other = serial ? held.get(serial) : undefined;
		if (!other) continue;
		const { label_zh, label_en } = REJECTION_REASONS.duplicate;
		throw new DomainRuleError(
			'REQ-8',
			'old_part_serial',
			`REQ-8: old_part_serial: ${part.label}: old part ${String(part.old_part_serial).trim()} is already on claim ${other.claim_no ?? `#${other.claim_id}`} (${other.claim_status}) of repair #${other.repair_record}; refused as duplicate (${label_zh} / ${label_en})`,
			{
				collection: 'repair_parts',
				text: msg('claim.old_part_duplicate', {
					part: part.label, serial: String(part.old_part_serial).trim(), claim: other.claim_no ?? `#${other.claim_id}`,
					status: state('warranty_claims', 'status', other.claim_status), repair: other.repair_record,
				}),
			},
		);
	}
}
