// ESC-2..4: writes one sweep batch's plan in a few statements whatever the number of records:
// timers, then the escalation log (inserted once by `escalation_key`, ESC-4), then the raised
// levels and reassignments grouped by value, then the retired timers. Runs inside the batch's
// transaction, so a batch is all written or not at all.
import type { Knex } from 'knex';
import { computeDeliveries, type NotificationChannels } from '../../domain/notifications';
import { computeEscalationRecipients, computeReassignee, HANDLER_FIELD, type SweepPlan, type UserDirectory } from '../../domain/sla';
import { computeResponsibleMessage } from '../../domain/service-requests';
import { ROLE_BY_KEY, type RoleKey } from '../install/roles';
import { fromInstant } from '../lib/db-values';
import { insertManyOnceReturning } from '../lib/insert-once';
import { retireTimers, writeTimers } from './timers-repository';

type Row = Record<string, unknown>;
export type WriteCounts = { warnings: number; breaches: number; already_logged: number; reassigned: number };
/**
 * NTF-3: the escalations this batch logged whose notices are due now are written already claimed
 * under the sweep's delivery lease (`lease`), and handed back as stored, so the delivery step
 * sends them without claiming and re-reading them. A crash before delivery leaves them to the
 * lease's expiry, like a crash during delivery. Null `lease`: every row waits to be claimed.
 */
export type WrittenPlan = WriteCounts & { held: Row[] };

const CHUNK = 500;

const textOrNull = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

export async function writeSweepPlan(knex: Knex, plan: SweepPlan, rows: ReadonlyMap<string, Row>, channels: NotificationChannels, now: Date, lease: string | null = null): Promise<WrittenPlan> {
	const counts: WrittenPlan = { warnings: 0, breaches: 0, already_logged: 0, reassigned: 0, held: [] };
	const timerIds = await writeTimers(knex, plan.timers, now);
	const directory = await loadDirectory(knex, plan, rows);

	for (const kind of ['warning', 'breach'] as const) {
		const escalations = plan.escalations.filter((e) => e.kind === kind);
		const logRows = escalations.map((e) => {
			const record = rows.get(`${e.collection}:${e.item}`) ?? {};
			const recipients = computeEscalationRecipients(e.collection, record, e.notify_roles, directory);
			const deliveries = computeDeliveries(e.key, e.kind, recipients, channels, e.deliver_at);
			// DLR-2: a dealer task's escalation names the person responsible once one is recorded.
			const responsible = e.collection === 'service_requests' ? textOrNull(record['responsible_person']) : null;
			return {
				responsible,
				escalation_key: e.key, kind: e.kind, collection: e.collection, item: e.item, milestone: e.milestone, milestone_label: e.milestone_label,
				level: e.level, timer: timerIds.get(e.timer_key) ?? null, due_at: fromInstant(e.due_at, knex), occurred_at: fromInstant(now, knex), message: computeResponsibleMessage(e.message, responsible),
				notified_users: JSON.stringify(recipients), deliveries: JSON.stringify(deliveries),
				next_delivery_at: !deliveries.length ? null : lease !== null && e.deliver_at.getTime() <= now.getTime() ? lease : fromInstant(e.deliver_at, knex),
			};
		});
		let inserted = 0;
		for (let i = 0; i < logRows.length; i += CHUNK) {
			const part = logRows.slice(i, i + CHUNK);
			const ids = new Map((await insertManyOnceReturning(knex, 'escalations', part, 'escalation_key', ['id', 'escalation_key'])).map((r) => [String(r['escalation_key']), Number(r['id'])]));
			inserted += ids.size;
			// Only the rows this sweep inserted are its to deliver; a key already taken is another sweep's.
			for (const row of part) if (lease !== null && row.next_delivery_at === lease && ids.has(row.escalation_key)) counts.held.push({ ...row, id: ids.get(row.escalation_key) });
		}
		counts[kind === 'warning' ? 'warnings' : 'breaches'] += inserted;
		counts.already_logged += logRows.length - inserted;
	}

	// Whoever logged them, breaches raise the level, so concurrent sweeps compute the same next keys.
	// A plain write, not the items service: the escalation is the system's act, not a workflow step
	// (no CMP-3 hooks), it is logged in `escalations` already, and the items service's revision
	// snapshots would cost more than the rest of the sweep together.
	const groups = new Map<string, { collection: string; changes: Row; ids: string[] }>();
	for (const raise of plan.levels) {
		const record = rows.get(`${raise.collection}:${raise.item}`);
		if (!record) continue;
		const changes: Row = raise.hasLevel ? { handling_level: raise.level } : {};
		const handlerField = HANDLER_FIELD[raise.collection];
		if (raise.reassign_to_role && handlerField) {
			const to = computeReassignee(raise.reassign_to_role, record, directory);
			if (to && to !== record[handlerField]) {
				changes[handlerField] = to;
				counts.reassigned++;
			}
		}
		if (!Object.keys(changes).length) continue;
		const key = JSON.stringify([raise.collection, changes]);
		const group = groups.get(key) ?? { collection: raise.collection, changes, ids: [] };
		group.ids.push(raise.item);
		groups.set(key, group);
	}
	for (const group of groups.values()) {
		for (let i = 0; i < group.ids.length; i += CHUNK) await knex(group.collection).whereIn('id', group.ids.slice(i, i + CHUNK)).update(group.changes);
	}

	await retireTimers(knex, plan.retire);
	return counts;
}

const pushTo = (map: Map<string, string[]>, key: string, value: string) => {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
};

/** The active users the plan's notices and reassignments name, in three statements at most. */
async function loadDirectory(knex: Knex, plan: SweepPlan, rows: ReadonlyMap<string, Row>): Promise<UserDirectory> {
	const roleMembers = new Map<string, string[]>();
	const dealerUsers = new Map<string, string[]>();
	const active = new Set<string>();
	if (!plan.escalations.length && !plan.levels.length) return { roleMembers, dealerUsers, active };

	const keys = new Set<string>([...plan.escalations.flatMap((e) => e.notify_roles), ...plan.levels.flatMap((l) => (l.reassign_to_role ? [l.reassign_to_role] : []))]);
	const roleIds = new Map<string, string>();
	for (const key of keys) {
		const role = ROLE_BY_KEY.get(key as RoleKey);
		if (role) roleIds.set(role.id, key);
	}
	if (roleIds.size) {
		const users: { id: string; role: string; dealer: unknown }[] = await knex('directus_users').whereIn('role', [...roleIds.keys()]).andWhere({ status: 'active' }).orderBy('id').select('id', 'role', 'dealer');
		for (const user of users) {
			const key = roleIds.get(user.role)!;
			const id = String(user.id);
			pushTo(roleMembers, key, id);
			if (key === 'dealer' && user.dealer !== null && user.dealer !== undefined) pushTo(dealerUsers, String(user.dealer), id);
			active.add(id);
		}
	}

	const handlers = new Set<string>();
	for (const e of plan.escalations) {
		const record = rows.get(`${e.collection}:${e.item}`);
		if (!record) continue;
		for (const field of ['handler', 'recorder', 'assignee', 'technician']) {
			const value = record[field];
			if (value !== null && value !== undefined && value !== '' && !active.has(String(value))) handlers.add(String(value));
		}
	}
	const list = [...handlers];
	for (let i = 0; i < list.length; i += 1_000) {
		const found: { id: string }[] = await knex('directus_users').whereIn('id', list.slice(i, i + 1_000)).andWhere({ status: 'active' }).select('id');
		for (const user of found) active.add(String(user.id));
	}
	return { roleMembers, dealerUsers, active };
}
