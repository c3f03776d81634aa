/** INT-5: text with a NUL character cannot be stored or compared by PostgreSQL; refused wherever it hides. */
export function findNul(value: unknown, path: string, depth = 0): string | null {
	if (typeof value === 'string') return value.includes('\u0000') ? path : null;
	if (depth > 8 || value === null || typeof value !== 'object') return null;
	for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
		const hit = findNul(v, path ? `${path}.${k}` : k, depth + 1);
		if (hit) return hit;
	}
	return null;
}
