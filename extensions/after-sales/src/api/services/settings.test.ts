import type { Knex } from 'knex';
import { describe, expect, test } from 'vitest';
import { loadSettings, sameRow } from './settings';

/** A database holding one settings row, counting its reads. */
function fakeDatabase(row: Record<string, unknown>) {
	const db = { row, reads: 0 };
	const knex = ((table: string) => {
		expect(table).toBe('service_settings');
		return { first: async () => { db.reads++; return { ...db.row }; } };
	}) as unknown as Knex;
	return { db, knex };
}

describe('loadSettings: parsed once per stored row (issue 10 item 4)', () => {
	test('CMP-5, INT-4: when the stored row is unchanged, then every call still reads it and gets the same read-only settings', async () => {
		const { db, knex } = fakeDatabase({ id: 1, complaint_severity_levels: '{"normal":1,"serious":2,"critical":3}', max_line_amount: '1000.00' });
		const first = await loadSettings(knex);
		const second = await loadSettings(knex);
		expect(db.reads).toBe(2);
		expect(second).toBe(first);
		expect(first.severityLevels).toEqual({ normal: 1, serious: 2, critical: 3 });
		expect(Object.isFrozen(first) && Object.isFrozen(first.raw) && Object.isFrozen(first.severityLevels)).toBe(true);
	});

	test('CMP-5, INT-4: when a setting is changed in the database (by any instance, any path), then the very next call parses the new value', async () => {
		const { db, knex } = fakeDatabase({ id: 1, complaint_severity_levels: '{"normal":1,"serious":2,"critical":3}', max_line_amount: '1000.00' });
		const before = await loadSettings(knex);
		db.row = { ...db.row, complaint_severity_levels: '{"normal":1,"serious":3,"critical":3}' };
		const after = await loadSettings(knex);
		expect(after).not.toBe(before);
		expect(after.severityLevels.serious).toBe(3);
		db.row = { ...db.row, max_line_amount: '500.00' };
		expect((await loadSettings(knex)).maxLineFen).toBe(50_000n);
		db.row = { ...db.row, max_line_amount: null };
		expect((await loadSettings(knex)).maxLineFen).toBe(1_000_000_000n);
	});

	test('CAL-1: when the calendar is a parsed object (PostgreSQL json) read again, then equal content is the same row and a changed holiday is not', () => {
		const calendar = { timezone: 'Asia/Shanghai', holidays: ['2026-10-01'] };
		expect(sameRow({ id: 1, calendar }, { id: 1, calendar: structuredClone(calendar) })).toBe(true);
		expect(sameRow({ id: 1, calendar }, { id: 1, calendar: { ...calendar, holidays: ['2026-10-02'] } })).toBe(false);
		expect(sameRow({ id: 1, at: new Date(5) }, { id: 1, at: new Date(5) })).toBe(true);
		expect(sameRow({ id: 1, at: new Date(5) }, { id: 1, at: new Date(6) })).toBe(false);
		expect(sameRow({ id: 1, a: null }, { id: 1, a: 0 })).toBe(false);
		expect(sameRow({ id: 1 }, { id: 1, added_column: null })).toBe(false);
	});

	test('when only the install record changes, then the settings are not parsed again (no rule reads it) and it is not among them', async () => {
		const { db, knex } = fakeDatabase({ id: 1, job_schedules: null, install_record: '{"v":1}' });
		const before = await loadSettings(knex);
		db.row = { ...db.row, install_record: '{"v":2}' };
		expect(await loadSettings(knex)).toBe(before);
		expect('install_record' in before.raw).toBe(false);
	});
});
