/**
 * What an orders/edited payload leaves out: the edit names lines by id and delta only, so the SKUs of the
 * edited lines (and the order's name, for the POS's reference) are read here. About 1 point per line.
 */
export const ORDER_EDIT_LINES = `query OrderEditLines($orderId: ID!, $lineItemIds: [ID!]!) {
	order(id: $orderId) { id name }
	nodes(ids: $lineItemIds) { ... on LineItem { id sku } }
}`;
