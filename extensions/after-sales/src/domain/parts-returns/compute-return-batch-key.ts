/**
 * WTY-6: one return batch per dealer and deadline; the key lets the adapter find or create it
 * idempotently when several repairs add parts at once.
 */
export function computeReturnBatchKey(dealer: string | number, deadline: string): string {
	return `${dealer}:${deadline}`;
}
