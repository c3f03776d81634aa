// REQ-1..3, NTF-1: the service-request workflow on every path that writes a request (Studio,
// items API, GraphQL). The filters check each move with the domain and stamp what it means; the
// actions turn the history steps that tell someone into notices and deliver them at once.
import type { Knex } from 'knex';
import { DESK_ROLES, decideRequestCreate, decideRequestUpdate, type RequestActor, type RequestFacts } from '../../domain/service-requests';
import { resolveCaller, type Caller } from '../lib/caller';
import type { Accountability, PackContext } from '../lib/context';
import { toDirectusError } from '../lib/errors';
import { toJsonArray } from '../lib/db-values';
import { enqueueRequestNotices } from '../notices/enqueue-request-notices';
import { deliverNotices } from '../notices/deliver-notices';
import { loadSettings } from '../services/settings';
import { channelsOf } from '../services/settings';
import type { NotificationChannels } from '../../domain/notifications';
import type { Register } from '../warranty/register';
import { loadRequestFacts } from './load-request-facts';
import { CLERK_STAMPS, filterClerkCheck, reconcileClerkCheck } from './clerk-check';
import { tellScheduled } from './tell-scheduled';
import { DomainRuleError } from '../../domain/errors';
import { msg } from '../../domain/messages';

type HookContext = { database: Knex; accountability: Accountability | null };
type Payload = Record<string, unknown>;
type Meta = { key?: string | number; keys?: (string | number)[] };

/** Written by the workflow only; what a client sends for them is dropped (as for complaints). */
const WORKFLOW_FIELDS = ['history', 'accepted_at', 'arrived_at', 'arrival_location', 'plan_told_at'];
/** Fields whose change the workflow looks at. */
const WATCHED = ['status', 'assignee', 'dealer'];

/** The system (no signed-in user: the sweep, the demo seed, the pack's own endpoints after their checks) is not checked. */
export function requestActorOf(caller: Caller, facts: RequestFacts | null): RequestActor | null {
	if (!caller.user) return null;
	const desk = caller.admin || DESK_ROLES.some((r) => (caller.roles as readonly string[]).includes(r));
	const field = facts !== null && ((caller.roles.includes('technician') && facts.assignee === caller.user) || (caller.roles.includes('dealer') && caller.dealer !== null && facts.dealer === caller.dealer));
	return { user: caller.user, desk, field, roles: caller.admin ? ['admin'] : caller.roles };
}

export function registerRequestHooks(register: Register, ctx: PackContext) {
	register.filter('service_requests.items.create', async (payload: Payload, _meta: Meta, hook: HookContext) => {
		try {
			if (!hook.accountability?.user) return payload;
			const cleaned = strip(payload);
			for (const field of ['clerk_check_result', ...CLERK_STAMPS]) delete cleaned[field];
			const caller = await resolveCaller(hook.database, hook.accountability);
			const plan = decideRequestCreate(cleaned, requestActorOf(caller, null), new Date());
			await assertCertificateReissuable(hook.database, cleaned);
			return { ...cleaned, ...plan.columns };
		} catch (error) {
			throw toDirectusError(error);
		}
	});

	register.filter('service_requests.items.update', async (payload: Payload, meta: Meta, hook: HookContext) => {
		try {
			if (!hook.accountability?.user) return payload;
			const cleaned = strip(payload);
			for (const field of CLERK_STAMPS) delete cleaned[field];
			if (!meta.keys?.length) return cleaned;
			const now = new Date();
			const caller = await resolveCaller(hook.database, hook.accountability);
			let out = cleaned;
			if (WATCHED.some((f) => f in cleaned)) {
				const facts = await loadRequestFacts(hook.database, meta.keys);
				const moves = facts.filter((f) => ('status' in cleaned && cleaned['status'] !== f.status) || ('assignee' in cleaned && (cleaned['assignee'] ?? null) !== f.assignee) || ('dealer' in cleaned && (cleaned['dealer'] ?? null) !== f.dealer));
				if (moves.length) {
					if (facts.length > 1) throw new DomainRuleError('REQ-1', 'status', msg('request.one_at_a_time'), { collection: 'service_requests' });
					const plan = decideRequestUpdate(facts[0]!, cleaned, requestActorOf(caller, facts[0]!), now);
					out = { ...cleaned, ...plan.columns };
				}
			}
			// DLR-2: the sales clerk's check, stamped and logged.
			return await filterClerkCheck(out, meta.keys, hook.database, caller, now);
		} catch (error) {
			throw toDirectusError(error);
		}
	});

	for (const event of ['create', 'update']) {
		register.action(`service_requests.items.${event}`, async (meta: Meta & { payload?: Payload }) => {
			const keys = meta.keys ?? (meta.key !== undefined ? [meta.key] : []);
			if (!keys.length) return;
			const ids = keys.map(Number);
			// DLR-2 concerns dealer tasks only: the notices' read of each request says which have a dealer
			// (all of them, if that read failed). A dealer set meanwhile is another write, with its own action.
			let dealerTasks = ids;
			// A new request is its payload (history and dealer have no default): one whose history tells
			// nobody queues nothing, and its dealer is the one it was given.
			const created = event === 'create' && meta.payload ? meta.payload : null;
			if (created && !toJsonArray(created['history']).some((entry) => Array.isArray((entry as { notify?: unknown } | null)?.notify))) {
				const dealer = created['dealer'];
				if (dealer === null || dealer === undefined) dealerTasks = [];
			} else {
				try {
					dealerTasks = (await queueRequestNotices(ctx, ids)).dealerTasks;
				} catch (error) {
					ctx.logger.error(`[after-sales] NTF-1: notices of service request ${keys.join(',')} failed: ${(error as Error).message}`);
				}
			}
			if (!dealerTasks.length) return;
			try {
				await reconcileClerkCheck(ctx, dealerTasks);
				await tellScheduled(ctx, dealerTasks);
			} catch (error) {
				ctx.logger.error(`[after-sales] DLR-2: clerk check / scheduling notices of service request ${keys.join(',')} failed: ${(error as Error).message}`);
			}
		});
	}
}

/** NTF-1: the notices the requests' latest steps owe, queued once and sent at once (the sweep retries what fails). */
export async function notifyRequests(ctx: PackContext, ids: number[], now = new Date()) {
	return (await queueRequestNotices(ctx, ids, now)).queued;
}

/** NTF-1 as above; also names the requests that are dealer tasks. The settings are read once, and only when a step wants a notice. */
async function queueRequestNotices(ctx: PackContext, ids: number[], now = new Date()): Promise<{ queued: number; dealerTasks: number[] }> {
	let settings: Promise<{ channels: NotificationChannels; timeZone: string }> | null = null;
	const noticeSettings = () => (settings ??= loadSettings(ctx.database).then((s) => ({ channels: channelsOf(s.raw, ctx), timeZone: s.calendar.timezone })));
	let queued = 0;
	const dealerTasks: number[] = [];
	for (const id of ids) {
		const result = await enqueueRequestNotices(ctx.database, id, noticeSettings, now);
		queued += result.queued;
		if (result.dealer !== null) dealerTasks.push(id);
	}
	if (queued) {
		const { channels } = await noticeSettings();
		if (channels.email || channels.webhooks.length) await deliverNotices(ctx, ctx.database, channels, now);
	}
	return { queued, dealerTasks };
}

function strip(payload: Payload): Payload {
	const copy = { ...payload };
	for (const field of WORKFLOW_FIELDS) delete copy[field];
	return copy;
}

/**
 * WTY-12: a lost 三包凭证 is reissued once the unit is shown to be in warranty: a reissue request
 * names its unit, and a unit whose warranty is over is refused (400 naming `unit`). The 10 working
 * days run from the registration (the default policy 补发三包凭证).
 */
async function assertCertificateReissuable(knex: HookContext['database'], payload: Payload): Promise<void> {
	if (payload['type'] !== 'certificate_reissue') return;
	const unit = typeof payload['unit'] === 'object' && payload['unit'] !== null ? (payload['unit'] as { id?: unknown }).id : payload['unit'];
	if (unit === undefined || unit === null || unit === '') throw new DomainRuleError('WTY-12', 'unit', msg('certificate.needs_unit'), { collection: 'service_requests' });
	const row = Number.isFinite(Number(unit)) ? await knex('units').where({ id: Number(unit) }).first('warranty_status') : null;
	if (!row) throw new DomainRuleError('WTY-12', 'unit', msg('certificate.needs_unit'), { collection: 'service_requests' });
	if (!['active', 'card_pending'].includes(String(row.warranty_status))) throw new DomainRuleError('WTY-12', 'unit', msg('certificate.out_of_warranty'), { collection: 'service_requests' });
}
