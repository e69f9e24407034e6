import type { PosStockLevel } from '../inventory/posStockLevel';

/**
 * BatchRetrieveInventoryCounts for one location: the sellable (IN_STOCK) count of every item variation
 * Square tracks there, paged by `cursor`. Square lists no count for a variation never stocked at the
 * location. `calculated_at` is when Square last changed the count: the POS side's "last changed".
 */
export const BATCH_RETRIEVE_COUNTS_PATH = '/v2/inventory/counts/batch-retrieve';

export function inventoryCountsBody(locationId: string, cursor?: string): Record<string, unknown> {
	return { location_ids: [locationId], states: ['IN_STOCK'], limit: 1000, ...(cursor ? { cursor } : {}) };
}

type Raw = Record<string, unknown>;

/** One page of counts: IN_STOCK at the location only, quantities as numbers (Square sends decimal strings). */
export function readInventoryCountsPage(body: unknown, locationId: string): { levels: PosStockLevel[]; cursor?: string } {
	const page = (body ?? {}) as { counts?: Raw[]; cursor?: unknown };
	const levels: PosStockLevel[] = [];
	for (const count of page.counts ?? []) {
		if (count.state !== 'IN_STOCK' || count.location_id !== locationId || typeof count.catalog_object_id !== 'string') continue;
		const quantity = Number(count.quantity);
		if (!Number.isFinite(quantity)) continue;
		levels.push({ itemId: count.catalog_object_id, quantity, lastChangedAt: typeof count.calculated_at === 'string' ? count.calculated_at : null });
	}
	return { levels, ...(typeof page.cursor === 'string' && page.cursor !== '' ? { cursor: page.cursor } : {}) };
}
