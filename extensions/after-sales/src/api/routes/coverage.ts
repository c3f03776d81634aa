// GET /after-sales/units/:serial/coverage?at= — WTY-3 for staff and for the unit's own dealer.
import { z } from 'zod';
import { StrictDateOrInstantSchema, parseStrictInstant } from '../../domain/integrity';
import { FAULT_CAUSES, FAULT_SCOPES } from '../../domain/warranty';
import { forbiddenOrMissing } from '../lib/assert-owned-by';
import { assertSignedIn, type Caller } from '../lib/caller';
import type { PackContext } from '../lib/context';
import { notFound, parseOrThrow } from '../lib/errors';
import { loadSettings } from '../services/settings';
import { coverageOf, loadUnitFacts } from '../services/unit-coverage';
import { msg } from '../../domain/messages';

/** WTY-3: the query of GET /units/:serial/coverage and /dealer/units/:serial/coverage. */
export const CoverageQuerySchema = z.object({
	at: StrictDateOrInstantSchema.optional(),
	fault_category: z.string().trim().min(1).max(64).optional(),
	fault_scope: z.enum(FAULT_SCOPES).optional(),
	fault_cause: z.enum(FAULT_CAUSES).optional(),
	serious: z.enum(['true', 'false']).optional(),
});

export async function getCoverage(ctx: PackContext, caller: Caller, serial: string, query: unknown) {
	assertSignedIn(caller);
	const q = parseOrThrow(CoverageQuerySchema, query, 'WTY-3');
	const knex = ctx.database;
	const facts = await loadUnitFacts(knex, { serial_no: serial });
	// ARC-4: another dealer's unit is answered exactly like an unknown one (403 for both).
	if (!caller.staff && !caller.admin && (!facts || caller.dealer === null || facts.unit.dealer !== caller.dealer)) throw forbiddenOrMissing('unit');
	if (!facts) throw notFound(msg('coverage.no_unit', { serial }), 'WTY-3');
	const settings = await loadSettings(knex);
	const at = q.at ? (q.at.length === 10 ? endOfLocalDay(q.at, settings.calendar.timezone) : parseStrictInstant(q.at, 'at')) : new Date();
	const fault = q.fault_category
		? { category: q.fault_category, scope: q.fault_scope ?? 'whole_machine', cause: q.fault_cause ?? 'normal', ...(q.serious ? { serious: q.serious === 'true' } : {}) }
		: null;
	const answer = coverageOf(facts, at, settings, fault);
	return {
		serial_no: facts.unit.serial_no,
		product: { model: facts.product.model, name: facts.product.name, category: facts.product.category },
		sold_on: facts.unit.sold_on,
		at: at.toISOString(),
		...answer,
	};
}

/** A bare date asks about that whole day in the business time zone (CAL-3). */
function endOfLocalDay(day: string, timeZone: string): Date {
	const noonUtc = new Date(`${day}T12:00:00Z`);
	const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(noonUtc);
	const offset = parts.find((p) => p.type === 'timeZoneName')?.value.replace('GMT', '') || '+00:00';
	return new Date(`${day}T23:59:59${offset === '' ? 'Z' : offset}`);
}
