/** Codes whose text the portal knows itself (Directus answers them in English). */
const OWN_TEXT = new Set(['INVALID_CREDENTIALS', 'INVALID_OTP', 'USER_SUSPENDED', 'TOKEN_EXPIRED', 'INVALID_TOKEN', 'REQUESTS_EXCEEDED', 'ROUTE_NOT_FOUND']);

/**
 * INT-5: what the portal shows for a failure, in its language: its own text for Directus's sign-in
 * and session errors, the pack's message (already in the portal's language) for refusals, and a
 * plain sentence for a network failure or a server error.
 */
export function describeFailure(error: unknown, t: (key: string) => string): string {
	const e = (error ?? {}) as { status?: unknown; code?: string | null; message?: string };
	if (typeof e.status !== 'number') return e.message && !/fetch|network/i.test(e.message) ? e.message : t('network_error');
	if (e.code && OWN_TEXT.has(e.code)) return t(e.code);
	if (e.status >= 500) return t('server_error');
	return e.message || (e.code ? t(e.code) : t('server_error'));
}
