/**
 * What a POS's stock must do for one Shopify order event, once. Every POS-ready item the Shopify Order
 * Trigger, the Shopify Order Polling Trigger and Shopify Get Orders emit carries `stockChanges: StockChange[]`;
 * the POS step (e.g. POS Inventory "Move Stock for Shopify Orders") applies them, keyed by `key`, so the same
 * event reached twice (a webhook and a poll, a redelivery) moves the POS's stock once.
 */
export interface StockChange {
	/** Deterministic, from Shopify ids only (never time or randomness); unique per change. See stockChangeKeys.ts. */
	key: string;
	/** Null when the line has no SKU: the POS step reports it and never guesses an item. */
	sku: string | null;
	/** Signed: negative = stock leaves the POS (sale, line added by an edit), positive = back in (restock, removal). */
	quantity: number;
	/** Shopify line item GID. */
	lineItemId: string;
	/** Shopify order GID. */
	orderId: string;
	/** `#1001` where the event says it; null where Shopify's payload does not carry it (refunds/create). */
	orderName: string | null;
	cause: StockChangeCause;
	/** When Shopify processed the order, the refund or the edit (UTC ISO-8601). */
	occurredAt: string;
	/** Short text naming the Shopify order and line, for the POS's reference or note field. */
	reference: string;
}

export type StockChangeCause = 'sale' | 'edit' | 'restock';
