export function sumMoney(amounts: Iterable<bigint>): bigint {
	let total = 0n;
	for (const amount of amounts) total += amount;
	return total;
}
