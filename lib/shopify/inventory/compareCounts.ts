import type { LevelResult } from './levelTypes';
import type { DriftEntry, PosCount } from './reconcileTypes';

export interface CompareContext {
	quantityName: string;
	/** When the POS counts were read: a Shopify level that changed after it may hold a sale in flight. */
	countsReadAt?: number;
}

/** The report entry of one POS count against what Shopify holds at the location (pure: no I/O). */
export function compareCount(count: PosCount, found: LevelResult, context: CompareContext): DriftEntry {
	const base: DriftEntry = {
		itemIndex: count.itemIndex,
		status: 'unmapped',
		sku: count.sku,
		quantityName: context.quantityName,
		pos: count.quantity,
		shopify: null,
		difference: null,
		posLastChangedAt: count.lastChangedAt,
		shopifyLastChangedAt: null,
		posItemId: count.posItemId,
		variantId: null,
		inventoryItemId: null,
		locationId: null,
		locationName: null,
		repair: null,
		error: null,
	};
	// Unknown, shared (AMBIGUOUS_SKU) or not stocked at the location: no Shopify item to compare with.
	if (!found.ok) return { ...base, error: { code: found.error.code, message: found.error.message } };
	const [row] = found.rows;
	const located = { ...base, variantId: row.variantId, inventoryItemId: row.inventoryItemId, locationId: row.locationId, locationName: row.locationName, shopifyLastChangedAt: row.updatedAt };
	if (!row.tracked) {
		return {
			...located,
			error: {
				code: 'NOT_TRACKED',
				message: `SKU "${count.sku}": Shopify does not track this item's quantity, so there is nothing to compare. Turn on "Track quantity" for the variant in Shopify to sync its stock.`,
			},
		};
	}
	const shopify = row.quantities[context.quantityName] ?? 0;
	const difference = count.quantity - shopify;
	if (difference === 0) return { ...located, status: 'inSync', shopify, difference };
	const changedAt = row.updatedAt ? Date.parse(row.updatedAt) : Number.NaN;
	const moved = context.countsReadAt !== undefined && !Number.isNaN(changedAt) && changedAt > context.countsReadAt;
	return { ...located, status: moved ? 'changedSinceCount' : 'drifted', shopify, difference };
}
