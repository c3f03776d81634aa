// What an adapter receives from Directus: the hook/endpoint context, narrowed to what we use.
import type { Knex } from 'knex';

export type Accountability = {
	user: string | null;
	role: string | null;
	roles?: string[];
	admin: boolean;
	app: boolean;
	ip?: string | null;
};

// Directus passes its service classes; we keep them loosely typed to stay out of its internals.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ServiceClass = new (...args: any[]) => any;

type ServiceName =
	| 'ItemsService' | 'SchemaService' | 'RolesService' | 'PoliciesService' | 'AccessService' | 'PermissionsService'
	| 'TranslationsService' | 'UsersService' | 'FilesService' | 'NotificationsService' | 'MailService' | 'DashboardsService'
	| 'PanelsService' | 'FoldersService' | 'SettingsService';

export type PackContext = {
	services: Record<ServiceName, ServiceClass> & Record<string, ServiceClass>;
	database: Knex;
	getSchema: (options?: { database?: Knex; bypassCache?: boolean }) => Promise<unknown>;
	env: Record<string, unknown>;
	logger: { info: (...a: unknown[]) => void; warn: (...a: unknown[]) => void; error: (...a: unknown[]) => void; debug?: (...a: unknown[]) => void };
};

export const SYSTEM_ACCOUNTABILITY: Accountability = { user: null, role: null, roles: [], admin: true, app: true };

/** An ItemsService acting as the system (admin), optionally inside a transaction. */
export async function systemItems(ctx: PackContext, collection: string, knex: Knex = ctx.database, emitEvents = true) {
	const schema = await ctx.getSchema({ database: knex });
	const service = new ctx.services.ItemsService(collection, { knex, schema, accountability: SYSTEM_ACCOUNTABILITY });
	if (!emitEvents) return withoutEvents(service);
	return service;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function withoutEvents(service: any) {
	const options = { emitEvents: false };
	return {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		createOne: (data: unknown) => service.createOne(data, options), createMany: (data: unknown[]) => service.createMany(data, options),
		updateOne: (key: unknown, data: unknown) => service.updateOne(key, data, options),
		updateMany: (keys: unknown[], data: unknown) => service.updateMany(keys, data, options),
		updateByQuery: (query: unknown, data: unknown) => service.updateByQuery(query, data, options),
		readByQuery: (query: unknown) => service.readByQuery(query), readOne: (key: unknown, query?: unknown) => service.readOne(key, query),
		deleteMany: (keys: unknown[]) => service.deleteMany(keys, options),
	};
}
