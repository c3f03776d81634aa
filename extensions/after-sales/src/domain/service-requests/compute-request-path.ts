import { REQUEST_TRANSITIONS } from './request-transitions';
import type { RequestStatus } from './schemas';

/** The shortest chain of workflow moves from `from` to `to` (both included), or null when there is none. */
function shortest(from: RequestStatus, to: RequestStatus): RequestStatus[] | null {
	const previous = new Map<RequestStatus, RequestStatus | null>([[from, null]]);
	const queue: RequestStatus[] = [from];
	while (queue.length) {
		const at = queue.shift()!;
		if (at === to) break;
		for (const move of REQUEST_TRANSITIONS) {
			if (move.from !== at || previous.has(move.to) || (move.to === 'cancelled' && to !== 'cancelled')) continue;
			previous.set(move.to, at);
			queue.push(move.to);
		}
	}
	if (!previous.has(to)) return null;
	const path: RequestStatus[] = [];
	for (let at: RequestStatus | null = to; at !== null; at = previous.get(at) ?? null) path.unshift(at);
	return path;
}

/**
 * REQ-1..3: the states a request passes through from registration to `target`, through `via`
 * when given (a closed request that was worked on site goes through `resolved`). Demo data and
 * imports use it so that every history they write is one the workflow allows.
 */
export function computeRequestPath(target: RequestStatus, via?: RequestStatus): RequestStatus[] {
	if (via && via !== target) {
		const head = shortest('new', via);
		const tail = shortest(via, target);
		if (head && tail) return [...head, ...tail.slice(1)];
	}
	return shortest('new', target) ?? ['new'];
}
