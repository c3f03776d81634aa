// Loads a unit with what WTY-1/2/3/9/10 need and hands it to the pure warranty rules.
import type { Knex } from 'knex';
import {
	computeCoverage, computeDowntimeDays, computeWarrantyPeriods, computeWarrantyStatus, computeRegulationProfile,
	type CoverageAnswer, type Fault, type Remedy,
} from '../../domain/warranty';
import { loadSettings, type PackSettings } from './settings';
import { toBool, toDay, toInstant, vendorOf } from '../lib/db-values';

export type UnitRow = { id: number; serial_no: string; product: number; customer: number | null; dealer: number | null; sold_on: string; card_received_on: string | null; replaces_unit: number | null; replaced_on: string | null };
type ProductRow = { id: number; model: string; name: string; category: string | null; warranty_months: number; main_parts_warranty_months: number | null; regulation_profile: string | null };

export async function loadUnitFacts(knex: Knex, where: { serial_no?: string; id?: number }) {
	const unit = await knex('units').where(where).first();
	if (!unit) return null;
	const product: ProductRow = await knex('products').where({ id: unit.product }).first();
	const repairs = await knex('repair_records')
		.where({ unit: unit.id })
		.whereNot({ status: 'cancelled' })
		.select('id', 'fault_category', 'fault_scope', 'coverage', 'remedy', 'dropped_off_at', 'received_at', 'completed_at', 'serious_fault');
	return {
		// WTY-10: a replacement unit's periods restart on its handover day.
		unit: { ...unit, sold_on: toDay(unit.sold_on)!, card_received_on: toDay(unit.card_received_on), replaced_on: unit.replaces_unit ? toDay(unit.replaced_on) : null } as UnitRow,
		product,
		repairs: repairs.map((r: Record<string, unknown>) => ({
			id: r.id as number,
			fault_category: (r.fault_category as string) ?? null,
			coverage: (r.coverage as string) ?? null,
			// WTY-9: the remedy each repair recorded climbs the ladder (a repair unless recorded otherwise).
			remedy: (r.remedy as Remedy | null) ?? null,
			dropped_off_at: toInstant(r.dropped_off_at ?? r.received_at),
			completed_at: toInstant(r.completed_at),
			serious: r.serious_fault === null ? null : toBool(r.serious_fault),
		})),
	};
}

export type UnitFacts = NonNullable<Awaited<ReturnType<typeof loadUnitFacts>>>;

/** WTY-9: the product's own profile if it names one, else the settings' selection table by category and sale date. */
function profileOf(product: ProductRow, soldOn: string, settings: PackSettings) {
	const { profiles, rules } = settings.regulation;
	const key = product.regulation_profile;
	if (key && key !== 'auto' && profiles[key]) return profiles[key]!;
	return computeRegulationProfile(product.category, soldOn, rules, profiles);
}

/** WTY-3: the coverage answer for a unit at an instant, for an optional fault. */
export function coverageOf(facts: UnitFacts, at: Date, settings: PackSettings, fault?: Fault | null, beyondScope = false): CoverageAnswer {
	return computeCoverage({
		unit: { sold_on: facts.unit.sold_on, card_received_on: facts.unit.card_received_on, replaced_on: facts.unit.replaced_on },
		product: facts.product,
		profile: profileOf(facts.product, facts.unit.sold_on, settings),
		repairs: facts.repairs,
		at,
		now: new Date(),
		fault: fault ?? null,
		dealer_promise_beyond_scope: beyondScope,
		settings: settings.warranty,
	});
}

/** WTY-1/2/10: the read-only warranty columns of a unit, as of `at`. */
export function warrantyColumnsOf(facts: UnitFacts, at: Date, settings: PackSettings) {
	const profile = profileOf(facts.product, facts.unit.sold_on, settings);
	const downtime_days = computeDowntimeDays(facts.repairs, at, new Date());
	const periods = computeWarrantyPeriods({ sold_on: facts.unit.sold_on, replaced_on: facts.unit.replaced_on, product: facts.product, downtime_days, profile });
	const warranty_status = computeWarrantyStatus({
		sold_on: facts.unit.sold_on, card_received_on: facts.unit.card_received_on, replaced_on: facts.unit.replaced_on, product: facts.product, downtime_days, at,
		settings: settings.warranty, profile,
	} as Parameters<typeof computeWarrantyStatus>[0]);
	return { warranty_status, warranty_until: periods.whole_machine_until, main_parts_until: periods.main_parts_until, downtime_days };
}

export async function refreshUnitWarranty(knex: Knex, unitIds: number[], at: Date, settings?: PackSettings) {
	const s = settings ?? (await loadSettings(knex));
	for (const id of unitIds) {
		// Read and written under the unit's row lock: a refresh that read the facts before another
		// write changed them (an after-commit hook of the unit's create racing a replacement's
		// handover) finishes before that write goes on, and the write's own refresh comes last.
		await knex.transaction(async (trx) => {
			if (vendorOf(trx) !== 'sqlite') await trx('units').where({ id }).forUpdate().first('id');
			const facts = await loadUnitFacts(trx, { id });
			if (!facts) return;
			await trx('units').where({ id }).update(warrantyColumnsOf(facts, at, s));
		});
	}
}
