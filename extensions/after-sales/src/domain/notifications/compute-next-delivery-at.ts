import type { Delivery } from './types';

/** NTF-3: a delivery still owed: pending or failed with a retry time. */
export function isDeliveryOpen(delivery: Delivery): boolean {
	return (delivery.status === 'pending' || delivery.status === 'failed') && delivery.next_at !== null;
}

/** NTF-3: when a row's deliveries next need the sweep (the earliest open one), or null when all are done. */
export function computeNextDeliveryAt(deliveries: readonly Delivery[]): Date | null {
	const open = deliveries.filter(isDeliveryOpen).map((d) => new Date(d.next_at!).getTime());
	return open.length ? new Date(Math.min(...open)) : null;
}
