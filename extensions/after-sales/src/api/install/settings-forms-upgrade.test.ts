// Issue 12 item 4: an install made before the settings forms shows its JSON settings in the code
// editor (the tags interface for the return days). An upgrade moves every such field to its form —
// that editor is the pack's own earlier value — and keeps an interface an admin chose.
import { describe, expect, test } from 'vitest';
import { computeSchemaPlan, mergeMeta, type Snapshot } from './compute-schema-plan';
import { hashValue } from './install-record';
import { PACK_SNAPSHOT } from './pack-snapshot';

const FORMS: [collection: string, field: string, iface: string, options: Record<string, unknown> | null, before: string][] = [
	['service_settings', 'calendar', 'after-sales-calendar', null, 'input-code'],
	['service_settings', 'busy_seasons', 'after-sales-seasons', { kind: 'busy' }, 'input-code'],
	['service_settings', 'sales_seasons', 'after-sales-seasons', { kind: 'sales' }, 'input-code'],
	['service_settings', 'key_account_visit_windows', 'after-sales-seasons', { kind: 'visit' }, 'input-code'],
	['service_settings', 'complaint_severity_levels', 'after-sales-thresholds', { kind: 'severity_levels' }, 'input-code'],
	['service_settings', 'dealer_rating_thresholds', 'after-sales-thresholds', { kind: 'dealer_rating' }, 'input-code'],
	['service_settings', 'quality_thresholds', 'after-sales-thresholds', { kind: 'quality' }, 'input-code'],
	['service_settings', 'delivery_retry', 'after-sales-thresholds', { kind: 'delivery_retry' }, 'input-code'],
	['service_settings', 'parts_return_deadlines', 'after-sales-day-list', { kind: 'month_days' }, 'tags'],
	['service_settings', 'parts_return_reminder_days', 'after-sales-day-list', { kind: 'days' }, 'tags'],
	['sla_policies', 'condition', 'after-sales-conditions', null, 'input-code'],
];

const shipped = (collection: string, field: string) => PACK_SNAPSHOT.fields.find((f) => f.collection === collection && f.field === field)!;
/** The meta an earlier pack wrote: the same field in the code editor (or tags) with that editor's options. */
const earlier = (meta: Record<string, unknown>, before: string) => ({ ...meta, interface: before, options: before === 'input-code' ? { language: 'json', lineNumber: true } : null });
const hashes = (meta: Record<string, unknown>) => Object.fromEntries(Object.entries(meta).map(([k, v]) => [k, hashValue(v)]));

describe('the settings forms on upgrade (CAL-1, WTY-6, WTY-11, DLR-3, DLR-4, RPT-4, CMP-5, ESC-1, ESC-4)', () => {
	test.each(FORMS)('%s.%s ships with %s', (collection, field, iface, options) => {
		expect(shipped(collection, field).meta).toMatchObject({ interface: iface, options });
	});

	test.each(FORMS)('an upgrade moves %s.%s from the pack’s earlier editor to its form', (collection, field, iface, options, before) => {
		const meta = shipped(collection, field).meta!;
		const old = earlier(meta, before);
		const merged = mergeMeta(old, meta, hashes(old));
		expect(merged.meta).toMatchObject({ interface: iface, options });
		expect(merged.kept).toEqual([]);
	});

	// Meta is merged property by property: the admin's interface stays, options unchanged since the pack wrote them follow the pack.
	test('an interface the admin chose stays, and the plan reports it kept', () => {
		const field = shipped('service_settings', 'calendar');
		const old = earlier(field.meta!, 'input-code');
		const current: Snapshot = { ...PACK_SNAPSHOT, fields: PACK_SNAPSHOT.fields.map((f) => (f === field ? { ...f, meta: { ...old, interface: 'input-multiline' } } : f)) };
		const record = {
			collections: Object.fromEntries(PACK_SNAPSHOT.collections.map((c) => [c.collection, hashes(c.meta ?? {})])),
			fields: { ...Object.fromEntries(PACK_SNAPSHOT.fields.map((f) => [`${f.collection}.${f.field}`, hashes(f.meta ?? {})])), 'service_settings.calendar': hashes(old) },
			relations: Object.fromEntries(PACK_SNAPSHOT.relations.map((r) => [`${r.collection}.${r.field}`, hashes(r.meta ?? {})])),
		};
		const plan = computeSchemaPlan(current, PACK_SNAPSHOT, record);
		expect(plan.snapshot.fields.find((f) => f.collection === 'service_settings' && f.field === 'calendar')!.meta).toMatchObject({ interface: 'input-multiline' });
		expect(plan.clashes).toEqual([]);
		expect(plan.kept).toEqual([{ kind: 'field', name: 'service_settings.calendar', property: 'interface' }]);
	});
});
