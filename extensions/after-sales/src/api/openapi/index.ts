// GET /after-sales/openapi.json — anyone signed in (CONTRACT). Built once per process: the
// document depends only on the code.
import type { NextFunction, Request, Response, Router } from 'express';
import pkg from '../../../package.json';
import { assertSignedIn, resolveCaller } from '../lib/caller';
import type { PackContext } from '../lib/context';
import { toDirectusError } from '../lib/errors';
import { buildOpenApiDocument } from './build-openapi-document';

export { buildOpenApiDocument, toJsonSchema, toOpenApiPath } from './build-openapi-document';
export { ROUTES, type RouteEntry } from './routes';

export function registerOpenApiRoute(router: Router, ctx: PackContext) {
	let document: ReturnType<typeof buildOpenApiDocument> | null = null;
	router.get('/openapi.json', async (req: Request, res: Response, next: NextFunction) => {
		try {
			assertSignedIn(await resolveCaller(ctx.database, (req as unknown as { accountability: never }).accountability));
			const publicUrl = String(ctx.env['PUBLIC_URL'] ?? '').replace(/\/$/, '');
			document ??= buildOpenApiDocument({ serverUrl: publicUrl && publicUrl !== '/' ? `${publicUrl}/after-sales` : '/after-sales', version: pkg.version });
			res.json(document);
		} catch (error) {
			next(toDirectusError(error));
		}
	});
}
