// REQ-3: a step taken through the pack's endpoints (the technician accepts, arrives, changes the
// status): load → decide → write in one transaction, the row locked and its status re-checked, so
// two taps on a phone make one step. Timers and notices follow the commit.
import { decideRequestUpdate, type RequestChange } from '../../domain/service-requests';
import type { Caller } from '../lib/caller';
import { systemItems, type PackContext } from '../lib/context';
import { vendorOf } from '../lib/db-values';
import { conflict, forbidden } from '../lib/errors';
import { syncContext, syncRecordTimers } from '../sla/sync-timers';
import { loadRequestFacts } from './load-request-facts';
import { notifyRequests, requestActorOf } from './register-request-hooks';
import { followUpEventOf, planFollowUps } from '../follow-ups/plan-follow-ups';
import { msg } from '../../domain/messages';

export async function applyRequestStep(ctx: PackContext, caller: Caller, id: number, change: RequestChange, extra: Record<string, unknown> = {}, now = new Date()) {
	const written = await ctx.database.transaction(async (trx) => {
		const lock = trx('service_requests').where({ id }).select('id');
		if (vendorOf(trx) !== 'sqlite') lock.forUpdate();
		await lock;
		const [facts] = await loadRequestFacts(trx, [id]);
		if (!facts) throw conflict('REQ-3', null, `REQ-3: request #${id} is gone`, { text: msg('request.gone', { id }) });
		const actor = requestActorOf(caller, facts);
		if (actor && !actor.desk && !actor.field) throw forbidden('REQ-3', msg('request.not_your_job', { id }));
		const plan = decideRequestUpdate(facts, change, actor, now);
		const columns: Record<string, unknown> = { ...extra, ...plan.columns };
		if (change.status !== undefined) columns['status'] = change.status;
		const items = await systemItems(ctx, 'service_requests', trx, false);
		await items.updateOne(id, columns);
		return { from: facts.status, to: (change.status as string | undefined) ?? facts.status };
	});
	const sync = await syncRecordTimers(await syncContext(ctx), 'service_requests', id);
	await notifyRequests(ctx, [id], now).catch((error) => ctx.logger.error(`[after-sales] NTF-1: notices of request ${id} failed: ${(error as Error).message}`));
	// FUP-1..3: this path writes without events, so the follow-ups the step calls for are planned here.
	const fupEvent = written.from !== written.to ? followUpEventOf('service_requests', written.to) : null;
	if (fupEvent) await planFollowUps(ctx, 'service_requests', [id], fupEvent, now).catch((error) => ctx.logger.error(`[after-sales] FUP-1..3: follow-ups of request ${id} failed: ${(error as Error).message}`));
	return { ...written, timers: sync.timers.map((t) => ({ milestone: t.milestone, state: t.state, due_at: t.due_at?.toISOString() ?? null, fulfilled_at: t.fulfilled_at?.toISOString() ?? null })) };
}
