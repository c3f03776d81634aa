// CONTRACT: GET /after-sales/openapi.json describes every /after-sales route, and only those. The
// routes actually registered are read from an express Router handed to the endpoint's own handler;
// the served document is read from the running Directus.
import express from 'express';
import { describe, expect, test } from 'vitest';
import endpoint from '../extensions/after-sales/src/api/endpoint';
import { buildOpenApiDocument, ROUTES, toOpenApiPath } from '../extensions/after-sales/src/api/openapi';
import { CoverageAnswerSchema, SweepResultSchema } from '../extensions/after-sales/src/api/openapi/responses';
import { call, loginAdmin } from './helpers';
import { createUnit, dealerSession } from './warranty-fixtures';

type Layer = { route?: { path: string | RegExp; methods: Record<string, boolean> } };

/** `METHOD path` of every route the endpoint registers, as express holds them. */
function registeredRoutes(): string[] {
	const router = express.Router();
	const stubContext = { database: null, services: {}, env: {}, getSchema: async () => ({}), logger: { info() {}, warn() {}, error() {} } };
	(endpoint as unknown as { handler: (router: unknown, ctx: unknown) => void }).handler(router, stubContext);
	return (router.stack as Layer[]).filter((layer) => layer.route).flatMap((layer) => {
		const { path, methods } = layer.route!;
		return Object.keys(methods).filter((m) => methods[m]).map((m) => `${m.toUpperCase()} ${path instanceof RegExp ? path.source : path}`);
	});
}

const documented = () => ROUTES.map((r) => `${r.method.toUpperCase()} ${r.expressPattern ?? r.path}`);

describe('OpenAPI document of /after-sales', () => {
	test('CONTRACT: when the endpoint registers its routes, then every one is in the registry and every registry entry is registered', () => {
		const registered = registeredRoutes();
		expect(registered.length).toBeGreaterThan(30);
		expect(new Set(registered).size, 'a route is registered twice').toBe(registered.length);
		expect([...documented()].sort()).toEqual([...registered].sort());
	});

	test('CONTRACT: when the document is built, then it has one operation per route and each path parameter is declared', () => {
		const doc = buildOpenApiDocument();
		expect(doc.openapi).toBe('3.1.0');
		const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op: op as any })));
		expect(operations).toHaveLength(ROUTES.length);
		expect(new Set(operations.map((o) => o.op.operationId)).size).toBe(operations.length);
		for (const { path, op } of operations) {
			const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
			const declared = op.parameters.filter((p: any) => p.in === 'path').map((p: any) => p.name).sort();
			expect(declared, path).toEqual(inPath);
			expect(op.responses['200'], path).toBeDefined();
		}
	});

	test('CONTRACT: when a body is documented, then it is the JSON Schema of the zod schema the handler parses (enums, limits, strictness)', () => {
		const doc = buildOpenApiDocument() as any;
		const repair = doc.paths['/dealer/repairs'].post.requestBody.content['application/json'].schema;
		expect(repair.properties.fault_category.enum).toContain('hydraulic');
		expect(repair.required).toEqual(expect.arrayContaining(['unit', 'fault_category', 'fault_description']));
		expect(repair.required).not.toContain('coverage');
		expect(repair.additionalProperties).toBe(false);
		const technician = doc.paths['/technician/repairs'].post.requestBody.content['application/json'].schema;
		expect(technician.properties.unit).toBeUndefined();
		expect(technician.required).toContain('service_request');
		const trend = doc.paths['/reports/dealers/trend'].get.parameters.find((p: any) => p.name === 'months');
		expect(trend).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 24, default: 6 } });
		const coverage = doc.paths['/units/{serial}/coverage'].get.parameters.map((p: any) => `${p.in}:${p.name}`);
		expect(coverage).toEqual(['path:serial', 'query:at', 'query:fault_category', 'query:fault_scope', 'query:fault_cause', 'query:serious']);
	});

	test('CONTRACT: when anyone signed in asks for /after-sales/openapi.json, then they get the document; anonymous callers are refused', async () => {
		const anonymous = await call('/after-sales/openapi.json', null);
		expect(anonymous.status).toBe(403);
		const dealer = await dealerSession(1);
		const { status, body } = await dealer.call('/after-sales/openapi.json');
		expect(status).toBe(200);
		expect(body.openapi).toBe('3.1.0');
		expect(body.servers[0].url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/after-sales$/);
		expect(Object.keys(body.paths).sort()).toEqual([...new Set(ROUTES.map((r) => toOpenApiPath(r.path)))].sort());
		expect(body.paths['/dealer/claims'].post.requestBody).toBeDefined();
	});

	test('WTY-3: when a documented query is broken, then the live endpoint refuses it as the schema says (400 naming the field)', async () => {
		const admin = await loginAdmin();
		const unit = await createUnit('D001', 30, 5);
		const bad = await admin.call(`/after-sales/units/${unit.serial_no}/coverage?fault_category=engine&fault_scope=everything`);
		expect(bad.status).toBe(400);
		expect(bad.body.errors[0].extensions.field).toBe('fault_scope');
		const doc = buildOpenApiDocument() as any;
		const scope = doc.paths['/units/{serial}/coverage'].get.parameters.find((p: any) => p.name === 'fault_scope');
		expect(scope.schema.enum).not.toContain('everything');
	});

	test('WTY-3, ESC-2: when the live endpoint answers coverage and the sweep, then the answers match the documented response schemas', async () => {
		const admin = await loginAdmin();
		const unit = await createUnit('D001', 30, 5);
		const coverage = await admin.call(`/after-sales/units/${unit.serial_no}/coverage?fault_category=engine&fault_scope=main_part`);
		expect(coverage.status).toBe(200);
		expect(CoverageAnswerSchema.safeParse(coverage.body.data).error?.issues ?? []).toEqual([]);
		const late = await createUnit('D001', 60, 40);
		const lateAnswer = await admin.call(`/after-sales/units/${late.serial_no}/coverage`);
		expect(lateAnswer.body.data.reasons.map((r: any) => r.code)).toContain('card_late');
		expect(CoverageAnswerSchema.safeParse(lateAnswer.body.data).error?.issues ?? []).toEqual([]);
		const sweep = await admin.call('/after-sales/sla/sweep', { method: 'POST' });
		expect(sweep.status).toBe(200);
		expect(SweepResultSchema.safeParse(sweep.body.data).error?.issues ?? []).toEqual([]);
	});
});
