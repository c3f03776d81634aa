// CMP-1..6 in the complaints filter hooks: a new complaint is checked and starts at the level its
// severity demands; every status change is a step of the CMP-3 workflow made by a role allowed to
// make it, appended to `history` with who and when; approval and closing are stamped by the system.
import { loadSeverityLevels } from '../services/settings';
import type { Knex } from 'knex';
import {
	assertAgreementFileKept,
	assertComplaintCreate,
	assertComplaintTransition,
	assertHandlerNotSubject,
	assertPreventiveAction,
	computeInitialHandlingLevel,
	decideLevelChange,
	type HandlingLevel,
} from '../../domain/complaints';
import { DomainRuleError } from '../../domain/errors';
import { resolveCaller, type Caller } from '../lib/caller';
import type { Accountability } from '../lib/context';
import { toBool, toJsonArray } from '../lib/db-values';
import { msg } from '../../domain/messages';
import { refId } from '../lib/ids';

/** Written by the system only; whatever a client sends for them is dropped. */
const SYSTEM_FIELDS = ['history', 'approved_by', 'approved_at', 'closed_at', 'repeat_count', 'repeated'];

type Payload = Record<string, unknown>;
type HistoryEntry = { at: string; by: string | null; from: string | null; to: string; summary: string };

export async function filterComplaintCreate(payload: Payload, knex: Knex, accountability: Accountability | null, now: Date): Promise<Payload> {
	const cleaned = stripSystemFields(payload);
	assertComplaintCreate(cleaned);
	if ('agreement_file' in cleaned) await assertFileExists(knex, cleaned['agreement_file']);
	const severity = String(cleaned['severity'] ?? 'normal');
	// CMP-5: severity sets the starting level; a clerk may start higher, never lower.
	const initial = computeInitialHandlingLevel(severity, await loadSeverityLevels(knex));
	const requested = Number(cleaned['handling_level'] ?? 1);
	const level = Math.max(initial, Number.isInteger(requested) && requested >= 1 && requested <= 3 ? requested : 1);
	const caller = await resolveCaller(knex, accountability);
	const entry: HistoryEntry = { at: now.toISOString(), by: caller.user, from: null, to: 'received', summary: 'received (CMP-1)' };
	return { ...cleaned, status: 'received', handling_level: level, history: [entry] };
}

export async function filterComplaintUpdate(payload: Payload, keys: (string | number)[], knex: Knex, accountability: Accountability | null, now: Date): Promise<Payload> {
	const cleaned = stripSystemFields(payload);
	const touchesRules = ['status', 'handler', 'subject_staff', 'category', 'handling_level', 'severity', 'agreement_file'].some((f) => f in cleaned);
	if (!touchesRules || keys.length === 0) return cleaned;
	const rows: Payload[] = await knex('complaints').whereIn('id', keys).select('id', 'status', 'handling_level', 'severity', 'category', 'subject_staff', 'handler', 'history', 'rejection_reason', 'first_response_at', 'agreement_file', 'repeated', 'preventive_action');
	// CMP-3: a file named here must exist; removing the signed agreement of an agreed complaint is refused.
	if ('agreement_file' in cleaned) {
		await assertFileExists(knex, cleaned['agreement_file']);
		for (const row of rows) assertAgreementFileKept({ status: String(cleaned['status'] ?? row['status']), agreement_file: cleaned['agreement_file'] });
	}
	const changesStatus = 'status' in cleaned && rows.some((r) => r['status'] !== cleaned['status']);
	if (changesStatus && rows.length > 1) {
		throw new DomainRuleError('CMP-3', 'status', msg('complaint.one_at_a_time'), { collection: 'complaints' });
	}
	const caller = await resolveCaller(knex, accountability);
	// CMP-5, ESC-2: levels and severity belong to the rules; internal writes (the sweep) raise them.
	if (accountability && ('handling_level' in cleaned || 'severity' in cleaned)) {
		const { handling_level: _l, severity: _s, ...rest } = cleaned;
		let levelColumns: Payload = {};
		for (const row of rows) {
			levelColumns = decideLevelChange({
				stored: { handling_level: Number(row['handling_level'] ?? 1), severity: (row['severity'] as string | null) ?? null },
				requested: { handling_level: cleaned['handling_level'], severity: cleaned['severity'] },
				changes_status: 'status' in cleaned && row['status'] !== cleaned['status'],
				roles: caller.admin ? ['admin'] : caller.roles, admin: caller.admin,
			});
		}
		if (rows.length > 1 && Object.keys(levelColumns).length) {
			throw new DomainRuleError('ESC-2', 'handling_level', msg('complaint.level_one_at_a_time'), { collection: 'complaints' });
		}
		Object.keys(cleaned).forEach((k) => delete cleaned[k]);
		Object.assign(cleaned, rest, levelColumns);
		if (Object.keys(levelColumns).length && rows[0]) {
			const entry: HistoryEntry = { at: now.toISOString(), by: caller.user, from: String(rows[0]['status']), to: String(rows[0]['status']), summary: `L${String(rows[0]['handling_level'])} → L${String(levelColumns['handling_level'] ?? rows[0]['handling_level'])} (ESC-2)` };
			cleaned['history'] = [...toJsonArray(rows[0]['history']), entry];
		}
	}
	for (const row of rows) {
		assertHandlerNotSubject({
			category: String(cleaned['category'] ?? row['category']),
			subject_staff: (('subject_staff' in cleaned ? cleaned['subject_staff'] : row['subject_staff']) as string | null),
			handler: (('handler' in cleaned ? cleaned['handler'] : row['handler']) as string | null),
		});
	}
	if (!changesStatus) return cleaned;

	const row = rows[0]!;
	const from = String(row['status']);
	const to = String(cleaned['status']);
	// CMP-5: approval is checked against the level as stored before this request.
	const level = Number(row['handling_level'] ?? 1) as HandlingLevel;
	const reason = (cleaned['rejection_reason'] ?? row['rejection_reason']) as string | null;
	const files = { agreement_file: 'agreement_file' in cleaned ? cleaned['agreement_file'] : row['agreement_file'] };
	assertTransitionForCaller(caller, accountability, { from, to, level, reason, files });
	assertPreventiveAction({ to, repeated: toBool(row['repeated']), preventive_action: 'preventive_action' in cleaned ? cleaned['preventive_action'] : row['preventive_action'] });

	const entry: HistoryEntry = { at: now.toISOString(), by: caller.user, from, to, summary: `${from} → ${to} (CMP-3)` };
	const history = toJsonArray(row['history']);
	const stamped: Payload = { ...cleaned, history: [...(Array.isArray(cleaned['history']) ? (cleaned['history'] as unknown[]) : history), entry] };
	if (to === 'approved') Object.assign(stamped, { approved_by: caller.user, approved_at: now.toISOString() });
	if (to === 'closed') stamped['closed_at'] = now.toISOString();
	// CMP-4: leaving `received` means the customer was contacted; keep the moment unless one was typed in.
	if (from === 'received' && !row['first_response_at'] && !cleaned['first_response_at']) stamped['first_response_at'] = now.toISOString();
	if (!row['handler'] && !('handler' in cleaned) && caller.user && to !== 'rejected') stamped['handler'] = caller.user;
	if (stamped['handler']) assertHandlerNotSubject({ category: String(row['category']), subject_staff: row['subject_staff'] as string | null, handler: stamped['handler'] as string });
	return stamped;
}

/** CMP-3: the caller may move the complaint if any of their roles may; an internal write without a user is the system. */
function assertTransitionForCaller(caller: Caller, accountability: Accountability | null, request: { from: string; to: string; level: HandlingLevel; reason: string | null; files: Record<string, unknown> }) {
	const roles: string[] = !accountability || caller.admin ? ['admin'] : caller.roles.length ? caller.roles : ['none'];
	let lastError: unknown = null;
	for (const role of roles) {
		try {
			assertComplaintTransition({ ...request, role });
			return;
		} catch (error) {
			lastError = error;
			// A missing reason or document fails the same way for every role that may make the move.
			if (error instanceof DomainRuleError && (error.field === 'rejection_reason' || error.field === 'agreement_file')) throw error;
		}
	}
	throw lastError;
}

/** CMP-3: the agreement names a stored file (an id, or `{ id }`); a nested new file is Directus's to create. */
async function assertFileExists(knex: Knex, value: unknown) {
	if (value === null || value === undefined) return;
	const id = refId(value);
	if (typeof value === 'object' && (id === undefined || id === null)) return;
	const text = typeof id === 'string' ? id.trim() : '';
	const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
	if (!uuid.test(text) || !(await knex('directus_files').where({ id: text }).first('id'))) {
		throw new DomainRuleError('CMP-3', 'agreement_file', msg('complaint.not_a_file', { value: JSON.stringify(id) }), { collection: 'complaints' });
	}
}

function stripSystemFields(payload: Payload): Payload {
	const copy = { ...payload };
	for (const field of SYSTEM_FIELDS) delete copy[field];
	return copy;
}

