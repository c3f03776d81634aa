// Types of scripts/lock.mjs for the TypeScript callers (tests/setup, bench).
export declare const BUILD_LOCK: string;
export declare function withLock<T>(path: string, fn: () => T, options?: { timeoutMs?: number; staleMs?: number }): T;
