// The load/save block the portal's forms share: a busy flag, the failure in the portal's language,
// and what the last successful call answered.
import { ref, type Ref } from 'vue';

export type Submit<T> = {
	busy: Ref<boolean>;
	error: Ref<string | null>;
	saved: Ref<T | null>;
	/** Runs one call: busy while it runs, error cleared first and set from a failure, saved set from its answer. */
	run: (work: () => Promise<T>, options?: { keepSaved?: boolean }) => Promise<boolean>;
};

export function useSubmit<T = unknown>(describe: (error: unknown) => string): Submit<T> {
	const busy = ref(false);
	const error = ref<string | null>(null);
	const saved = ref(null) as Ref<T | null>;
	async function run(work: () => Promise<T>, options: { keepSaved?: boolean } = {}) {
		busy.value = true;
		error.value = null;
		if (!options.keepSaved) saved.value = null;
		try {
			saved.value = await work();
			return true;
		} catch (e) {
			error.value = describe(e);
			return false;
		} finally {
			busy.value = false;
		}
	}
	return { busy, error, saved, run };
}
