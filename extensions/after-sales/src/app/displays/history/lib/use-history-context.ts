// What the timeline needs from the Studio: the reader's language, the translated labels of the
// collection's status choices and field names (the fields store has already resolved their `$t:`
// keys and translations), the names of the users in `by` (one request to /users, cached for the
// page) and the calendar's time zone.
import { useApi, useStores } from '@directus/extensions-sdk';
import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import { useStudioLocale } from '../../../lib/studio-language';
import { MESSAGES, collectUserIds, computeCalendarTimeZone, computeStatusLabels, type User } from './timeline';

type Api = ReturnType<typeof useApi>;

// A list of fifty complaints shows fifty displays: each user and the settings are asked for once.
const userRequests = new Map<string, Promise<User | null>>();
let timeZoneRequest: Promise<string | null> | null = null;

export function useHistoryContext(collection: Ref<string | null | undefined>, entries: Ref<readonly unknown[]>) {
	const api = useApi();
	const stores = useStores();
	const locale = useStudioLocale();
	const statusLabels = computed(() => {
		if (!collection.value) return {};
		const field = stores.useFieldsStore().getField(collection.value, 'status') as { meta?: { options?: { choices?: unknown } | null } | null } | null;
		return computeStatusLabels(field?.meta?.options?.choices);
	});
	const fieldLabels = computed(() => {
		if (!collection.value) return {};
		const fields = stores.useFieldsStore().getFieldsForCollection(collection.value) as Array<{ field: string; name?: string | null }>;
		return Object.fromEntries(fields.filter((f) => typeof f.name === 'string' && f.name.length > 0 && !f.name.startsWith('$t:')).map((f) => [f.field, f.name!]));
	});
	const users = shallowRef<ReadonlyMap<string, User>>(new Map());
	const timeZone = ref<string | null>(null);
	const loading = ref(true);

	watch(entries, async (list) => {
		const ids = collectUserIds(list);
		loading.value = true;
		const [found, zone] = await Promise.all([loadUsers(api, ids), loadTimeZone(api)]);
		users.value = found;
		timeZone.value = zone;
		loading.value = false;
	}, { immediate: true });

	return { locale, t: MESSAGES[locale], statusLabels, fieldLabels, users, timeZone, loading };
}

async function loadUsers(api: Api, ids: string[]): Promise<ReadonlyMap<string, User>> {
	const missing = ids.filter((id) => !userRequests.has(id));
	if (missing.length) {
		const request = api
			.get('/users', { params: { filter: JSON.stringify({ id: { _in: missing } }), fields: 'id,first_name,last_name,email', limit: -1 } })
			.then((response) => (response.data?.data ?? []) as User[])
			.catch(() => [] as User[]);
		for (const id of missing) userRequests.set(id, request.then((list) => list.find((u) => u.id === id) ?? null));
	}
	const found = await Promise.all(ids.map((id) => userRequests.get(id)!));
	return new Map(found.filter((u): u is User => u !== null).map((u) => [u.id, u]));
}

function loadTimeZone(api: Api): Promise<string | null> {
	timeZoneRequest ??= api
		.get('/items/service_settings', { params: { fields: 'calendar,default_timezone' } })
		.then((response) => computeCalendarTimeZone(response.data?.data))
		.catch(() => null);
	return timeZoneRequest;
}
