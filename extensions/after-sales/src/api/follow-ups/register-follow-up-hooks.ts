// FUP-1..5, REQ-7: follow-ups appear when the records move, on every path that writes them with events
// (Studio, items API, the dealer's repair form). Actions run after the commit: a refused write
// plans nothing, and a failure here is logged, never undoes the record's own write.
import type { PackContext } from '../lib/context';
import type { Register } from '../warranty/register';
import { followUpEventOf, planFollowUps } from './plan-follow-ups';
import { planCollectNotices } from './plan-collect-notice';
import { loadFollowUpSettings } from './load-follow-up-settings';
import { planKeyAccountVisits } from './run-follow-up-step';

/** REQ-7: the repair fields the collection notice depends on. */
const COLLECT_FIELDS = ['status', 'promised_at', 'dropped_off_at', 'received_at', 'completed_at', 'unit', 'service_request'];

type Meta = { key?: string | number; keys?: (string | number)[]; payload?: Record<string, unknown> };

export function registerFollowUpHooks(register: Register, ctx: PackContext) {
	for (const collection of ['service_requests', 'repair_records'] as const) {
		for (const event of ['create', 'update']) {
			register.action(`${collection}.items.${event}`, async (meta: Meta) => {
				const fupEvent = followUpEventOf(collection, meta.payload?.['status']);
				const keys = meta.keys ?? (meta.key !== undefined ? [meta.key] : []);
				if (!fupEvent || !keys.length) return;
				try {
					await planFollowUps(ctx, collection, keys.map(Number), fupEvent);
				} catch (error) {
					ctx.logger.error(`[after-sales] FUP-1..3: follow-ups of ${collection} ${keys.join(',')} failed: ${(error as Error).message}`);
				}
			});
		}
	}

	// REQ-7: the collection notice follows the repair's promise and status.
	for (const event of ['create', 'update']) {
		register.action(`repair_records.items.${event}`, async (meta: Meta) => {
			const keys = meta.keys ?? (meta.key !== undefined ? [meta.key] : []);
			if (!keys.length || !COLLECT_FIELDS.some((f) => f in (meta.payload ?? {}))) return;
			try {
				await planCollectNotices(ctx, keys.map(Number));
			} catch (error) {
				ctx.logger.error(`[after-sales] REQ-7: collection notice of repair_records ${keys.join(',')} failed: ${(error as Error).message}`);
			}
		});
		// FUP-5: a customer marked a key account gets its next visits at once, not tomorrow.
		register.action(`customers.items.${event}`, async (meta: Meta) => {
			const keys = meta.keys ?? (meta.key !== undefined ? [meta.key] : []);
			if (!keys.length || !meta.payload?.['key_account']) return;
			try {
				await planKeyAccountVisits(ctx.database, keys.map(Number), await loadFollowUpSettings(ctx), new Date());
			} catch (error) {
				ctx.logger.error(`[after-sales] FUP-5: key-account visits of customers ${keys.join(',')} failed: ${(error as Error).message}`);
			}
		});
	}
}
