// The SDK schema (extensions/after-sales/src/sdk/schema.ts) is generated from the data model, says
// what the running Directus holds, and types real reads: `npm run typecheck` checks the
// expectTypeOf lines and the @ts-expect-error ones below; the tests check the same reads at run time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { authentication, createDirectus, readItems, readSingleton, rest } from '@directus/sdk';
import { describe, expect, expectTypeOf, test } from 'vitest';
import type { AfterSalesSchema } from '../extensions/after-sales/src/sdk/schema';
import { buildSdkTypes, sdkFieldsOf, SDK_TYPES_PATH } from '../snapshots/src/sdk-types';
import { baseUrl, loginAdmin } from './helpers';
import { ADMIN, ROOT } from './setup/directus-env';
import { createUnit } from './warranty-fixtures';

async function typedAdmin() {
	const client = createDirectus<AfterSalesSchema>(baseUrl()).with(authentication('json')).with(rest());
	await client.login({ email: ADMIN.email, password: ADMIN.password });
	return client;
}

describe('SDK types of the pack (AfterSalesSchema)', () => {
	test('CONTRACT: the committed schema.ts is exactly what snapshots/src/sdk-types.ts generates (run `node snapshots/src/sdk-types.ts`)', () => {
		expect(readFileSync(join(ROOT, ...SDK_TYPES_PATH), 'utf8')).toBe(buildSdkTypes());
	});

	test('CONTRACT: the package exports the schema types', () => {
		const pkg = JSON.parse(readFileSync(join(ROOT, 'extensions', 'after-sales', 'package.json'), 'utf8'));
		expect(pkg.exports['./sdk'].types).toBe('./src/sdk/schema.ts');
		expect(pkg.types).toBe('./src/sdk/schema.ts');
	});

	test('CONTRACT: when the running Directus lists the fields of each pack collection, then they are exactly the fields of the SDK types', async () => {
		const admin = await loginAdmin();
		const { body } = await admin.call('/fields?limit=-1');
		const live = new Map<string, string[]>();
		for (const f of body.data as { collection: string; field: string; type: string; meta: { special: string[] | null } | null }[]) {
			// Presentation aliases (dividers, groups) hold no value; o2m aliases do.
			if (f.type === 'alias' && !f.meta?.special?.includes('o2m')) continue;
			live.set(f.collection, [...(live.get(f.collection) ?? []), f.field]);
		}
		for (const [collection, fields] of Object.entries(sdkFieldsOf())) {
			if (collection.startsWith('directus_')) {
				expect(live.get(collection), collection).toEqual(expect.arrayContaining(fields));
				continue;
			}
			expect([...(live.get(collection) ?? [])].sort(), collection).toEqual([...fields].sort());
		}
	});

	test('WTY-1: when units are read through createDirectus<AfterSalesSchema>() with readItems, then the typed fields hold what the types say', async () => {
		const client = await typedAdmin();
		await createUnit('D001', 30, 5);
		const units = await client.request(readItems('units', { fields: ['id', 'serial_no', 'warranty_status', 'sold_on', { product: ['model', 'warranty_months'] }], sort: ['-id'], limit: 5 }));
		expectTypeOf(units[0]!.serial_no).toEqualTypeOf<string>();
		expectTypeOf(units[0]!.warranty_status).toEqualTypeOf<'card_pending' | 'active' | 'card_late' | 'expired' | null>();
		expectTypeOf(units[0]!.sold_on).toEqualTypeOf<string>();
		expect(units.length).toBeGreaterThan(0);
		for (const unit of units) {
			expect(typeof unit.serial_no).toBe('string');
			expect(['card_pending', 'active', 'card_late', 'expired', null]).toContain(unit.warranty_status);
			expect(unit.sold_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(typeof unit.product.model).toBe('string');
			expect(typeof unit.product.warranty_months).toBe('number');
		}
		// @ts-expect-error: units have no such field, and the SDK types say so.
		readItems('units', { fields: ['no_such_field'] });
	});

	test('WTY-7, WTY-8: when claims, ledger entries and the settings singleton are read with the typed client, then values match their unions', async () => {
		const client = await typedAdmin();
		const claims = await client.request(readItems('warranty_claims', { fields: ['id', 'status', 'claimed_amount', { dealer: ['code', 'tier'] }], limit: 20 }));
		expectTypeOf(claims[0]!.status).toEqualTypeOf<'draft' | 'submitted' | 'audited' | 'inspected' | 'approved' | 'rejected' | 'settled'>();
		for (const claim of claims) {
			expect(['draft', 'submitted', 'audited', 'inspected', 'approved', 'rejected', 'settled']).toContain(claim.status);
			if (claim.dealer) expect(['A', 'B', 'C']).toContain(claim.dealer.tier);
		}
		const ledger = await client.request(readItems('dealer_ledger', { fields: ['entry_type', 'amount', 'posted_at'], limit: 20 }));
		for (const entry of ledger) expect(['string', 'number']).toContain(typeof entry.amount);
		const settings = await client.request(readSingleton('service_settings', { fields: ['card_deadline_days', 'calendar'] }));
		expectTypeOf(settings.card_deadline_days).toEqualTypeOf<number | null>();
		expect(settings.card_deadline_days).toBe(20);
		// @ts-expect-error: service_settings is a singleton; readItems does not apply to it.
		readItems('service_settings');
	});
});
