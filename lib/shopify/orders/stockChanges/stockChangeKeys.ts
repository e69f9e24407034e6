/**
 * The key recipes of stock changes. They are a public contract: a POS step derives its idempotency keys from
 * them, so a change must keep its key across releases, webhook and poll alike (golden tests pin them).
 *
 * Each key is `<cause>:<event id>:<line id>` with Shopify's numeric ids:
 * - sale:    the order id and the order's line item id (an order is placed once);
 * - restock: the refund id and the refund line item id (a refund is created once; the refund Shopify creates
 *            for a cancellation with restock has its own id, so the refunds/create and orders/cancelled paths
 *            name it alike);
 * - edit:    the order edit id and the edited line item id (one change per line per edit).
 * The `<cause>:<event id>` part names the event; the trigger remembers it so one event moves stock once.
 */
export function saleKey(orderLegacyId: string, lineItemLegacyId: string): string {
	return `sale:${orderLegacyId}:${lineItemLegacyId}`;
}

export function restockKey(refundLegacyId: string, refundLineItemLegacyId: string): string {
	return `restock:${refundLegacyId}:${refundLineItemLegacyId}`;
}

export function editKey(orderEditLegacyId: string, lineItemLegacyId: string): string {
	return `edit:${orderEditLegacyId}:${lineItemLegacyId}`;
}

/** The event part of a key (`sale:820982911946154508`): what the trigger remembers to move stock once per event. */
export function stockEventOf(key: string): string {
	return key.slice(0, key.lastIndexOf(':'));
}
