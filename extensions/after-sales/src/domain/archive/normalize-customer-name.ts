/**
 * ARC-2: names typed by different agents match when they differ only in width (ＡＢＣ vs ABC,
 * full-width brackets), case or spacing.
 */
export function normalizeCustomerName(name: string | null | undefined): string {
	return (name ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}
