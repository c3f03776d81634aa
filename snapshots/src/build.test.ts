import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { STUDIO_STRINGS, type StudioString, studioKey } from '../../extensions/after-sales/src/app/studio-strings';
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

	test('issue 12 item 5: every note, choice and option text is a $t: key with zh-CN and en-US texts (no "中文 / English" literal)', () => {
		const cjk = /[\u3400-\u9fff\uff00-\uffef]/;
		const problems: string[] = [];
		const keyed = (where: string, text: unknown) => {
			if (typeof text !== 'string' || !text.startsWith('$t:')) return problems.push(`${where}: ${JSON.stringify(text)}`);
			const texts = committed.translations[text.slice(3)];
			if (!texts?.['zh-CN'] || !texts?.['en-US']) problems.push(`${where}: ${text} has no zh-CN and en-US text`);
		};
		// Every string inside options a user reads: Chinese only through a key, every key translated.
		const walk = (where: string, value: unknown) => {
			if (typeof value === 'string') {
				if (value.startsWith('$t:') || cjk.test(value)) keyed(where, value);
			} else if (value && typeof value === 'object') {
				for (const [k, v] of Object.entries(value)) walk(`${where}.${k}`, v);
			}
		};
		for (const c of committed.collections) keyed(`${c.collection} note`, c.meta.note);
		for (const f of committed.fields) {
			const where = `${f.collection}.${f.field}`;
			if (f.meta.note !== null) keyed(`${where} note`, f.meta.note);
			if (f.meta.validation_message !== null) keyed(`${where} validation_message`, f.meta.validation_message);
			for (const choice of [...(f.meta.options?.choices ?? []), ...(f.meta.display_options?.choices ?? [])]) {
				if (!/^L\d$|^24×7$/.test(String(choice.text))) keyed(`${where} choice ${choice.value}`, choice.text);
			}
			walk(`${where} options`, f.meta.options);
			walk(`${where} display_options`, f.meta.display_options);
		}
		expect(problems).toEqual([]);
		// vue-i18n reads braces as a placeholder and Directus does not escape them in its translation strings.
		expect(Object.entries(committed.translations).filter(([, t]) => /[{}]/.test(Object.values(t as object).join()))).toEqual([]);
	});

	test('issue 12 item 5: the Studio extensions\' option and overview texts are provisioned translations, and no extension carries a "中文 / English" literal', () => {
		for (const key of Object.keys(STUDIO_STRINGS)) {
			expect(Object.keys(committed.translations[studioKey(key as StudioString)] ?? {}).sort(), key).toEqual(['en-US', 'zh-CN']);
		}
		const app = join(import.meta.dirname, '..', '..', 'extensions', 'after-sales', 'src', 'app');
		const sources = readdirSync(app, { recursive: true, encoding: 'utf8' }).filter((f) => /(^|\/)(index|definition)\.ts$/.test(f));
		expect(sources.length).toBeGreaterThan(10);
		const mixed = sources.flatMap((f) => {
			const code = readFileSync(join(app, f), 'utf8').split('\n').filter((line) => !line.trim().startsWith('//')).join('\n');
			return (code.match(/'[^'\n]*[\u4e00-\u9fff][^'\n]*\s\/\s[^'\n]*'|'[^'\n]*[A-Za-z]{3,}[^'\n]*[\u4e00-\u9fff][^'\n]*'/g) ?? []).map((m) => `${f}: ${m}`);
		});
		expect(mixed).toEqual([]);
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
