import { legacyIdOf, type StockChange } from '../inventory/stockChange';
import { inventoryBatchKey } from './idempotencyKey';
import { adjustmentReference } from './referenceTag';

/**
 * BatchChangeInventory bodies for Shopify stock changes: each change an `ADJUSTMENT` at one location,
 * IN_STOCK → SOLD for stock leaving (a sale, an edit that adds), SOLD → IN_STOCK for stock coming back (a
 * restock, an edit that removes). The SDK's InventoryAdjustment (Square-Version 2026-09-16) takes
 * `from_location_id`/`to_location_id` and rejects `location_id`; `quantity` is a decimal string;
 * `occurred_at` is the time of the request, not of the Shopify event: Square orders a location's changes
 * by `occurred_at`, so an adjustment dated before a physical count made meanwhile (a backfill, a retry from
 * the retry table, a slow webhook) would be absorbed by that count and never move Square's stock. Shopify's
 * time stays in the order itself; Square's history shows when the stock moved there.
 */
export const BATCH_CHANGE_PATH = '/v2/inventory/changes/batch-create';
export const CHANGES_PER_BATCH = 100;
export interface MappedStockChange {
	change: StockChange;
	/** Square ITEM_VARIATION id. */
	itemId: string;
}

function adjustmentOf(mapped: MappedStockChange, locationId: string, nowMs: number): Record<string, unknown> {
	const { change, itemId } = mapped;
	const leaving = change.quantity < 0;
	return {
		type: 'ADJUSTMENT',
		adjustment: {
			reference_id: adjustmentReference(legacyIdOf(change.orderId), legacyIdOf(change.lineItemId)),
			from_state: leaving ? 'IN_STOCK' : 'SOLD',
			to_state: leaving ? 'SOLD' : 'IN_STOCK',
			from_location_id: locationId,
			to_location_id: locationId,
			catalog_object_id: itemId,
			quantity: String(Math.abs(change.quantity)),
			occurred_at: new Date(nowMs).toISOString(),
		},
	};
}

/**
 * The calls for one Shopify order event: ≤ 100 changes each, in input order, each with a key from the
 * location and the change keys it carries, so the same event always gives the same keys; a repeat carries
 * another `occurred_at` under the same key, which Square answers with IDEMPOTENCY_KEY_REUSED (the changes
 * are already there). Zero-quantity changes move nothing.
 */
export function inventoryBatchBodies(changes: MappedStockChange[], locationId: string, nowMs: number): Array<Record<string, unknown>> {
	const moving = changes.filter((mapped) => mapped.change.quantity !== 0);
	const count = Math.ceil(moving.length / CHANGES_PER_BATCH);
	return Array.from({ length: count }, (_, index) => {
		const slice = moving.slice(index * CHANGES_PER_BATCH, (index + 1) * CHANGES_PER_BATCH);
		return {
			idempotency_key: inventoryBatchKey(locationId, slice.map((mapped) => mapped.change.key), { index, count }),
			changes: slice.map((mapped) => adjustmentOf(mapped, locationId, nowMs)),
			ignore_unchanged_counts: true,
		};
	});
}
