import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DEFAULT_COLUMNS, WORK_BOOKMARKS } from './provision-presets';

const snapshot = JSON.parse(readFileSync(new URL('../../../../../snapshots/after-sales.json', import.meta.url), 'utf8')) as { fields: { collection: string; field: string }[] };

describe('default list columns', () => {
	test('every default column and sort field is a field of its collection', () => {
		for (const [collection, { fields, sort }] of Object.entries(DEFAULT_COLUMNS)) {
			const own = new Set(snapshot.fields.filter((f) => f.collection === collection).map((f) => f.field));
			expect([...fields, ...sort.map((s) => s.replace(/^-/, ''))].filter((f) => !own.has(f)), collection).toEqual([]);
		}
	});

	test('complaints open with status, category and severity; requests with status and problem', () => {
		expect(DEFAULT_COLUMNS['complaints']!.fields).toEqual(expect.arrayContaining(['status', 'category', 'severity']));
		expect(DEFAULT_COLUMNS['service_requests']!.fields).toEqual(expect.arrayContaining(['status', 'problem']));
	});

	test('every work bookmark lists and filters on fields of its collection', () => {
		for (const b of WORK_BOOKMARKS) {
			const own = new Set(snapshot.fields.filter((f) => f.collection === b.collection).map((f) => f.field));
			const filtered = b.filter._and.flatMap((clause) => Object.keys(clause));
			expect([...b.fields, ...b.sort.map((s) => s.replace(/^-/, '')), ...filtered].filter((f) => !own.has(f)), b.bookmark).toEqual([]);
		}
	});
});
