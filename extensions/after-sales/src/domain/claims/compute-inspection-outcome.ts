import type { OldPartStatus } from './schemas';

type Id = string | number;

export interface InspectionOutcome {
	/** Every old part has been classified (reusable, scrap or missing): the claim can leave inspection. */
	complete: boolean;
	/** Lines whose old part never came back: rejectable with parts_not_returned (WTY-5). */
	rejectable_lines: Array<{ line_id: Id; reason: 'parts_not_returned' }>;
	to_store: Id[];
	to_scrap: Id[];
	awaiting: Id[];
}

/**
 * WTY-6: the technical department sorts returned old parts — reusable ones to the store, scrap to
 * the scrap store. A line whose part is missing is rejectable; one still pending or returned but not
 * yet classified keeps the inspection open. Several parts on one line: any missing part makes the
 * line rejectable.
 */
export function computeInspectionOutcome(parts: ReadonlyArray<{ line_id: Id; old_part_status: OldPartStatus }>): InspectionOutcome {
	const unique = (ids: Id[]) => [...new Set(ids)];
	const withStatus = (...statuses: OldPartStatus[]) => unique(parts.filter((part) => statuses.includes(part.old_part_status)).map((part) => part.line_id));
	const missing = withStatus('missing');
	const awaiting = withStatus('pending', 'returned');
	return {
		complete: awaiting.length === 0,
		rejectable_lines: missing.map((line_id) => ({ line_id, reason: 'parts_not_returned' as const })),
		to_store: withStatus('reusable'),
		to_scrap: withStatus('scrap'),
		awaiting,
	};
}
