/** One stock change at the POS, ready for Shopify: a delta of the location's sellable stock, or a recount. */
export interface PosStockChange {
	/** Square's change id: the same change always gives the same key. */
	key: string;
	kind: 'delta' | 'recount';
	itemId: string;
	locationId: string;
	/** delta: signed change of IN_STOCK at the location (negative = sold, wasted, moved away). */
	quantity?: number;
	/** recount: the quantity counted (what it changed is read from the POS's history: InventoryVendor.countDifferences). */
	absoluteQuantity?: number;
	fromState: string | null;
	toState: string | null;
	occurredAt: string | null;
	createdAt: string | null;
	referenceId: string | null;
}
