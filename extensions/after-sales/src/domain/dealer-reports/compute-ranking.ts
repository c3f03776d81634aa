export interface RankableRow {
	code: string;
	score: number | null;
}

/**
 * RPT-1: dealers by score, best first; equal scores share a rank (1, 1, 3) and are listed by dealer
 * code so the report is identical on every run. Dealers without a score are listed last, unranked.
 */
export function computeRanking<T extends RankableRow>(rows: readonly T[]): Array<T & { rank: number | null }> {
	const sorted = [...rows].sort((a, b) => {
		if (a.score !== b.score) {
			if (a.score === null) return 1;
			if (b.score === null) return -1;
			return b.score - a.score;
		}
		return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
	});
	let previousScore: number | null = null;
	let previousRank = 0;
	return sorted.map((row, index) => {
		if (row.score === null) return { ...row, rank: null };
		const rank = index > 0 && row.score === previousScore ? previousRank : index + 1;
		previousScore = row.score;
		previousRank = rank;
		return { ...row, rank };
	});
}
