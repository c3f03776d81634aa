// ESC-1, ESC-2 (issue 10, items 2 and 7) on a real Directus: a record whose timers were lost after
// its commit gets them back at the next sweep, without a restart; a record the sweep cannot
// handle is reported with its rule, does not stop the others, and is retried at the next sweep.
import { describe, expect, test } from 'vitest';
import { json, loginAdmin } from './helpers';
import { testDb } from './reports-db';
import { createComplaint, escalationsOf, sweep, waitForTimers } from './sla-helpers';

describe('self-healing timers (ESC-1)', () => {
	test('ESC-1: when a committed complaint lost its timers (a crash before its after-commit sync), then the next sweep restores them and escalates what is due', async () => {
		const admin = await loginAdmin();
		const complaint = await createComplaint();
		const timers = await waitForTimers('complaints', complaint.id, (t) => t.length === 3);
		// ESC-1: timers are derived, so no client may delete them (409); the crash is simulated in the database.
		expect((await admin.call('/items/sla_timers', { method: 'DELETE', body: json(timers.map((t) => t.id)) })).status).toBe(409);
		expect(await testDb()('sla_timers').whereIn('id', timers.map((t) => t.id)).delete()).toBe(timers.length);

		const { status, body } = await sweep();
		expect(status).toBe(200);
		expect(body.data.reconciled).toBeGreaterThan(0);
		const restored = await waitForTimers('complaints', complaint.id, (t) => t.length === 3);
		expect(restored.find((t) => t.milestone === 'first_response')).toMatchObject({ state: 'breached', level: 2 });
		expect((await escalationsOf('complaints', complaint.id)).map((e) => e.escalation_key)).toEqual([
			`complaints:${complaint.id}:first_response:L1:warning`,
			`complaints:${complaint.id}:first_response:L2:breach`,
		]);
	});
});

describe('a record the sweep cannot handle (ESC-2)', () => {
	test('ESC-2: when one record of the sweep fails, then it is reported with the rule, the others escalate, and it is retried at the next sweep', async () => {
		const admin = await loginAdmin();
		// A policy whose clock starts from a text field: every billing complaint is unreadable to it (ESC-1).
		const created = await admin.call('/items/sla_policies', {
			method: 'POST',
			body: json({
				name: 'broken start (test)', collection: 'complaints', priority: 50, active: true, condition: { category: ['billing'] },
				milestones: [{ key: 'first_response', label: '首次响应', duration_minutes: 60, clock: '24x7', start_field: 'description', fulfil_states: ['contacting'], escalate_to_level: 2 }],
			}),
		});
		expect(created.status, JSON.stringify(created.body)).toBe(200);
		const policy = created.body.data.id;
		try {
			const bad = await createComplaint({ category: 'billing', description: '开票金额错误' });
			const good = await createComplaint();
			await waitForTimers('complaints', good.id, (t) => t.length === 3);

			const first = await sweep();
			expect(first.status).toBe(200);
			expect(first.body.data.failed_records).toBeGreaterThanOrEqual(1);
			expect((await escalationsOf('complaints', good.id)).map((e) => e.kind)).toEqual(['warning', 'breach']);
			expect(await escalationsOf('complaints', bad.id)).toEqual([]);

			// Nothing changed: the next sweep tries it again, and reports it again.
			const retried = await sweep();
			expect(retried.body.data.failed_records).toBeGreaterThanOrEqual(1);

			// The policy is fixed; the record that failed is taken up again by the next sweep.
			expect((await admin.call(`/items/sla_policies/${policy}`, { method: 'DELETE' })).status).toBe(204);
			const second = await sweep();
			expect(second.status).toBe(200);
			expect((await escalationsOf('complaints', bad.id)).map((e) => e.escalation_key)).toEqual([
				`complaints:${bad.id}:first_response:L1:warning`,
				`complaints:${bad.id}:first_response:L2:breach`,
			]);
		} finally {
			await admin.call(`/items/sla_policies/${policy}`, { method: 'DELETE' });
		}
	});
});

describe('a create whose in-transaction timer sync fails (ESC-1)', () => {
	test('ESC-1, INT-5: when the timers of a record just inserted cannot be written inside its transaction, then only the sync is undone: the transaction goes on and commits the record', async () => {
		const { syncMany } = await import('../extensions/after-sales/src/api/sla/sync-timers');
		const { loadPolicies } = await import('../extensions/after-sales/src/api/sla/load-policies');
		const { DEFAULT_CALENDAR } = await import('../extensions/after-sales/src/domain/calendar');
		const db = testDb();
		const admin = (await db('directus_users').first('id')).id as string;
		// A policy this process knows but the database no longer has (deleted on another instance a
		// moment ago): writing a timer that names it breaks the foreign key, which on PostgreSQL
		// aborts the whole transaction unless the sync kept to its savepoint.
		const policies = (await loadPolicies(db)).filter((p) => p.collection === 'complaints').map((p) => ({ ...p, id: 99_999_999 }));
		expect(policies.length).toBeGreaterThan(0);
		const logged: string[] = [];
		let id = 0;
		// Directus runs SQLite with foreign keys on; this test connection (its only one) does too, for this test.
		const sqlite = db.client.config.client === 'sqlite3';
		if (sqlite) await db.raw('PRAGMA foreign_keys = ON');
		try {
			await db.transaction(async (trx) => {
				const inserted = await trx('complaints').insert({ received_at: new Date(), channel: 'phone', recorder: admin, category: 'quality', severity: 'normal', status: 'received', handling_level: 1, description: 'savepoint test', history: '[]' }, ['id']);
				id = Number((inserted[0] as { id?: number })?.id ?? inserted[0]);
				const sync = { knex: trx, now: new Date(), calendar: DEFAULT_CALENDAR, policies, logger: { error: (m: string) => logged.push(m), warn() {}, info() {}, debug() {} } as never };
				expect(await syncMany(sync, 'complaints', [id], { fresh: true })).toEqual({ synced: 0, failed: 1 });
				// The transaction is still usable: the record is there and can still be written.
				expect(await trx('complaints').where({ id }).update({ description: 'savepoint test, after the failed sync' })).toBe(1);
			});
		} finally {
			if (sqlite) await db.raw('PRAGMA foreign_keys = OFF');
		}
		expect(logged.join('\n')).toMatch(/ESC-1/);
		expect((await db('complaints').where({ id }).first('description')).description).toBe('savepoint test, after the failed sync');
		expect(Number((await db('sla_timers').where({ collection: 'complaints', item: String(id) }).count({ n: '*' }))[0]!['n'])).toBe(0);
		await db('complaints').where({ id }).delete();
	});
});
