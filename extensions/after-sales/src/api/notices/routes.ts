// NTF-2: the inbox of people without a Studio seat (dealers, technicians), and of anyone signed in.
//   GET  /after-sales/me/notifications?unread=1&limit=50   their Directus notifications, newest first
//   POST /after-sales/me/notifications/:id/read            marks one read (Directus's `archived`)
import type { Request, Router } from 'express';
import { z } from 'zod';
import { assertSignedIn, type Caller } from '../lib/caller';
import type { PackContext } from '../lib/context';
import { forbiddenOrMissing } from '../lib/assert-owned-by';
import { toInstant } from '../lib/db-values';
import { parseOrThrow } from '../lib/errors';
import { formatLocalInstant } from '../../domain/calendar';
import { loadSettings } from '../services/settings';

type Route = (handler: (caller: Caller, req: Request) => Promise<unknown>) => (...args: any[]) => unknown;

export const InboxQuerySchema = z.object({
	unread: z.enum(['0', '1', 'true', 'false']).optional(),
	limit: z.coerce.number().int().min(1).max(200).optional(),
});
const NotificationIdSchema = z.coerce.number().int().positive().max(2_147_483_647);

export function registerNoticeRoutes(router: Router, ctx: PackContext, route: Route) {
	router.get('/me/notifications', route(async (caller, req) => {
		assertSignedIn(caller);
		const query = parseOrThrow(InboxQuerySchema, req.query ?? {}, 'NTF-2');
		const unreadOnly = query.unread === '1' || query.unread === 'true';
		const base = () => ctx.database('directus_notifications').where({ recipient: caller.user });
		const rows: Record<string, unknown>[] = await (unreadOnly ? base().where({ status: 'inbox' }) : base())
			.orderBy('id', 'desc').limit(query.limit ?? 50).select('id', 'timestamp', 'status', 'subject', 'message', 'collection', 'item');
		const counted = await base().where({ status: 'inbox' }).count({ n: '*' });
		const n = counted[0]?.n ?? 0;
		const timeZone = (await loadSettings(ctx.database)).calendar.timezone;
		return {
			unread: Number(n),
			notifications: rows.map((r) => {
				const at = toInstant(r['timestamp'], ctx.database);
				return { ...r, read: r['status'] !== 'inbox', timestamp: at?.toISOString() ?? null, timestamp_local: at ? formatLocalInstant(at, timeZone) : null };
			}),
		};
	}));

	router.post('/me/notifications/:id/read', route(async (caller, req) => {
		assertSignedIn(caller);
		const id = parseOrThrow(NotificationIdSchema, req.params['id'], 'NTF-2');
		// ARC-4: someone else's notice and a missing one answer alike.
		const row = await ctx.database('directus_notifications').where({ id, recipient: caller.user }).first('id', 'status');
		if (!row) throw forbiddenOrMissing('notification', 'NTF-2');
		if (row.status === 'inbox') await ctx.database('directus_notifications').where({ id, recipient: caller.user }).update({ status: 'archived' });
		return { id, read: true };
	}));
}
