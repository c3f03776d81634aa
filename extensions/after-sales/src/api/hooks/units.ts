// WTY-1/2/10: a unit's warranty_status, end dates and downtime are computed, never typed in.
import type { Knex } from 'knex';
import type { Accountability, PackContext } from '../lib/context';
import { toDirectusError } from '../lib/errors';
import { decideCardReviewPayload, tellCardReviewed } from '../warranty/card-registration';
import { refreshUnitWarranty } from '../services/unit-coverage';

type Register = {
	filter: (event: string, handler: (...args: any[]) => unknown) => void;
	action: (event: string, handler: (...args: any[]) => unknown) => void;
};

const COMPUTED = ['warranty_status', 'warranty_until', 'main_parts_until', 'downtime_days'];
/** WTY-2: what the portal registration and the review write; never a client. */
const CARD_SYSTEM = ['card_submitted_on', 'card_submission', 'card_reviewed_by', 'card_reviewed_at'];

export function registerUnitHooks(register: Register, ctx: PackContext) {
	for (const event of ['create', 'update']) {
		// The computed columns are read-only for everyone: drop whatever a client sends.
		register.filter(`units.items.${event}`, async (payload: Record<string, unknown>, meta: { keys?: (string | number)[] }, hook: { database: Knex; accountability: Accountability | null }) => {
			const cleaned = { ...payload };
			for (const field of [...COMPUTED, ...CARD_SYSTEM]) delete cleaned[field];
			if (event === 'create') {
				delete cleaned['card_review'];
				return cleaned;
			}
			// WTY-2: staff confirm or return a card registered in the portal.
			try {
				return await decideCardReviewPayload(hook.database, cleaned, meta.keys ?? [], hook.accountability, new Date());
			} catch (error) {
				throw toDirectusError(error);
			}
		});
		register.action(`units.items.${event}`, async (meta: { key?: number; keys?: number[]; payload?: Record<string, unknown> }) => {
			const keys = meta.keys ?? (meta.key !== undefined ? [meta.key] : []);
			await refreshUnitWarranty(ctx.database, keys, new Date());
			if (event === 'update' && meta.payload && 'card_review' in meta.payload) {
				try {
					await tellCardReviewed(ctx, keys, new Date());
				} catch (error) {
					ctx.logger.error(`[after-sales] WTY-2: card review notices of units ${keys.join(',')} failed: ${(error as Error).message}`);
				}
			}
		});
	}
	// Repair downtime extends the period (WTY-10).
	for (const event of ['create', 'update']) {
		register.action(`repair_records.items.${event}`, async (meta: { key?: number; keys?: number[] }) => {
			const keys = meta.keys ?? (meta.key !== undefined ? [meta.key] : []);
			if (!keys.length) return;
			const units = await ctx.database('repair_records').whereIn('id', keys).distinct('unit');
			await refreshUnitWarranty(ctx.database, units.map((u: { unit: number }) => u.unit), new Date());
		});
	}
	// Cards fall due and warranties expire with the passing of days, not only with edits: the daily
	// refreshAllUnits runs at the `job_schedules` time (api/schedules).
}

export async function refreshAllUnits(ctx: PackContext, at: Date) {
	let lastId = 0;
	for (;;) {
		const batch: { id: number }[] = await ctx.database('units').where('id', '>', lastId).orderBy('id').limit(500).select('id');
		if (!batch.length) return;
		await refreshUnitWarranty(ctx.database, batch.map((b) => b.id), at);
		lastId = batch[batch.length - 1]!.id;
	}
}
