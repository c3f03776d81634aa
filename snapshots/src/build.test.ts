import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSnapshot } from './build';

const committed = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'after-sales.json'), 'utf8'));

describe('schema snapshot', () => {
	test('the committed snapshot is exactly what snapshots/src produces (run `npm run snapshot`)', () => {
		const { snapshot, translations } = buildSnapshot();
		expect(committed).toEqual(JSON.parse(JSON.stringify({ ...snapshot, translations })));
	});

	test('CONTRACT: at most 17 collections of its own, grouped in one folder', () => {
		const tables = committed.collections.filter((c: { schema?: unknown }) => c.schema);
		expect(tables).toHaveLength(17);
		expect(new Set(tables.map((c: { meta: { group: string } }) => c.meta.group))).toEqual(new Set(['after_sales']));
	});

	test('every field and every choice is labelled in zh-CN and en-US', () => {
		for (const field of committed.fields) {
			expect(field.meta.translations.map((t: { language: string }) => t.language).sort(), `${field.collection}.${field.field}`).toEqual(['en-US', 'zh-CN']);
			for (const choice of field.meta.options?.choices ?? []) {
				if (typeof choice.text === 'string' && choice.text.startsWith('$t:')) {
					expect(Object.keys(committed.translations[choice.text.slice(3)] ?? {}).sort(), choice.text).toEqual(['en-US', 'zh-CN']);
				}
			}
		}
	});

	test('money fields are decimals, never floats', () => {
		const money = committed.fields.filter((f: { field: string }) => /amount|cost|price|claimed|approved$/.test(f.field) && !/reasons|_at$|_by$/.test(f.field));
		expect(money.length).toBeGreaterThan(10);
		for (const field of money) expect(field.type, `${field.collection}.${field.field}`).toBe('decimal');
	});

	test('no foreign key sets a NOT NULL column to null (MariaDB / MySQL refuse such a constraint)', () => {
		const nullable = new Map(committed.fields.map((f: { collection: string; field: string; schema?: { is_nullable?: boolean } }) => [`${f.collection}.${f.field}`, f.schema?.is_nullable]));
		const bad = committed.relations.filter((r: { collection: string; field: string; schema: { on_delete: string } }) => r.schema.on_delete === 'SET NULL' && nullable.get(`${r.collection}.${r.field}`) === false);
		expect(bad.map((r: { collection: string; field: string }) => `${r.collection}.${r.field}`)).toEqual([]);
	});

	test('the keys that make effects happen exactly once are unique in the database', () => {
		const unique = (collection: string, field: string) => committed.fields.find((f: { collection: string; field: string }) => f.collection === collection && f.field === field)?.schema?.is_unique;
		expect(unique('escalations', 'escalation_key')).toBe(true);
		expect(unique('dealer_ledger', 'idempotency_key')).toBe(true);
		expect(unique('warranty_claims', 'repair_record')).toBe(true);
		expect(unique('units', 'serial_no')).toBe(true);
		expect(unique('sla_timers', 'timer_key')).toBe(true);
		expect(unique('quality_alerts', 'alert_key')).toBe(true);
	});
});
