/** ESC-1: the unique key of one (record, milestone) timer; concurrent writers of the same timer meet on it. */
export function computeTimerKey(collection: string, item: string | number, milestone: string): string {
	return `${collection}:${item}:${milestone}`;
}
