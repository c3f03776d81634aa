// INT-5 around a Directus 12.4 defect: GET /folders as any non-admin user answers 500 ("Cannot add
// property filter, object is not extensible"), because the folders service adds a filter to the
// query object the sanitize-query middleware has frozen. A shallow copy before the controller
// runs lets Directus answer as designed (the folders the caller may read, or 403).
import type { Request, Response, NextFunction } from 'express';

type App = { use: (path: string, handler: (req: Request, res: Response, next: NextFunction) => void) => void };

export function unfreezeFolderQueries(app: App) {
	app.use('/folders', (req, _res, next) => {
		const r = req as Request & { sanitizedQuery?: Record<string, unknown> };
		if (r.sanitizedQuery && Object.isFrozen(r.sanitizedQuery)) r.sanitizedQuery = { ...r.sanitizedQuery };
		next();
	});
}
