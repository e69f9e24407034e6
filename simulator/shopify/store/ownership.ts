import type { OrderRecord } from './records';

/**
 * Line items, shipping lines, transactions, refunds and fulfillment orders know their order through this
 * map rather than a back-pointer, so records stay plain data (and JSON-serialisable for the control API).
 */
const owners = new WeakMap<object, OrderRecord>();

export function adoptOrderChildren(order: OrderRecord): void {
	for (const list of [order.lineItems, order.shippingLines, order.transactions, order.refunds, order.fulfillmentOrders])
		for (const item of list) owners.set(item, order);
}

export function orderOwning(item: object): OrderRecord {
	const order = owners.get(item);
	if (!order) throw new Error('record reached without its order');
	return order;
}
