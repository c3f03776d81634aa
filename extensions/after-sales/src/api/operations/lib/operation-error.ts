// A Flow stores what an operation throws as the reject data of that step ($last, the revision log).
// An Error's message is not enumerable and would be logged as `{}`, so the operation throws a plain
// object in Directus's error vocabulary instead.
import { toDirectusError } from '../../lib/errors';

export type OperationError = { code: string; status: number; message: string; field: string | null; rule: string | null };

export function toOperationError(error: unknown): OperationError {
	const e = error as { code?: unknown; status?: unknown; message?: unknown; extensions?: { field?: unknown; rule?: unknown } };
	return {
		code: typeof e?.code === 'string' ? e.code : 'INTERNAL_SERVER_ERROR',
		status: typeof e?.status === 'number' ? e.status : 500,
		message: typeof e?.message === 'string' ? e.message : String(error),
		field: typeof e?.extensions?.field === 'string' ? e.extensions.field : null,
		rule: typeof e?.extensions?.rule === 'string' ? e.extensions.rule : null,
	};
}

/** Runs an operation's work; any failure becomes the step's reject data. */
export async function runOperation<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		throw toOperationError(toDirectusError(error));
	}
}
