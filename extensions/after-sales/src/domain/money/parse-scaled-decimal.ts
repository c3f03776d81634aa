const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Reads a decimal as an integer count of 10^-scale units, or null when it is not an exact decimal
 * at that scale. Strings are read digit by digit so no float ever touches a money value; a number
 * is accepted only when its shortest text form is such a decimal (0.1 + 0.2 is not).
 * Zeros beyond the scale are harmless ('12.5000' from a decimal(12,4) column is exactly 12.50).
 */
export function parseScaledDecimal(value: string | number, scale: number): bigint | null {
	let text: string;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return null;
		text = String(value);
	} else if (typeof value === 'string') {
		text = value.trim();
	} else {
		return null;
	}
	const match = DECIMAL.exec(text);
	if (!match) return null;
	const [, sign, whole, fraction = ''] = match;
	const significant = fraction.replace(/0+$/, '');
	if (significant.length > scale) return null;
	const units = BigInt(whole! + significant.padEnd(scale, '0'));
	return sign ? -units : units;
}
