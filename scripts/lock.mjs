// One portable exclusive lock (no `flock`, which only Linux has): a lock file created with
// open(…, 'wx'), which exactly one process wins on every platform. The file records its owner's
// pid; a lock whose owner has died, or that is older than `staleMs`, is taken over, so a killed
// build never blocks the next one.
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

/** Held by scripts/build-extension.mjs while it writes dist/, and by the tests while they copy it. */
export const BUILD_LOCK = join(tmpdir(), 'after-sales-build.lock');

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `fn` while holding the lock at `path` and releases it afterwards (also when `fn` throws).
 * Synchronous on purpose: its callers are synchronous scripts and spawnSync sequences.
 */
export function withLock(path, fn, { timeoutMs = 10 * 60_000, staleMs = 15 * 60_000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	let fd;
	for (;;) {
		try {
			fd = openSync(path, 'wx');
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
		}
		if (isStale(path, staleMs)) {
			rmSync(path, { force: true });
			continue;
		}
		if (Date.now() > deadline)
			throw new Error(
				`Timed out after ${timeoutMs / 1000} s waiting for the lock ${path} (held by ${describeOwner(path)}); delete the file if no build is running.`,
			);
		Atomics.wait(pause, 0, 0, 100);
	}
	writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
	closeSync(fd);
	try {
		return fn();
	} finally {
		rmSync(path, { force: true });
	}
}

function readOwner(path) {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return null;
	}
}

function describeOwner(path) {
	const owner = readOwner(path);
	return owner ? `pid ${owner.pid} on ${owner.host} since ${owner.since}` : 'an unknown process';
}

/** Stale when its owner on this host is gone, or when it is older than any build takes. */
function isStale(path, staleMs) {
	let age;
	try {
		age = Date.now() - statSync(path).mtimeMs;
	} catch {
		return false; // released meanwhile: the next open wins or waits
	}
	if (age > staleMs) return true;
	const owner = readOwner(path);
	// An owner still writing its record is alive; give it a moment before judging.
	if (!owner) return age > 5_000;
	if (owner.host !== hostname()) return false;
	try {
		process.kill(owner.pid, 0);
		return false;
	} catch (error) {
		return error.code === 'ESRCH';
	}
}
