// The Flow operation context, narrowed to what the pack's adapters use (the endpoint's PackContext).
import type { OperationContext } from '@directus/types';
import type { Caller } from '../../lib/caller';
import type { PackContext } from '../../lib/context';

export const packContextOf = (context: OperationContext): PackContext => context as unknown as PackContext;

/** Flows are configured by administrators; the pack's rules run for them as the system. */
export const FLOW_CALLER: Caller = { user: null, admin: true, staff: true, roles: [], dealer: null };
