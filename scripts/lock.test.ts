import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { withLock } from './lock.mjs';

const lockModule = join(import.meta.dirname, 'lock.mjs');
const freshLock = () => join(mkdtempSync(join(tmpdir(), 'as-lock-')), 'build.lock');

/** A child process that appends `start` and `end` lines to `log` while holding the lock. */
function holder(lock: string, log: string, name: string) {
	const script = `
		import { appendFileSync } from 'node:fs';
		import { withLock } from ${JSON.stringify(lockModule)};
		withLock(${JSON.stringify(lock)}, () => {
			appendFileSync(${JSON.stringify(log)}, '${name} start\\n');
			const until = Date.now() + 300; while (Date.now() < until);
			appendFileSync(${JSON.stringify(log)}, '${name} end\\n');
		});`;
	const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
	return new Promise<number | null>((resolve) => child.on('exit', resolve));
}

describe('build lock (portable, no flock)', () => {
	test('two processes never hold the lock at the same time', async () => {
		const lock = freshLock();
		const log = join(mkdtempSync(join(tmpdir(), 'as-lock-log-')), 'log');
		writeFileSync(log, '');
		expect(await Promise.all([holder(lock, log, 'a'), holder(lock, log, 'b'), holder(lock, log, 'c')])).toEqual([0, 0, 0]);
		const lines = readFileSync(log, 'utf8').trim().split('\n');
		expect(lines).toHaveLength(6);
		for (let i = 0; i < lines.length; i += 2) expect(lines[i + 1]).toBe(lines[i]!.replace('start', 'end'));
		expect(existsSync(lock)).toBe(false);
	});

	test('a lock left by a dead process on this host is taken over', () => {
		const lock = freshLock();
		writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), since: new Date().toISOString() }));
		expect(withLock(lock, () => 'ran', { timeoutMs: 2_000 })).toBe('ran');
		expect(existsSync(lock)).toBe(false);
	});

	test('a lock older than staleMs is taken over even if its owner looks alive', () => {
		const lock = freshLock();
		writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: 'elsewhere', since: '2020-01-01T00:00:00Z' }));
		const old = new Date(Date.now() - 60_000);
		utimesSync(lock, old, old);
		expect(withLock(lock, () => 'ran', { timeoutMs: 2_000, staleMs: 30_000 })).toBe('ran');
	});

	test('a live holder makes a waiter time out with a message naming the lock and its owner', () => {
		const lock = freshLock();
		writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname(), since: 'now' }));
		expect(() => withLock(lock, () => 'ran', { timeoutMs: 300 })).toThrow(new RegExp(`waiting for the lock .*build\\.lock \\(held by pid ${process.ppid}`));
		expect(existsSync(lock)).toBe(true);
	});

	test('the lock is released when the work throws', () => {
		const lock = freshLock();
		expect(() =>
			withLock(lock, () => {
				throw new Error('build failed');
			}),
		).toThrow('build failed');
		expect(existsSync(lock)).toBe(false);
	});
});
