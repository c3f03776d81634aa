// FUP-1..3: follow-ups appear when the records move, on every path that writes them with events
// (Studio, items API, the dealer's repair form). Actions run after the commit: a refused write
// plans nothing, and a failure here is logged, never undoes the record's own write.
import type { PackContext } from '../lib/context';
import type { Register } from '../warranty/register';
import { followUpEventOf, planFollowUps } from './plan-follow-ups';

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
}
