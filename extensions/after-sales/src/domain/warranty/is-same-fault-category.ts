/**
 * REQ-8, WTY-9: fault categories typed by different people ('Hydraulic ', 'hydraulic') are the same
 * fault; a missing category matches nothing, so unknown faults never look like repeats.
 */
export function isSameFaultCategory(a: string | null | undefined, b: string | null | undefined): boolean {
	if (!a || !b) return false;
	const left = a.trim().toLowerCase();
	return left !== '' && left === b.trim().toLowerCase();
}
