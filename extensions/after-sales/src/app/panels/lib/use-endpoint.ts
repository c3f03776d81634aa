// Loads one endpoint for a panel, again whenever its path (options) changes; exposes read-only
// data with separate loading and error refs so the component is a plain v-if chain of states.
import { useApi } from '@directus/extensions-sdk';
import { ref, shallowRef, watch, type Ref } from 'vue';

export function useEndpoint<T>(path: Ref<string>) {
	const api = useApi();
	const data = shallowRef<T | null>(null);
	const loading = ref(true);
	const error = ref<string | null>(null);
	let ticket = 0;
	async function load() {
		const mine = ++ticket;
		loading.value = true;
		error.value = null;
		try {
			const response = await api.get(path.value);
			if (mine === ticket) data.value = response.data.data as T;
		} catch (e: unknown) {
			const err = e as { response?: { data?: { errors?: Array<{ message?: string }> } } };
			if (mine === ticket) error.value = err?.response?.data?.errors?.[0]?.message ?? String(e);
		} finally {
			if (mine === ticket) loading.value = false;
		}
	}
	watch(path, load, { immediate: true });
	return { data, loading, error, reload: load };
}
