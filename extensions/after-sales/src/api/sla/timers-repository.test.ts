// CAL-3, ESC-1: the timers' instants are written and read in each vendor's own format, through the
// vendor module (never left to a driver's or bulkUpdate's implicit conversion).
import knexFactory from 'knex';
import { describe, expect, test } from 'vitest';
import { fromTimerRow, toTimerColumns } from './timers-repository';
import { bulkUpdate } from './bulk-update';

// Clients are never connected: vendorOf only reads the configuration.
const mysql = knexFactory({ client: 'mysql2' });
const pg = knexFactory({ client: 'pg' });
const sqlite = knexFactory({ client: 'sqlite3', useNullAsDefault: true });

const timer = {
	milestone: 'response', started_at: new Date('2026-12-01T01:00:00.250Z'), due_at: new Date('2026-12-01T05:00:00Z'), warn_at: new Date('2026-12-01T04:00:00Z'),
	paused_since: null, paused_minutes: 12.4, state: 'warned' as const, fulfilled_at: null, level: 1 as const, warned_at: new Date('2026-12-01T04:00:01Z'), breached_at: null,
};

describe('sla_timers instants per vendor', () => {
	test('CAL-3: when a timer is written for MariaDB / MySQL, then every instant is the UTC wall clock without a zone', () => {
		expect(toTimerColumns(timer, mysql)).toEqual({
			state: 'warned', level: 1, started_at: '2026-12-01 01:00:00.250', warn_at: '2026-12-01 04:00:00.000', due_at: '2026-12-01 05:00:00.000',
			next_check_at: '2026-12-01 05:00:00.000', paused_since: null, paused_minutes: 12, warned_at: '2026-12-01 04:00:01.000', breached_at: null, fulfilled_at: null,
		});
	});

	test.each([pg, sqlite])('CAL-3: when a timer is written for PostgreSQL or SQLite, then every instant is ISO 8601 in UTC (%#)', (knex) => {
		const columns = toTimerColumns(timer, knex);
		expect(columns.started_at).toBe('2026-12-01T01:00:00.250Z');
		expect(columns.next_check_at).toBe('2026-12-01T05:00:00.000Z');
		expect(columns.warned_at).toBe('2026-12-01T04:00:01.000Z');
	});

	test('CAL-3: when mysql2 reads a timer back (UTC wall clock as local Date), then fromTimerRow recovers the instants it wrote', () => {
		const asRead = (text: string) => new Date(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10)), Number(text.slice(11, 13)), Number(text.slice(14, 16)), Number(text.slice(17, 19)), Number(text.slice(20, 23)));
		const written = toTimerColumns(timer, mysql);
		const row = { id: 7, collection: 'complaints', item: '3', policy: 2, milestone: 'response', ...Object.fromEntries(Object.entries(written).map(([k, v]) => [k, typeof v === 'string' && /^\d{4}-/.test(v) ? asRead(v) : v])) };
		const read = fromTimerRow(row, mysql);
		expect(read.started_at.toISOString()).toBe('2026-12-01T01:00:00.250Z');
		expect(read.due_at?.toISOString()).toBe('2026-12-01T05:00:00.000Z');
		expect(read.next_check_at?.toISOString()).toBe('2026-12-01T05:00:00.000Z');
		expect(read.paused_since).toBeNull();
	});

	test('CAL-3: when bulkUpdate on MariaDB / MySQL is handed ISO text for a timestamp column, then it refuses instead of converting it', async () => {
		await expect(bulkUpdate(mysql, 'sla_timers', { name: 'id', type: 'integer' }, [{ name: 'due_at', type: 'timestamp' }], [{ id: 1, due_at: '2026-12-01T05:00:00.000Z' }])).rejects.toThrow(/due_at must be written with fromInstant/);
	});
});
