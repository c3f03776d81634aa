/** CAL-3: the runtime's own IANA database decides, so the calendar never names a zone Intl cannot convert. */
export function isValidTimeZone(timeZone: string): boolean {
	if (timeZone.trim() === '') return false;

	try {
		new Intl.DateTimeFormat(undefined, { timeZone });
		return true;
	} catch {
		return false;
	}
}
