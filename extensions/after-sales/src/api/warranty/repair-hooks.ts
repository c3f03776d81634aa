// WTY-3, WTY-5, REQ-4, REQ-8: what a repair record computes for itself. Coverage of a warranty
// repair is decided by the domain (with its reasons), a repeat of the same fault within the window
// is linked, and money columns are derived in decimals from the parts, never typed in.
import type { Knex } from 'knex';
import { assertWithinQuote } from '../../domain/repair-orders';
import { DomainRuleError } from '../../domain/errors';
import { formatMoney, multiplyMoney, parseMoney, sumMoney } from '../../domain/money';
import { BusySeasonsSchema, computeBusySeason, computeLocalDate, computeRepeatOf, FAULT_CAUSES, FAULT_SCOPES, REMEDIES, REPAIR_COVERAGES, type Remedy } from '../../domain/warranty';
import type { Accountability, PackContext } from '../lib/context';
import { resolveCaller, hasRole } from '../lib/caller';
import { toBool, toInstant, toJson, toJsonArray } from '../lib/db-values';
import { ruleViolation, toDirectusError } from '../lib/errors';
import { channelsOf, loadSettings } from '../services/settings';
import { enqueueConsentNotices } from '../notices/enqueue-consent-notices';
import { coverageOf, loadUnitFacts, refreshUnitWarranty } from '../services/unit-coverage';
import { attachPartsToBatch } from './parts-returns';
import type { Register } from './register';
import { anyOf, msg, state } from '../../domain/messages';

type HookContext = { database: Knex; accountability: Accountability | null };
type Payload = Record<string, unknown>;

const REPAIR_COMPUTED = ['parts_cost', 'total_cost', 'repeat_of', 'coverage_reasons', 'busy_season', 'remedy_entitled'];
const PART_DECISION = ['approved_amount', 'rejection_reason'];
const deletedParts = new Map<string, number>();

export function registerRepairHooks(register: Register, ctx: PackContext) {
	register.filter('repair_records.items.create', async (payload: Payload, _meta: unknown, hook: HookContext) => {
		try {
			const cleaned = stripComputed(payload);
			assertMoneyFields(cleaned);
			const decided = await decideCoverage(hook.database, await decideBusySeason(hook.database, cleaned, null), null);
			assertOrder(decided, null);
			return decided;
		} catch (error) {
			throw toDirectusError(error);
		}
	});
	register.filter('repair_records.items.update', async (payload: Payload, meta: { keys: (string | number)[] }, hook: HookContext) => {
		try {
			const cleaned = stripComputed(payload);
			assertMoneyFields(cleaned);
			const decisive = ['coverage', 'unit', 'fault_category', 'fault_scope', 'fault_cause', 'serious_fault', 'completed_at', 'received_at', 'dealer_promise_beyond_scope', 'dealer_promise', 'parts_source', 'remedy', 'replacement_unit'];
			const charges = ORDER_FIELDS.some((f) => f in cleaned);
			if ((!decisive.some((f) => f in cleaned) && !charges) || meta.keys.length === 0) return cleaned;
			const rows: Payload[] = await hook.database('repair_records').whereIn('id', meta.keys).select('*');
			// WTY-11: a new unit or drop-off date decides the busy season again.
			if (rows.length === 1 && rows[0] && ['unit', 'dropped_off_at', 'received_at'].some((f) => f in cleaned)) Object.assign(cleaned, await decideBusySeason(hook.database, cleaned, rows[0]));
			if (meta.keys.length !== 1 || !rows[0]) {
				for (const row of rows) assertOrder(cleaned, row);
				return cleaned;
			}
			if ('status' in cleaned) await assertReplacementUnit(hook.database, { ...rows[0], ...cleaned });
			const decided = decisive.some((f) => f in cleaned) ? await decideCoverage(hook.database, cleaned, rows[0]) : cleaned;
			assertOrder(decided, rows[0]);
			return decided;
		} catch (error) {
			throw toDirectusError(error);
		}
	});
	for (const event of ['create', 'update']) {
		register.action(`repair_records.items.${event}`, async (meta: { key?: number; keys?: number[]; payload?: Payload }) => {
			const keys = meta.keys ?? (meta.key !== undefined ? [meta.key] : []);
			for (const id of keys) {
				await refreshRepairComputed(ctx.database, Number(id));
				await attachPartsToBatch(ctx.database, Number(id));
				await linkReplacementUnit(ctx.database, Number(id));
			}
			// REQ-5, NTF-1: a consent recorded tells the technician and the dealer.
			if (meta.payload && 'extra_work' in meta.payload) {
				try {
					const settings = await loadSettings(ctx.database);
					for (const id of keys) await enqueueConsentNotices(ctx.database, Number(id), channelsOf(settings.raw, ctx), settings.calendar.timezone, new Date());
				} catch (error) {
					ctx.logger.error(`[after-sales] REQ-5: consent notices of repair_records ${keys.join(',')} failed: ${(error as Error).message}`);
				}
			}
		});
	}

	for (const event of ['create', 'update'] as const) {
		register.filter(`repair_parts.items.${event}`, async (payload: Payload, meta: { keys?: (string | number)[] }, hook: HookContext) => {
			try {
				return await checkPart(hook, payload, event === 'update' ? (meta.keys ?? []) : null);
			} catch (error) {
				throw toDirectusError(error);
			}
		});
	}
	// The parts' repairs are read before the delete so their totals can be recomputed after it.
	register.filter('repair_parts.items.delete', async (keys: (string | number)[], _meta: unknown, hook: HookContext) => {
		for (const row of await hook.database('repair_parts').whereIn('id', keys).select('id', 'repair_record')) deletedParts.set(String(row.id), Number(row.repair_record));
		return keys;
	});
	for (const event of ['create', 'update', 'delete']) {
		register.action(`repair_parts.items.${event}`, async (meta: { key?: number; keys?: number[]; payload?: Payload }) => {
			const keys = meta.keys ?? (meta.key !== undefined ? [meta.key] : []);
			const repairs = new Set<number>();
			if (meta.payload?.['repair_record']) repairs.add(Number(meta.payload['repair_record']));
			if (event !== 'delete' && keys.length) {
				for (const row of await ctx.database('repair_parts').whereIn('id', keys).select('repair_record')) repairs.add(Number(row.repair_record));
			}
			if (event === 'delete') for (const key of keys) { const r = deletedParts.get(String(key)); if (r) repairs.add(r); deletedParts.delete(String(key)); }
			for (const id of repairs) await refreshCosts(ctx.database, id);
		});
	}
}

/** REQ-4, REQ-5: what a repair order's charge and consent depend on. */
const ORDER_FIELDS = ['status', 'coverage', 'quote_amount', 'labour_cost', 'travel_cost', 'extra_work'];

/** REQ-4, REQ-5: the order as it will be stored (payload over the stored row) stays within its quote plus consented work. */
function assertOrder(payload: Payload, current: Payload | null) {
	if (!ORDER_FIELDS.some((f) => f in payload) && current) return;
	const value = (f: string) => (f in payload ? payload[f] : (current?.[f] ?? null)) as never;
	// REQ-4: paid service is quoted first: a repair chosen as paid is not started or finished without
	// its quote. One that WTY-3 turned paid (not covered, reasons kept) was logged as warranty work.
	const chosenPaid = value('coverage') === 'paid' && (payload['coverage'] === 'paid' ? !payload['coverage_reasons'] : !current?.['coverage_reasons']);
	const quote = value('quote_amount') as unknown;
	if (chosenPaid && ['in_progress', 'completed'].includes(value('status')) && (quote === null || quote === undefined || String(quote).trim() === '')) {
		throw new DomainRuleError('REQ-4', 'quote_amount', msg('quote.required'), { collection: 'repair_records' });
	}
	assertWithinQuote({
		coverage: value('coverage'), status: value('status'), quote_amount: value('quote_amount'), labour_cost: value('labour_cost'),
		travel_cost: value('travel_cost'), parts_cost: (current?.['parts_cost'] ?? null) as never, extra_work: value('extra_work'),
	}, new Date());
}

function stripComputed(payload: Payload): Payload {
	const cleaned = { ...payload };
	for (const field of REPAIR_COMPUTED) delete cleaned[field];
	return cleaned;
}

/** REQ-4: labour and travel are non-negative amounts with at most 2 decimals (400 naming the field). */
function assertMoneyFields(payload: Payload) {
	for (const field of ['labour_cost', 'travel_cost', 'quote_amount']) {
		const value = payload[field];
		if (value === undefined || value === null || value === '') continue;
		parseMoney(value as string, field, { nonNegative: true });
	}
}

/**
 * WTY-3 / REQ-4: a repair entered as warranty is checked against the unit's coverage at the repair
 * date; if the domain says not covered it becomes a paid repair and the reasons are kept.
 */
async function decideCoverage(knex: Knex, payload: Payload, current: Payload | null): Promise<Payload> {
	const merged = { ...(current ?? {}), ...payload };
	assertChoices(payload);
	assertPromiseRecorded(merged);
	await assertReplacementUnit(knex, merged);
	const requested = (merged['coverage'] as string | undefined) ?? 'warranty';
	// A repair WTY-2/WTY-4 made the dealer's expense is judged again like warranty work when its facts change.
	const judged = requested === 'warranty' || (requested === 'dealer_expense' && !('coverage' in payload) && toJsonArray(current?.['coverage_reasons']).length > 0);
	if (!judged) return { ...payload, coverage_reasons: null, remedy_entitled: null };
	const unitId = typeof merged['unit'] === 'object' && merged['unit'] !== null ? (merged['unit'] as { id?: number }).id : merged['unit'];
	if (unitId === undefined || unitId === null) return payload;
	const facts = await loadUnitFacts(knex, { id: Number(unitId) });
	if (!facts) throw ruleViolation('WTY-3', 'unit', msg('unit.missing', { id: String(unitId) }), { collection: 'repair_records' });
	const settings = await loadSettings(knex);
	const at = toInstant(merged['completed_at']) ?? toInstant(merged['received_at']) ?? new Date();
	const fault = merged['fault_category']
		? {
				category: String(merged['fault_category']),
				scope: (merged['fault_scope'] as never) ?? 'whole_machine',
				cause: (merged['parts_source'] === 'customer' ? 'customer_supplied_part' : (merged['fault_cause'] as never) ?? 'normal') as never,
				...(merged['serious_fault'] !== undefined && merged['serious_fault'] !== null ? { serious: Boolean(merged['serious_fault']) } : {}),
			}
		: null;
	// The repair being edited is not its own history.
	const facts2 = current ? { ...facts, repairs: facts.repairs.filter((r) => r.id !== Number(current['id'])) } : facts;
	const answer = coverageOf(facts2, at, settings, fault as never, toBool(merged['dealer_promise_beyond_scope']));
	// WTY-11: a warranty repair not finished within its 30 working days lets the customer choose a replacement.
	const overdue = current && answer.coverage !== 'paid'
		? await knex('sla_timers').where({ collection: 'repair_records', item: String(current['id']), milestone: 'repair_finished' }).whereNotNull('breached_at').first('id')
		: null;
	const entitled: Remedy = overdue && REMEDIES.indexOf(answer.next_remedy) < REMEDIES.indexOf('machine_replacement') ? 'machine_replacement' : answer.next_remedy;
	// WTY-9: statutory work gives no more than the customer is entitled to next for this fault.
	const remedy = ((merged['remedy'] as Remedy | null | undefined) ?? 'repair');
	if (answer.coverage !== 'paid' && REMEDIES.indexOf(remedy) > REMEDIES.indexOf(entitled)) {
		throw new DomainRuleError('WTY-9', 'remedy', msg('remedy.beyond_entitlement', { remedy: state('repair_records', 'remedy', remedy), entitled: state('repair_records', 'remedy', entitled) }), { collection: 'repair_records' });
	}
	return { ...payload, coverage: answer.coverage, coverage_reasons: answer.reasons, remedy_entitled: entitled };
}

/**
 * WTY-3, WTY-9: the choices coverage is decided from hold one of their values before the domain
 * reads them (Directus checks choices only after the filter hooks, and as any caller, even one
 * with no access to the collection).
 */
const DECISIVE_CHOICES: ReadonlyArray<{ field: string; values: readonly string[]; rule: 'WTY-3' | 'WTY-9' | 'REQ-4' }> = [
	{ field: 'fault_cause', values: FAULT_CAUSES, rule: 'WTY-3' },
	{ field: 'fault_scope', values: FAULT_SCOPES, rule: 'WTY-3' },
	{ field: 'coverage', values: REPAIR_COVERAGES, rule: 'REQ-4' },
	{ field: 'remedy', values: REMEDIES, rule: 'WTY-9' },
];
function assertChoices(payload: Payload) {
	for (const { field, values, rule } of DECISIVE_CHOICES) {
		const value = payload[field];
		if (value === undefined || value === null || (typeof value === 'string' && values.includes(value))) continue;
		throw new DomainRuleError(rule, field, msg('zod.invalid_value', { values: anyOf(values.map((v) => state('repair_records', field, v))) }), { collection: 'repair_records' });
	}
}

/** WTY-4: a promise marked beyond the scope says what was promised. */
function assertPromiseRecorded(merged: Payload) {
	if (toBool(merged['dealer_promise_beyond_scope']) && String(merged['dealer_promise'] ?? '').trim() === '') {
		throw new DomainRuleError('WTY-4', 'dealer_promise', msg('promise.required'), { collection: 'repair_records' });
	}
}

/** WTY-9, WTY-10: a completed machine replacement names the new unit, which is another unit. */
async function assertReplacementUnit(knex: Knex, merged: Payload) {
	const replacement = idOf(merged['replacement_unit']);
	const unit = idOf(merged['unit']);
	if (replacement !== null && replacement === unit) throw new DomainRuleError('WTY-10', 'replacement_unit', msg('replacement.same_unit'), { collection: 'repair_records' });
	if (replacement !== null) {
		const row = await knex('units').where({ id: replacement }).first('id', 'replaces_unit');
		if (!row) throw new DomainRuleError('WTY-10', 'replacement_unit', msg('unit.missing', { id: String(replacement) }), { collection: 'repair_records' });
		if (row.replaces_unit !== null && Number(row.replaces_unit) !== unit) throw new DomainRuleError('WTY-10', 'replacement_unit', msg('replacement.replaces_other'), { collection: 'repair_records' });
	}
	if (merged['remedy'] === 'machine_replacement' && merged['status'] === 'completed' && replacement === null) {
		throw new DomainRuleError('WTY-9', 'replacement_unit', msg('replacement.required'), { collection: 'repair_records' });
	}
}

const idOf = (value: unknown): number | null => {
	const raw = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value;
	return raw === null || raw === undefined || raw === '' || !Number.isFinite(Number(raw)) ? null : Number(raw);
};

/**
 * WTY-11: whether the repair falls in a busy season (农忙) of `service_settings.busy_seasons` — by the
 * customer's region, the product's category and the drop-off date in the calendar's time zone —
 * decided here on every write that sets the unit or the date, never typed in; the busy-season SLA
 * policies match on it.
 */
async function decideBusySeason(knex: Knex, payload: Payload, current: Payload | null): Promise<Payload> {
	const merged = { ...(current ?? {}), ...payload };
	const unitId = typeof merged['unit'] === 'object' && merged['unit'] !== null ? (merged['unit'] as { id?: number }).id : merged['unit'];
	if (unitId === undefined || unitId === null || !Number.isFinite(Number(unitId))) return payload;
	const unit = await knex('units as u').leftJoin('customers as c', 'c.id', 'u.customer').leftJoin('products as p', 'p.id', 'u.product').where('u.id', Number(unitId)).first('c.region', 'p.category');
	if (!unit) return payload;
	const settings = await loadSettings(knex);
	const seasons = BusySeasonsSchema.safeParse(toJson(settings.raw['busy_seasons']) ?? []);
	const at = toInstant(merged['dropped_off_at']) ?? toInstant(merged['received_at']) ?? new Date();
	const season = seasons.success ? computeBusySeason(seasons.data, { region: unit.region ?? null, category: unit.category ?? null, date: computeLocalDate(at, settings.calendar.timezone) }) : null;
	return { ...payload, busy_season: season !== null };
}

/** WTY-5, WTY-7: quantity > 0 and price ≥ 0 in decimals; amount derived; line decisions by the roles that audit and verify. */
async function checkPart(hook: HookContext, payload: Payload, keys: (string | number)[] | null): Promise<Payload> {
	const cleaned = { ...payload };
	delete cleaned['amount'];
	const decides = PART_DECISION.some((f) => f in cleaned);
	if (decides && hook.accountability && !hook.accountability.admin) {
		const caller = await resolveCaller(hook.database, hook.accountability);
		if (!hasRole(caller, 'sales_rep', 'finance', 'technical_dept')) {
			throw ruleViolation('WTY-7', 'approved_amount', msg('claim.deciders'), { collection: 'repair_parts' });
		}
	}
	if ('old_part_status' in cleaned && hook.accountability && !hook.accountability.admin && keys !== null) {
		const caller = await resolveCaller(hook.database, hook.accountability);
		if (!hasRole(caller, 'technical_dept', 'service_manager')) throw ruleViolation('WTY-6', 'old_part_status', msg('parts_return.classifier'), { collection: 'repair_parts' });
	}
	if ('rejection_reason' in cleaned && cleaned['rejection_reason'] !== null) {
		const { REJECTION_REASONS } = await import('../../domain/claims');
		if (!Object.hasOwn(REJECTION_REASONS, String(cleaned['rejection_reason']))) {
			throw ruleViolation('WTY-7', 'rejection_reason', msg('claim.unknown_reason', { code: String(cleaned['rejection_reason']) }), { collection: 'repair_parts' });
		}
	}
	if (keys && keys.length) {
		// Once claimed, the lines are the claim's: amounts are fixed at submission and decisions close at approval.
		const claims = await hook.database('warranty_claims as c').join('repair_parts as p', 'p.repair_record', 'c.repair_record').whereIn('p.id', keys).distinct('c.status');
		const statuses = claims.map((c: { status: string }) => c.status);
		if (['quantity', 'unit_price', 'part_no', 'repair_record'].some((f) => f in cleaned) && statuses.some((st: string) => st !== 'draft')) {
			throw ruleViolation('WTY-7', ['quantity', 'unit_price', 'part_no', 'repair_record'].find((f) => f in cleaned)!, msg('claim.line_fixed'), { collection: 'repair_parts' });
		}
		if (decides && statuses.some((st: string) => ['approved', 'settled', 'rejected'].includes(st))) {
			throw ruleViolation('WTY-8', 'approved_amount', msg('claim.decided'), { collection: 'repair_parts' });
		}
	}
	const rows = keys && keys.length ? await hook.database('repair_parts').whereIn('id', keys).select('id', 'quantity', 'unit_price') : [{ quantity: undefined, unit_price: undefined }];
	const { maxLineFen } = await loadSettings(hook.database);
	for (const row of rows) {
		const quantity = cleaned['quantity'] ?? row.quantity ?? 1;
		const price = cleaned['unit_price'] ?? row.unit_price ?? 0;
		const amount = lineAmount(quantity, price);
		// INT-4: the line (quantity × price) stays within the maximum too.
		if (amount > maxLineFen) throw ruleViolation('INT-4', 'amount', `${formatMoney(amount)} (quantity × unit price) exceeds the maximum of ${formatMoney(maxLineFen)} per line`, { collection: 'repair_parts', text: msg('int.over_max', { amount: formatMoney(amount), max: formatMoney(maxLineFen) }) });
		if (cleaned['approved_amount'] !== undefined && cleaned['approved_amount'] !== null) {
			const approved = parseMoney(cleaned['approved_amount'] as string, 'approved_amount', { nonNegative: true });
			if (approved > amount) throw ruleViolation('WTY-7', 'approved_amount', msg('claim.approved_over_claimed', { approved: formatMoney(approved), claimed: formatMoney(amount) }), { collection: 'repair_parts' });
		}
		if ('quantity' in cleaned || 'unit_price' in cleaned || keys === null) {
			if (rows.length === 1) cleaned['amount'] = formatMoney(amount);
		}
	}
	if (keys === null || 'quantity' in cleaned || 'unit_price' in cleaned || 'repair_record' in cleaned) await assertPartsWithinQuote(hook.database, cleaned, keys);
	return cleaned;
}

/**
 * REQ-4, REQ-5: a part added to (or repriced on) a completed paid repair after the fact counts
 * against its quote like the labour and travel did: the repair's parts as they will be, with the
 * labour and travel, stay within the quote plus the consented additional work.
 */
async function assertPartsWithinQuote(knex: Knex, payload: Payload, keys: (string | number)[] | null): Promise<void> {
	const repairIds = new Set<number>();
	if (payload['repair_record'] !== undefined && payload['repair_record'] !== null) repairIds.add(Number(typeof payload['repair_record'] === 'object' ? (payload['repair_record'] as { id?: number }).id : payload['repair_record']));
	if (keys?.length) for (const r of await knex('repair_parts').whereIn('id', keys).select('repair_record')) repairIds.add(Number(r.repair_record));
	for (const id of repairIds) {
		if (!Number.isFinite(id)) continue;
		const repair = await knex('repair_records').where({ id }).first('coverage', 'status', 'quote_amount', 'labour_cost', 'travel_cost', 'extra_work');
		if (!repair || repair.coverage !== 'paid' || repair.status !== 'completed') continue;
		const parts: { id: number; quantity: unknown; unit_price: unknown }[] = await knex('repair_parts').where({ repair_record: id }).select('id', 'quantity', 'unit_price');
		const changed = new Set((keys ?? []).map(String));
		const amounts = parts.map((p) => (changed.has(String(p.id)) ? lineAmount(payload['quantity'] ?? p.quantity, payload['unit_price'] ?? p.unit_price) : lineAmount(p.quantity ?? 1, p.unit_price ?? 0)));
		if (keys === null) amounts.push(lineAmount(payload['quantity'] ?? 1, payload['unit_price'] ?? 0));
		assertWithinQuote({ ...repair, parts_cost: formatMoney(sumMoney(amounts)), extra_work: toJson(repair.extra_work) }, new Date());
	}
}

function lineAmount(quantity: unknown, price: unknown): bigint {
	const fen = parseMoney(price as string, 'unit_price', { nonNegative: true });
	const q = String(quantity);
	if (!/^\s*\d+(\.\d{1,3})?\s*$/.test(q) || Number(q) <= 0) throw ruleViolation('WTY-5', 'quantity', msg('int.not_quantity', { value: JSON.stringify(quantity) }), { collection: 'repair_parts' });
	return multiplyMoney(fen, q, 'quantity');
}

/** parts_cost and total_cost from the parts' own amounts (exact decimals). */
export async function refreshCosts(knex: Knex, repairId: number) {
	const repair = await knex('repair_records').where({ id: repairId }).first('id', 'labour_cost', 'travel_cost');
	if (!repair) return;
	const parts = await knex('repair_parts').where({ repair_record: repairId }).select('id', 'quantity', 'unit_price', 'amount');
	const amounts: bigint[] = [];
	for (const part of parts) {
		const amount = multiplyMoney(parseMoney(String(part.unit_price ?? 0), 'unit_price'), String(part.quantity ?? 1));
		amounts.push(amount);
		if (part.amount === null || parseMoney(String(part.amount), 'amount') !== amount) await knex('repair_parts').where({ id: part.id }).update({ amount: formatMoney(amount) });
	}
	const partsCost = sumMoney(amounts);
	const total = partsCost + parseMoney(String(repair.labour_cost ?? 0), 'labour_cost') + parseMoney(String(repair.travel_cost ?? 0), 'travel_cost');
	await knex('repair_records').where({ id: repairId }).update({ parts_cost: formatMoney(partsCost), total_cost: formatMoney(total) });
}

/** REQ-8 and costs, after the row (and its nested parts) are written. */
export async function refreshRepairComputed(knex: Knex, repairId: number) {
	await refreshCosts(knex, repairId);
	const repair = await knex('repair_records').where({ id: repairId }).first('id', 'unit', 'fault_category', 'received_at', 'dropped_off_at', 'completed_at', 'repeat_of');
	if (!repair) return;
	const settings = await loadSettings(knex);
	const previous = await knex('repair_records')
		.where({ unit: repair.unit })
		.whereNot({ id: repairId })
		.whereNotNull('completed_at')
		.select('id', 'unit', 'fault_category', 'completed_at');
	const repeatOf = computeRepeatOf(
		{ id: repair.id, unit: repair.unit, fault_category: repair.fault_category, received_at: toInstant(repair.received_at ?? repair.dropped_off_at), completed_at: toInstant(repair.completed_at) },
		previous.map((p: Payload) => ({ id: p['id'] as number, unit: p['unit'] as number, fault_category: (p['fault_category'] as string) ?? null, completed_at: toInstant(p['completed_at']) })),
		settings.warranty.repeat_repair_window_days ?? 90,
		settings.warranty.timezone ?? 'Asia/Shanghai',
	);
	if ((repeatOf ?? null) !== (repair.repeat_of ?? null)) await knex('repair_records').where({ id: repairId }).update({ repeat_of: repeatOf });
}

/**
 * WTY-9, WTY-10: a completed machine replacement links the new unit to the one it replaces and
 * restarts its warranty on the handover day (the completion day), unless staff recorded another.
 */
export async function linkReplacementUnit(knex: Knex, repairId: number) {
	const repair = await knex('repair_records').where({ id: repairId }).first('unit', 'remedy', 'status', 'replacement_unit', 'completed_at', 'coverage');
	if (!repair || repair.remedy !== 'machine_replacement' || repair.status !== 'completed' || !repair.replacement_unit) return;
	const replacement = await knex('units').where({ id: repair.replacement_unit }).first('id', 'replaces_unit', 'replaced_on');
	if (!replacement || (replacement.replaces_unit !== null && Number(replacement.replaces_unit) !== Number(repair.unit))) return;
	const settings = await loadSettings(knex);
	const handedOver = computeLocalDate(toInstant(repair.completed_at) ?? new Date(), settings.calendar.timezone);
	if (replacement.replaces_unit === null || replacement.replaced_on === null) {
		await knex('units').where({ id: replacement.id }).update({ replaces_unit: repair.unit, replaced_on: replacement.replaced_on ?? handedOver });
		await refreshUnitWarranty(knex, [Number(replacement.id)], new Date(), settings);
	}
}
