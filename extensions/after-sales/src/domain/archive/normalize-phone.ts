const MOBILE = /^1[3-9]\d{9}$/;

/**
 * ARC-2: one spelling per phone number so a repeat caller finds their archive: spaces, dashes,
 * dots and brackets go, as does the +86 / 0086 country code. A landline written internationally
 * (+86 10 …) gets back the trunk 0 it has when dialled at home (010 …).
 */
export function normalizePhone(phone: string | null | undefined): string {
	if (!phone) return '';
	const text = phone.normalize('NFKC').trim();
	let digits = text.replace(/\D/g, '');
	const international = /^(\+|00)86/.test(text.replace(/[\s\-.()]/g, ''));
	if (international) {
		digits = digits.replace(/^(00)?86/, '');
		if (!MOBILE.test(digits) && digits !== '' && !digits.startsWith('0')) digits = `0${digits}`;
	} else if (digits.length === 13 && MOBILE.test(digits.slice(2)) && digits.startsWith('86')) {
		digits = digits.slice(2);
	}
	return digits;
}
