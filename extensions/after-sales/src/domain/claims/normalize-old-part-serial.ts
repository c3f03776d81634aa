/** REQ-8: old-part serials compare without surrounding blanks and case ("old-1 " is OLD-1); blank is none. */
export function normalizeOldPartSerial(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const text = value.trim().toUpperCase();
	return text === '' ? null : text;
}
