import { ruleViolation } from './errors';
import { msg } from '../../domain/messages';

export const MAX_ID = 2_147_483_647;

/** INT-5: an id as the pack's tables key them (positive integers); anything else is a 400, never a database error. */
export function parseIdOrThrow(value: unknown, field: string, rule: string): number {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	// Integer keys: PostgreSQL and MySQL refuse anything past 2^31 - 1 with a database error.
	if (!/^[1-9]\d{0,9}$/.test(text) || Number(text) > MAX_ID) throw ruleViolation(rule, field, msg('int.not_id', { value: JSON.stringify(value) }));
	return Number(text);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseUuidOrThrow(value: unknown, field: string, rule: string): string {
	if (typeof value !== 'string' || !UUID.test(value.trim())) throw ruleViolation(rule, field, msg('int.not_uuid', { value: JSON.stringify(value) }));
	return value.trim().toLowerCase();
}

/** A many-to-one value as a payload gives it: the key itself, or a nested item's `id` (undefined when the item is new). */
export const refId = (value: unknown): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['id'] : value);
