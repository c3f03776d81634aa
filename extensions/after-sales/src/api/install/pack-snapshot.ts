// The schema the pack ships (snapshots/after-sales.json, bundled into dist/api.js).
import shipped from '../../../../../snapshots/after-sales.json';
import type { Snapshot } from './compute-schema-plan';

export const PACK_SNAPSHOT = shipped as unknown as Snapshot & { translations: Record<string, Record<string, string>> };
export const PACK_COLLECTIONS = PACK_SNAPSHOT.collections.filter((c) => Boolean(c.schema)).map((c) => c.collection);
