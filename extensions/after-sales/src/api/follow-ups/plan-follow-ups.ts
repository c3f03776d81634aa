// FUP-1..3: load → decide → write for one record after a write that moved it (dispatched,
// resolved, completed). Called from the action hooks and from the pack's own endpoints that write
// without events (the technician's steps).
import { decideFollowUps, type FollowUpEvent, type FollowUpSubject } from '../../domain/follow-ups';
import type { PackContext } from '../lib/context';
import { loadFollowUpSubject } from './load-follow-up-facts';
import { loadFollowUpSettings } from './load-follow-up-settings';
import { writeFollowUps } from './write-follow-ups';

/** The follow-up event a status means, or null. */
export function followUpEventOf(collection: FollowUpSubject['collection'], status: unknown): FollowUpEvent | null {
	if (collection === 'service_requests') return status === 'dispatched' ? 'dispatched' : status === 'resolved' ? 'resolved' : null;
	return status === 'completed' ? 'completed' : null;
}

export async function planFollowUps(ctx: PackContext, collection: FollowUpSubject['collection'], ids: readonly number[], event: FollowUpEvent, now = new Date()): Promise<number> {
	const settings = await loadFollowUpSettings(ctx);
	let written = 0;
	for (const id of ids) {
		const subject = await loadFollowUpSubject(ctx.database, collection, id);
		if (!subject) continue;
		written += await writeFollowUps(ctx.database, decideFollowUps(event, subject, settings, now), settings, now);
	}
	return written;
}
