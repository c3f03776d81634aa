// Packages the tests load that ship no type declarations of their own.
declare module 'pg';
declare module '@directus/api' {
	export function createApp(): Promise<import('express').Express>;
}
declare module '@directus/api/database/index' {
	const getDatabase: () => import('knex').Knex;
	export default getDatabase;
}
