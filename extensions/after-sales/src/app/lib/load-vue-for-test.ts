// Test helper: compiles a .vue file next to itself (so its relative imports, and the test file's
// vi.mock of them, resolve) with @vue/compiler-sfc, as the extensions-sdk does at build time, and
// imports it. Each test file removes what it compiled with `removeCompiled` in afterAll.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { compileScript, parse } from '@vue/compiler-sfc';
import ts from 'typescript';
import type { Component } from 'vue';

const compiled: string[] = [];

export async function loadVueForTest(path: string): Promise<Component> {
	const { descriptor } = parse(readFileSync(path, 'utf8'), { filename: path });
	const script = compileScript(descriptor, { id: basename(path), inlineTemplate: true });
	const js = ts.transpileModule(script.content, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false } }).outputText;
	const out = join(dirname(path), `.render-test-${basename(path, '.vue')}.mjs`);
	writeFileSync(out, js);
	compiled.push(out);
	return (await import(/* @vite-ignore */ out)).default as Component;
}

export function removeCompiled() {
	compiled.splice(0).forEach((file) => rmSync(file, { force: true }));
}
