import { DomainRuleError } from '../errors';
import type { TimerRecord } from './types';
import { msg } from '../messages';

/** ESC-1: a timestamp field of the record as an instant; null when unset, an ESC-1 error when unreadable. */
export function computeRecordInstant(record: TimerRecord, field: string): Date | null {
	const value = record.fields[field];
	if (value === null || value === undefined || value === '') return null;

	const instant = value instanceof Date ? new Date(value.getTime()) : new Date(value);

	if (Number.isNaN(instant.getTime())) {
		throw new DomainRuleError('ESC-1', field, `ESC-1: ${field} is not a valid timestamp: ${String(value)}`, { text: msg('sla.not_timestamp', { field: { collection: '', field }, value: String(value) }) });
	}

	return instant;
}
