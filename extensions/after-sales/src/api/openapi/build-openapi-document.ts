// OpenAPI 3.1 of every /after-sales route, generated from the route registry: each parameter and
// body schema is zod 4's JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) of the very schema
// the handler parses with, taken on its input side (what a client sends).
import { z } from 'zod';
import { ROUTES, type Audience, type RouteEntry } from './routes';

export const OPENAPI_VERSION = '3.1.0';

type JsonSchema = Record<string, unknown>;

const AUDIENCE: Record<Audience, string> = {
	'signed-in': 'Any signed-in Directus user / 任何已登录用户',
	staff: 'Service staff (Studio roles) / 售后员工',
	manager: 'Administrator or service manager (technical dept for reminders) / 管理员或售后服务部主管',
	dealer: "A dealer user bound to a dealer; scoped to the caller's dealer / 经销商用户（仅本经销商数据）",
	technician: 'A technician; scoped to the requests assigned to them / 技术员（仅分配给本人的工单）',
	'portal-user': 'A dealer or technician / 经销商或技术员',
	public: 'Anyone (the page signs in against Directus itself) / 公开页面',
};

/** JSON Schema of what a client sends; refinements and transforms have no JSON Schema and are dropped. */
export function toJsonSchema(schema: z.ZodType): JsonSchema {
	const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
	return rest;
}

/** `/dealer/claims/:id` → `/dealer/claims/{id}` */
export const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');

function parameters(entry: RouteEntry) {
	const out: unknown[] = [];
	for (const [where, object] of [['path', entry.params], ['query', entry.query]] as const) {
		if (!object) continue;
		const json = toJsonSchema(object) as { properties?: Record<string, JsonSchema>; required?: string[] };
		for (const [name, schema] of Object.entries(json.properties ?? {})) {
			const { description, ...rest } = schema as JsonSchema & { description?: string };
			out.push({
				name, in: where, required: where === 'path' || (json.required ?? []).includes(name) && !('default' in rest),
				schema: rest, ...(description ? { description } : {}),
			});
		}
	}
	return out;
}

function operation(entry: RouteEntry) {
	const data = entry.response ? toJsonSchema(entry.response) : { type: 'object', description: 'The answer; see the README for its fields' };
	const ok = entry.unwrapped
		? { description: 'The OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } }
		: {
			description: 'OK',
			content: Object.fromEntries(
				(entry.produces ?? ['application/json']).map((type) => [type, type === 'application/json'
					? { schema: { type: 'object', required: ['data'], properties: { data } } }
					: { schema: { type: 'string', ...(type.startsWith('image/') || type.includes('spreadsheet') ? { contentEncoding: 'binary' } : {}) } }]),
			),
		};
	return {
		operationId: `${entry.method}${toOpenApiPath(entry.path).replace(/[{}]/g, '').split(/[/.-]/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')}`,
		summary: entry.summary,
		description: `${AUDIENCE[entry.who]}. Rules: ${entry.rules.join(', ')}.`,
		tags: [entry.tag],
		'x-rules': entry.rules,
		'x-audience': entry.who,
		...(entry.who === 'public' ? { security: [] } : {}),
		parameters: parameters(entry),
		...(entry.body ? { requestBody: { required: true, content: { 'application/json': { schema: toJsonSchema(entry.body) } } } } : {}),
		responses: {
			200: ok,
			...(entry.body || entry.query || entry.params ? { 400: { $ref: '#/components/responses/InvalidPayload' } } : {}),
			...(entry.who === 'public' ? {} : { 403: { $ref: '#/components/responses/Forbidden' } }),
			...(entry.params ? { 404: { $ref: '#/components/responses/NotFound' } } : {}),
		},
	};
}

const errorSchema = {
	type: 'object',
	required: ['errors'],
	properties: {
		errors: {
			type: 'array',
			items: {
				type: 'object',
				required: ['message', 'extensions'],
				properties: {
					message: { type: 'string' },
					extensions: {
						type: 'object',
						required: ['code'],
						properties: { code: { type: 'string' }, field: { type: ['string', 'null'] }, rule: { type: 'string' }, reason: { type: 'string' } },
					},
				},
			},
		},
	},
};

/** The document served at GET /after-sales/openapi.json; `serverUrl` is the endpoint's base URL. */
export function buildOpenApiDocument(options: { serverUrl?: string; version?: string } = {}) {
	const paths: Record<string, Record<string, unknown>> = {};
	for (const entry of ROUTES) {
		const path = toOpenApiPath(entry.path);
		paths[path] = { ...(paths[path] ?? {}), [entry.method]: operation(entry) };
	}
	const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/DirectusError' } } } });
	return {
		openapi: OPENAPI_VERSION,
		jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
		info: {
			title: '售后服务 After-sales service pack API',
			version: options.version ?? '0.0.0',
			description: 'The /after-sales endpoint of the Directus after-sales pack. Errors use Directus\'s error shape; a 400 names the field and the rule (RULES.md ID).',
			license: { name: 'MIT', identifier: 'MIT' },
		},
		servers: [{ url: options.serverUrl ?? '/after-sales' }],
		security: [{ bearerAuth: [] }, { directusSession: [] }],
		tags: [...new Set(ROUTES.map((r) => r.tag))].map((name) => ({ name })),
		paths,
		components: {
			securitySchemes: {
				bearerAuth: { type: 'http', scheme: 'bearer', description: 'A Directus access token or static token' },
				directusSession: { type: 'apiKey', in: 'cookie', name: 'directus_session_token' },
			},
			schemas: { DirectusError: errorSchema },
			responses: {
				InvalidPayload: error('Bad input: extensions.field names the field, extensions.rule the rule'),
				Forbidden: error('Not signed in, or not allowed (extensions.rule names the rule)'),
				NotFound: error('No such record, or one that belongs to someone else'),
			},
		},
	};
}
