import type { Response } from 'express';

/**
 * The portal's own policy: scripts and styles from this origin only, no eval, images from this
 * origin and data URLs (the drawn signature), calls only back to this Directus.
 */
export const PORTAL_CSP = [
	"default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:", "connect-src 'self'",
	"font-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

/** Files and pages the pack serves to portal users: never sniffed, never referred, never framed. */
export function setNoSniffHeaders(res: Response, csp = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox") {
	res.setHeader('x-content-type-options', 'nosniff');
	res.setHeader('referrer-policy', 'no-referrer');
	res.setHeader('content-security-policy', csp);
	res.setHeader('x-frame-options', 'DENY');
}
