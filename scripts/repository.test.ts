// The repository stands on its own: the rules reference covers every rule ID the code, tests and
// docs cite, and no document links outside the repository.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
	.split('\n')
	.filter((file) => file && !file.endsWith('.png') && file !== 'package-lock.json' && existsSync(join(root, file)) && statSync(join(root, file)).isFile());
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const ruleId = /\b(?:CAL|ARC|REQ|CMP|ESC|WTY|DLR|FUP|RPT|NTF|INT)-\d+\b/g;
const rules = read('docs/rules.md');

describe('repository hygiene', () => {
	test('docs/coverage.md is what scripts/rules-coverage.mjs generates from the code (run it)', async () => {
		const { buildCoverage } = await import('./rules-coverage.mjs');
		expect(read('docs/coverage.md')).toBe(buildCoverage());
	});

	test('every rule ID cited in the repository has an anchor in docs/rules.md', () => {
		const cited = new Set(tracked.filter((file) => file !== 'docs/rules.md').flatMap((file) => read(file).match(ruleId) ?? []));
		expect(cited.size).toBeGreaterThan(30);
		const missing = [...cited].filter((id) => !rules.includes(`<a id="${id}"></a>`)).sort();
		expect(missing).toEqual([]);
	});

	test('no file refers to the workspace outside the repository (../shared)', () => {
		expect(tracked.filter((file) => file !== 'scripts/repository.test.ts' && read(file).includes('../shared'))).toEqual([]);
	});

	test('every Markdown link points to a file (and anchor) inside the repository', () => {
		const broken: string[] = [];
		for (const file of tracked.filter((f) => f.endsWith('.md'))) {
			for (const [, target] of read(file).matchAll(/\]\(([^)\s]+)\)/g)) {
				const [path, anchor] = target!.split('#');
				if (/^[a-z]+:/i.test(target!)) broken.push(`${file}: ${target} (outside the repository)`);
				else if (path && !resolve(root, dirname(file), path).startsWith(root + sep)) broken.push(`${file}: ${target} (outside the repository)`);
				else if (path && !existsSync(join(root, dirname(file), path))) broken.push(`${file}: ${target} (no such file)`);
				else if (anchor && (path ?? '').endsWith('rules.md') && !rules.includes(`<a id="${anchor}"></a>`))
					broken.push(`${file}: ${target} (no such anchor)`);
				else if (anchor && !path && file === 'docs/rules.md' && !rules.includes(`<a id="${anchor}"></a>`))
					broken.push(`${file}: ${target} (no such anchor)`);
			}
		}
		expect(broken).toEqual([]);
	});
});
