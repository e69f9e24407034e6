/** One item's sellable stock at a POS location, as the POS reports it, for a reconciliation with Shopify. */
export interface PosStockLevel {
	/** The POS's own item id (Square: the item variation). */
	itemId: string;
	quantity: number;
	/** When the POS last changed this count, where it says. */
	lastChangedAt: string | null;
}
