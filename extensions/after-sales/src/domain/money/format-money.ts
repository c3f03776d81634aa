/** Fen back to the decimal string Directus stores ('1234.50'), so amounts round-trip exactly. */
export function formatMoney(fen: bigint): string {
	const negative = fen < 0n;
	const digits = (negative ? -fen : fen).toString().padStart(3, '0');
	const text = `${digits.slice(0, -2)}.${digits.slice(-2)}`;
	return negative ? `-${text}` : text;
}
