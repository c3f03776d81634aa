import { normalizeCustomerName } from './normalize-customer-name';
import { normalizePhone } from './normalize-phone';

type Id = string | number;

export interface CustomerCandidate {
	id: Id;
	name: string | null;
	phone: string | null;
}

/**
 * ARC-2: the existing archive an incoming call belongs to, so it is updated the same day instead
 * of duplicated. The phone decides first (when several archives share it, the one whose name also
 * matches, else the first); then an exact normalised name, but only when exactly one archive has it —
 * attaching a call to the wrong 张伟 would show one customer another's data (ARC-4). Null: create one.
 */
export function computeCustomerMatch(input: { name: string | null; phone: string | null }, candidates: readonly CustomerCandidate[]): Id | null {
	const phone = normalizePhone(input.phone);
	const name = normalizeCustomerName(input.name);

	if (phone !== '') {
		const byPhone = candidates.filter((candidate) => normalizePhone(candidate.phone) === phone);
		if (byPhone.length > 0) {
			return (byPhone.find((candidate) => name !== '' && normalizeCustomerName(candidate.name) === name) ?? byPhone[0]!).id;
		}
	}

	if (name !== '') {
		const byName = candidates.filter((candidate) => normalizeCustomerName(candidate.name) === name);
		if (byName.length === 1) return byName[0]!.id;
	}
	return null;
}
