import { NotOwnRecordError } from './not-own-record-error';
import { msg } from '../messages';

/**
 * DLR-1, ARC-4: a dealer claims only for its own repairs. Staff callers (no dealer) are not
 * restricted here; their permissions are the adapters' business.
 */
export function assertOwnRepair(repair: { dealer: string | number | null }, caller_dealer: string | number | null | undefined): void {
	if (caller_dealer === null || caller_dealer === undefined) return;
	if (repair.dealer === null || String(repair.dealer) !== String(caller_dealer)) {
		throw new NotOwnRecordError('DLR-1', 'repair_record', msg('dealer.not_own_repair'));
	}
}
