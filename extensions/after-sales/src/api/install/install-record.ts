// What the pack last wrote, kept in its own settings singleton (`service_settings.install_record`,
// hidden and read-only). A collection, field or relation is the pack's only when it is named here;
// each meta property is stored as a hash of the value the pack wrote, so a re-install can tell the
// pack's old value (safe to update) from an admin's edit (kept).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { PackContext } from '../lib/context';

export const RECORD_TABLE = 'service_settings';
export const RECORD_FIELD = 'install_record';

/** meta property → hash of the value the pack last wrote. */
const PropertyHashes = z.record(z.string(), z.string());

export const InstallRecordSchema = z.object({
	version: z.literal(1),
	pack_version: z.string(),
	applied_at: z.string(),
	collections: z.record(z.string(), PropertyHashes),
	fields: z.record(z.string(), PropertyHashes),
	relations: z.record(z.string(), PropertyHashes),
	/** The global default-column presets the pack created: preset id → hash of what it wrote (absent in older records). */
	presets: z.record(z.string(), z.string()).optional(),
	/**
	 * Written by `uninstall --keep-data`: who held which pack role when the roles were removed, so
	 * the next install gives each of them the role back (cleared once it has).
	 */
	role_holders: z.array(z.object({ user: z.string(), role: z.string() })).optional(),
});

export type InstallRecord = z.infer<typeof InstallRecordSchema>;
export type OwnedItems = Pick<InstallRecord, 'collections' | 'fields' | 'relations'>;

export const EMPTY_OWNED: OwnedItems = { collections: {}, fields: {}, relations: {} };

/** A short, order-independent fingerprint of a JSON value (object keys sorted). */
export function hashValue(value: unknown): string {
	return createHash('sha256').update(canonicalJson(value ?? null)).digest('hex').slice(0, 16);
}

function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}

/** The record of the last install, or null (no pack settings, no column yet, or an unreadable value). */
export async function readInstallRecord(ctx: Pick<PackContext, 'database'>): Promise<InstallRecord | null> {
	const knex = ctx.database;
	if (!(await knex.schema.hasTable(RECORD_TABLE)) || !(await knex.schema.hasColumn(RECORD_TABLE, RECORD_FIELD))) return null;
	const row = await knex(RECORD_TABLE).first(RECORD_FIELD);
	const raw = row?.[RECORD_FIELD];
	if (raw === null || raw === undefined) return null;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch {
			return null;
		}
	}
	const parsed = InstallRecordSchema.safeParse(value);
	return parsed.success ? parsed.data : null;
}

/** Stores the record on the settings singleton (the row exists once settings are provisioned). */
export async function writeInstallRecord(ctx: Pick<PackContext, 'database'>, record: InstallRecord): Promise<void> {
	await ctx.database(RECORD_TABLE).update({ [RECORD_FIELD]: JSON.stringify(record) });
}
