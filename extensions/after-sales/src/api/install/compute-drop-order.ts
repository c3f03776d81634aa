/**
 * Pure: the order in which collections can be dropped so that no remaining table still holds a
 * foreign key to a dropped one (referencing tables first). Self-references do not count; a cycle,
 * if there ever is one, keeps the given order for what is left.
 */
export function computeDropOrder(collections: string[], relations: { collection: string; related_collection?: string | null }[]): string[] {
	const remaining = [...collections];
	const order: string[] = [];
	const referencedBy = (name: string) =>
		relations.filter((r) => r.related_collection === name && r.collection !== name && remaining.includes(r.collection));
	while (remaining.length > 0) {
		const next = remaining.find((name) => referencedBy(name).length === 0) ?? remaining[0]!;
		order.push(next);
		remaining.splice(remaining.indexOf(next), 1);
	}
	return order;
}
