// INT-5: every error response in the caller's Directus language (directus_users.language, else the
// project's default_language; zh-CN or en-US, anything else en-US). Directus hands each error
// response to the `request.error` filter once; the language is read there, once per response.
import type { Knex } from 'knex';
import type { Language } from '../../domain/messages';
import type { Accountability } from './context';
import { localizeError } from './errors';

/** The portal asks for its own language (its switcher), which wins over the user's setting. */
export const LANGUAGE_HEADER = 'x-after-sales-language';

export const toLanguage = (value: unknown): Language | null => (value === 'zh-CN' ? 'zh-CN' : value === 'en-US' ? 'en-US' : null);

export async function resolveLanguage(knex: Knex, accountability: Accountability | null | undefined, requested?: unknown): Promise<Language> {
	const asked = toLanguage(requested);
	if (asked) return asked;
	const user = accountability?.user ? await knex('directus_users').where({ id: accountability.user }).first('language') : null;
	if (user?.language) return toLanguage(user.language) ?? 'en-US';
	const settings = await knex('directus_settings').first('default_language');
	return toLanguage(settings?.default_language) ?? 'en-US';
}

/** NTF-1: the language each of `users` reads notices in (as resolveLanguage, in one read for them all). */
export async function languagesOf(knex: Knex, users: readonly string[]): Promise<(user: string) => Language> {
	const ids = [...new Set(users)];
	if (!ids.length) return () => 'en-US';
	const [rows, settings] = await Promise.all([
		knex('directus_users').whereIn('id', ids).select('id', 'language') as Promise<{ id: string; language: string | null }[]>,
		knex('directus_settings').first('default_language'),
	]);
	const fallback = toLanguage(settings?.default_language) ?? 'en-US';
	const chosen = new Map(rows.map((r) => [String(r.id), r.language ? (toLanguage(r.language) ?? 'en-US') : fallback]));
	return (user) => chosen.get(user) ?? fallback;
}

type Req = { accountability?: object; get: (name: string) => string | undefined; path?: string; originalUrl?: string };
type ResponseError = { message: string; extensions?: Record<string, unknown> };
type Register = {
	init: (event: string, handler: (meta: { app: { use: (handler: (req: Req, res: unknown, next: () => void) => void) => void } }) => void) => void;
	filter: (event: string, handler: (errors: ResponseError[], meta: unknown, context: { database: Knex; accountability: Accountability | null }) => Promise<ResponseError[]>) => void;
};

/** `/items/complaints/5` is about complaints. */
export const collectionOfPath = (path: string | undefined) => /^\/items\/([a-z_]+)/.exec(path ?? '')?.[1] ?? null;

/** Directus answers GraphQL with 200 and `errors` in the body, without the `request.error` filter. */
const GRAPHQL_PATH = /^\/graphql(\/system)?\/?$/;

type JsonResponse = { json: (body: unknown) => unknown };

export function registerErrorLanguage(register: Register, database?: Knex) {
	// The filter sees the request's accountability, not the request: this remembers whose header and
	// path it was. Only those two strings: a WeakMap entry holding the request itself kept every
	// request (and Directus's per-request schema copy) alive through the next young-generation
	// collection, which then copied and promoted about 1 MB each time (issue 10 item 4).
	const requests = new WeakMap<object, { asked: string | undefined; path: string | undefined }>();
	register.init('middlewares.after', ({ app }) => {
		app.use((req: Req, res: unknown, next: () => void) => {
			if (req.accountability) requests.set(req.accountability, { asked: req.get(LANGUAGE_HEADER), path: req.originalUrl ?? req.path });
			// INT-5: GraphQL refusals speak the caller's language too, and never show the catalog data.
			if (database && GRAPHQL_PATH.test(req.path ?? '')) localizeGraphqlErrors(req, res as JsonResponse, database);
			next();
		});
	});
	register.filter('request.error', async (errors, _meta, context) => {
		let language: Language = 'en-US';
		const req = context.accountability ? requests.get(context.accountability) : undefined;
		try {
			language = await resolveLanguage(context.database, context.accountability, req?.asked);
		} catch {
			// An error response is never made worse by its translation: fall back to English.
		}
		const collection = collectionOfPath(req?.path);
		return errors.map((error) => localizeError(error, language, collection));
	});
}

function localizeGraphqlErrors(req: Req, res: JsonResponse, database: Knex) {
	const send = res.json.bind(res);
	res.json = (body: unknown) => {
		const errors = (body as { errors?: ResponseError[] } | null)?.errors;
		if (!Array.isArray(errors) || !errors.length) return send(body);
		void resolveLanguage(database, req.accountability as Accountability | undefined, req.get(LANGUAGE_HEADER))
			.catch(() => 'en-US' as Language)
			.then((language) => send({ ...(body as object), errors: errors.map((error) => localizeError(error, language)) }));
		return res;
	};
}
