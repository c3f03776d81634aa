// WTY-7: a claim as the dealer reads it: labour, travel and each part on its own line, what was
// claimed and what was approved per line, and why a line was cut (the reason's text, not its code).

type Reason = { code: string; label_zh: string; label_en: string } | null;
export type ClaimLine = {
	key: string;
	kind: 'labour' | 'travel' | 'part';
	part_no: string | null; part_name: string | null; quantity: string | null;
	claimed: string | null;
	/** null while no one has decided the line yet. */
	approved: string | null;
	reason: string | null;
};

type ClaimAnswer = {
	labour_claimed?: string | null; travel_claimed?: string | null; labour_approved?: string | null; travel_approved?: string | null;
	lines?: { id: number | string; part_no?: string | null; part_name?: string | null; quantity?: string | number | null; amount?: string | null; approved_amount?: string | null; rejection_reason?: Reason }[];
};

const reasonText = (reason: Reason | undefined, lang: 'zh' | 'en') => (reason ? (lang === 'zh' ? reason.label_zh : reason.label_en) : null);

export function claimLines(claim: ClaimAnswer, lang: 'zh' | 'en'): ClaimLine[] {
	const fixed = (kind: 'labour' | 'travel', claimed: string | null | undefined, approved: string | null | undefined): ClaimLine => ({
		key: kind, kind, part_no: null, part_name: null, quantity: null, claimed: claimed ?? null, approved: approved ?? null, reason: null,
	});
	return [
		fixed('labour', claim.labour_claimed, claim.labour_approved),
		fixed('travel', claim.travel_claimed, claim.travel_approved),
		...(claim.lines ?? []).map((l): ClaimLine => ({
			key: `part-${l.id}`, kind: 'part', part_no: l.part_no ?? null, part_name: l.part_name ?? null,
			quantity: l.quantity === null || l.quantity === undefined ? null : String(l.quantity),
			claimed: l.amount ?? null, approved: l.approved_amount ?? null, reason: reasonText(l.rejection_reason, lang),
		})),
	];
}

/** `¥1,311.00`-style money as the API sends it (a decimal string), or a dash for none. */
export const yuan = (amount: string | null | undefined) => (amount === null || amount === undefined || amount === '' ? '—' : `¥${amount}`);
