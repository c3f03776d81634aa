// GET /after-sales/portal/ — the dealer and technician portal, a static Vue page built into
// dist/portal/ (see src/app/portal/). It signs in against Directus itself and calls the scoped API.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Router } from 'express';
import type { PackContext } from '../lib/context';
import { PORTAL_CSP, setNoSniffHeaders } from './security-headers';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
	'.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json',
};

/** dist/api.js sits beside dist/portal/. */
function portalRoot(): string {
	let here: string;
	try {
		here = dirname(fileURLToPath(import.meta.url));
	} catch {
		here = __dirname;
	}
	return join(here, 'portal');
}

export function registerPortalRoutes(router: Router, ctx: PackContext) {
	const root = portalRoot();
	// Express routes ignore a trailing slash, so only the bare path is redirected (relative links need the slash).
	router.get('/portal', (req, res, next) => (req.originalUrl.split('?')[0]!.endsWith('/') ? next() : res.redirect(301, 'portal/')));
	router.get(/^\/portal\/(.*)$/, (req, res) => {
		const requested = String((req.params as Record<string, string>)[0] ?? '') || 'index.html';
		const path = normalize(join(root, requested));
		if (!path.startsWith(root + sep) && path !== root) return res.status(404).end();
		const file = existsSync(path) && extname(path) ? path : join(root, 'index.html');
		if (!existsSync(file)) {
			ctx.logger.warn(`portal not built: ${file} missing`);
			return res.status(404).json({ errors: [{ message: 'The portal is not built (npm run build)', extensions: { code: 'NOT_FOUND' } }] });
		}
		setNoSniffHeaders(res, PORTAL_CSP);
		res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
		res.setHeader('cache-control', file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600');
		return res.send(readFileSync(file));
	});
}
