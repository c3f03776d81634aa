// DLR-1 through the Studio, GraphQL and the pack's own writes: a dealer's repair record (one with no
// company technician) is not logged for a suspended or terminated dealer, nor after its agreement
// ended. Internal writes go through these filters too: the portal's repair intake is one of them.
import type { Knex } from 'knex';
import type { Accountability, PackContext } from '../lib/context';
import { toDirectusError } from '../lib/errors';
import type { Register } from '../warranty/register';
import { assertDealerStanding } from './load-dealer-standing';
import { refId } from '../lib/ids';

type HookContext = { database: Knex; accountability: Accountability | null };
type Payload = Record<string, unknown>;

const dealerIdOf = (value: unknown) => {
	const id = refId(value);
	return /^\d{1,10}$/.test(String(id ?? '')) ? Number(id) : null;
};

export function registerDealerStandingHooks(register: Register, _ctx: PackContext) {
	register.filter('repair_records.items.create', async (payload: Payload, _meta: unknown, hook: HookContext) => {
		try {
			const dealer = dealerIdOf(payload['dealer']);
			const technician = refId(payload['technician']);
			if (dealer !== null && (technician === undefined || technician === null || technician === '')) await assertDealerStanding(hook.database, dealer, new Date(), 'log repairs');
			return payload;
		} catch (error) {
			throw toDirectusError(error);
		}
	});
	// Re-assigning a repair to a dealer (or taking the technician off) is logging it for that dealer.
	register.filter('repair_records.items.update', async (payload: Payload, meta: { keys?: (string | number)[] }, hook: HookContext) => {
		try {
			if (!('dealer' in payload) && !('technician' in payload)) return payload;
			const keys = (meta.keys ?? []).filter((k) => /^\d{1,10}$/.test(String(k)));
			const rows = keys.length ? await hook.database('repair_records').whereIn('id', keys as never[]).select('id', 'dealer', 'technician') : [];
			for (const row of rows) {
				const dealer = dealerIdOf('dealer' in payload ? payload['dealer'] : row.dealer);
				const technician = 'technician' in payload ? refId(payload['technician']) : row.technician;
				const changed = ('dealer' in payload && String(dealer) !== String(row.dealer)) || ('technician' in payload && !technician && row.technician);
				if (changed && dealer !== null && !technician) await assertDealerStanding(hook.database, dealer, new Date(), 'log repairs');
			}
			return payload;
		} catch (error) {
			throw toDirectusError(error);
		}
	});
}
