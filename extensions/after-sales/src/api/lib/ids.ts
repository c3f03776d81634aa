import { ruleViolation } from './errors';

/** INT-5: an id as the pack's tables key them (positive integers); anything else is a 400, never a database error. */
export function parseIdOrThrow(value: unknown, field: string, rule: string): number {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^[1-9]\d{0,14}$/.test(text)) throw ruleViolation(rule, field, `${JSON.stringify(value)} is not an id`);
	return Number(text);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseUuidOrThrow(value: unknown, field: string, rule: string): string {
	if (typeof value !== 'string' || !UUID.test(value.trim())) throw ruleViolation(rule, field, `${JSON.stringify(value)} is not a file or user id (uuid)`);
	return value.trim().toLowerCase();
}
