import { DomainRuleError } from '../errors';
import { computeInitialHandlingLevel } from './compute-initial-handling-level';
import type { HandlingLevel } from './schemas';
import { msg, state } from '../messages';

const SEVERITY_ORDER = ['normal', 'serious', 'critical'];
/** ESC-2: who may raise a record's level by hand (the sweep raises it on a breach). */
export const LEVEL_RAISING_ROLES = ['service_manager', 'leadership'] as const;

/**
 * CMP-5, ESC-2: after creation, `handling_level` and `severity` belong to the rules. They are
 * raised by the sweep's escalation or by an explicit raise from a manager or leadership; never
 * lowered by a client, and never in the same request as a status change, so an approval is always
 * checked against the level as it was stored. Raising the severity raises the level it demands.
 * Returns the columns to write (the level may follow the severity).
 */
export function decideLevelChange(input: {
	stored: { handling_level: number; severity?: string | null };
	requested: { handling_level?: unknown; severity?: unknown };
	changes_status: boolean;
	roles: readonly string[];
	admin: boolean;
}): { handling_level?: HandlingLevel; severity?: string } {
	const { stored, requested } = input;
	const out: { handling_level?: HandlingLevel; severity?: string } = {};
	const levelSent = requested.handling_level !== undefined && Number(requested.handling_level) !== Number(stored.handling_level);
	const severitySent = requested.severity !== undefined && requested.severity !== (stored.severity ?? null);
	if (!levelSent && !severitySent) return out;
	const field = levelSent ? 'handling_level' : 'severity';
	if (input.changes_status) {
		throw new DomainRuleError('CMP-5', field, msg('complaint.level_with_status'), { collection: 'complaints' });
	}
	if (!input.admin && !input.roles.some((r) => (LEVEL_RAISING_ROLES as readonly string[]).includes(r))) {
		throw new DomainRuleError('ESC-2', field, msg('complaint.level_by_hand'), { collection: 'complaints' });
	}
	let level = Number(stored.handling_level) as HandlingLevel;
	if (severitySent) {
		const severity = String(requested.severity);
		if (!SEVERITY_ORDER.includes(severity)) throw new DomainRuleError('CMP-5', 'severity', msg('complaint.unknown_severity', { value: JSON.stringify(requested.severity) }), { collection: 'complaints' });
		if (stored.severity && SEVERITY_ORDER.indexOf(severity) < SEVERITY_ORDER.indexOf(stored.severity)) {
			throw new DomainRuleError('CMP-5', 'severity', msg('complaint.severity_lowered', { from: state('complaints', 'severity', stored.severity), to: state('complaints', 'severity', severity) }), { collection: 'complaints' });
		}
		out.severity = severity;
		level = Math.max(level, computeInitialHandlingLevel(severity)) as HandlingLevel;
	}
	if (levelSent) {
		const requestedLevel = Number(requested.handling_level);
		if (!Number.isInteger(requestedLevel) || requestedLevel < 1 || requestedLevel > 3) {
			throw new DomainRuleError('ESC-2', 'handling_level', msg('complaint.not_level', { value: JSON.stringify(requested.handling_level) }), { collection: 'complaints' });
		}
		if (requestedLevel < level) throw new DomainRuleError('ESC-2', 'handling_level', msg('complaint.level_lowered', { from: level, to: requestedLevel }), { collection: 'complaints' });
		level = requestedLevel as HandlingLevel;
	}
	if (level !== Number(stored.handling_level)) out.handling_level = level;
	return out;
}
