import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CATALOGS, EN_US, LANGUAGES, msg, placeholdersOf, renderMessage, RULE_TITLES, state, anyOf, ZH_CN, type MessageKey } from '.';

const KEYS = Object.keys(EN_US) as MessageKey[];
// zh-CN may name the refused field (`{field}`, filled in by the adapter) where English does not.
const params = (template: string) => placeholdersOf(template).filter((p) => p !== 'field');

describe('INT-5: the message catalogs', () => {
	test('INT-5: when a key is in en-US, then zh-CN has it too (and no other)', () => {
		expect(Object.keys(ZH_CN).sort()).toEqual([...KEYS].sort());
	});

	// What zh-CN leaves out on purpose: the rule ID (the renderer appends it), a state the sentence already names.
	const OMITTED: Partial<Record<MessageKey, string[]>> = { 'workflow.next_steps': ['from'], 'scope.not_yours': ['rule'], 'int.referenced': ['collection'], 'review.cleared_or_refused': ['hint'] };

	test.each(KEYS)('INT-5: when %s is rendered, then both languages use the same placeholders', (key) => {
		expect(params(ZH_CN[key])).toEqual(params(EN_US[key]).filter((p) => !OMITTED[key]?.includes(p)));
	});

	test.each(KEYS)('INT-5: when %s is read, then no language leaves it empty, and zh-CN neither ends with a rule ID nor is English', (key) => {
		for (const language of LANGUAGES) expect(CATALOGS[language][key].trim(), `${language} ${key}`).not.toBe(key === 'dealer.standing' || key === 'zod.type.other' ? '' : key);
		expect(ZH_CN[key]).not.toMatch(/（[A-Z]{2,5}-\d+）$/);
		if (!['dealer.standing', 'zod.type.other'].includes(key)) expect(ZH_CN[key]).toMatch(/[\u4e00-\u9fff]/);
	});

	test('INT-5: when a rule is cited by the code, then it has a title in both languages', () => {
		const root = join(import.meta.dirname, '..', '..');
		const files: string[] = [];
		const walk = (dir: string) => {
			for (const name of readdirSync(dir)) {
				const path = join(dir, name);
				if (statSync(path).isDirectory()) walk(path);
				else if (/\.ts$/.test(name) && !/\.test\.ts$/.test(name)) files.push(path);
			}
		};
		walk(join(root, 'api'));
		walk(join(root, 'domain'));
		const cited = new Set<string>();
		const pattern = /(?:ruleViolation|conflict|gone|forbidden|notFound|DomainRuleError|Error)\(\s*'([A-Z]{2,8}(?:-\d+)?)'/g;
		for (const file of files) for (const match of readFileSync(file, 'utf8').matchAll(pattern)) cited.add(match[1]!);
		expect(cited.size).toBeGreaterThan(10);
		const missing = [...cited].filter((rule) => !Object.hasOwn(RULE_TITLES, rule));
		expect(missing).toEqual([]);
	});
});

describe('INT-5: rendering a message', () => {
	const labels = {
		collection: () => '投诉',
		field: (_c: string, f: string) => ({ status: '状态' })[f] ?? null,
		value: (_c: string, _f: string, v: string) => ({ received: '已受理', closed: '已结案', contacting: '联系客户', rejected: '不予受理' })[v] ?? null,
	};
	const s = (v: string) => state('complaints', 'status', v);
	const transition = msg('complaint.transition', { from: s('received'), to: s('closed'), hint: msg('workflow.next_steps', { from: s('received'), next: anyOf([s('contacting'), s('rejected')]) }) });

	test('CMP-3: when a skipped step is rendered in zh-CN, then states are quoted labels and the choices read “a”或“b”', () => {
		expect(renderMessage('zh-CN', transition, labels)).toBe('投诉不能从“已受理”直接改为“已结案”，下一步可以是“联系客户”或“不予受理”');
	});

	test('CMP-3: when the same step is rendered in en-US, then it is the English the pack has always sent', () => {
		expect(renderMessage('en-US', transition, labels)).toBe('a complaint cannot go from received to closed; from received it can go to contacting, rejected');
	});

	test.each([
		[['a'], 'or', '“a”'],
		[['a', 'b'], 'or', '“a”或“b”'],
		[['a', 'b', 'c'], 'or', '“a”、“b”或“c”'],
		[['a', 'b', 'c'], 'comma', '“a”、“b”、“c”'],
	] as const)('INT-5: when the list %j is joined with %s in zh-CN, then it reads %s', (items, join, expected) => {
		const list = { items: items.map((v) => state('x', 'y', v)), join } as const;
		expect(renderMessage('zh-CN', msg('zod.invalid_value', { values: list }), { collection: () => null, field: () => null, value: () => null })).toBe(`{field}须为以下之一：${expected}`);
	});

	test('INT-5: when a label is unknown, then the stored value is shown as it is', () => {
		expect(renderMessage('zh-CN', msg('claim.transition', { from: state('warranty_claims', 'status', 'draft'), to: state('warranty_claims', 'status', 'moon') }), null)).toBe('索赔单不能从draft直接改为moon');
	});
});
