/**
 * What a Square physical count (a recount) changed at a location: the counted quantity minus what Square
 * held just before it. Shopify is then moved by that difference, like any other change, so a recount
 * commutes with sales on either side: applying it late, or beside a sale Shopify made meanwhile, leaves
 * both systems equal. Setting Shopify to the counted number would erase every Shopify sale not yet in
 * Square and every Square sale read after the count.
 *
 * Square orders a location's changes by `occurred_at` ("uses occurred_at to order changes that arrive
 * out of order"): a count sets the state as of its `occurred_at`, later-occurring adjustments apply on
 * top, and an adjustment that occurred before a count is inside it. Square's change history lists them
 * in that order, so the quantity before a count is the fold of the history, in the order listed, from the
 * count before it (or the beginning) up to the count.
 */

/** One entry of an item's history at the location, in the order Square lists it. */
export type HistoryEntry =
	| { id: string; type: 'PHYSICAL_COUNT'; /** The IN_STOCK quantity counted (counts of other states are not listed). */ quantity: number }
	| { id: string; type: 'ADJUSTMENT'; /** Signed change of IN_STOCK at the location. */ delta: number };

/**
 * IN_STOCK just before the count `countId`, or undefined when the count is not in `history`. `history`
 * must start at a count (or at the item's first change) and be complete up to `countId`.
 */
export function quantityBeforeCount(history: ReadonlyArray<HistoryEntry>, countId: string): number | undefined {
	let quantity = 0;
	for (const entry of history) {
		if (entry.id === countId) return entry.type === 'PHYSICAL_COUNT' ? quantity : undefined;
		quantity = entry.type === 'PHYSICAL_COUNT' ? entry.quantity : quantity + entry.delta;
	}
	return undefined;
}

/**
 * Of an item's IN_STOCK counts at the location (any order), the one that comes last in Square's order
 * before `count`: the start of the fold. Undefined when none does (the fold starts at the first change).
 */
export function countBefore<T extends { id: string; occurredAt: string; createdAt: string }>(counts: ReadonlyArray<T>, count: { id: string; occurredAt: string; createdAt: string }): T | undefined {
	const position = (entry: { occurredAt: string; createdAt: string }) => [Date.parse(entry.occurredAt), Date.parse(entry.createdAt)] as const;
	const before = (a: readonly [number, number], b: readonly [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
	const target = position(count);
	let best: T | undefined;
	for (const candidate of counts) {
		if (candidate.id === count.id || !before(position(candidate), target)) continue;
		if (!best || before(position(best), position(candidate))) best = candidate;
	}
	return best;
}
