import { address, buildOrder, OrderInputError, transactionsFor } from './orderFactory';
import type { OrderInput, OrderUpdate } from './orderInput';
import { orderTotals } from './orderTotals';
import type { CancelReason, LineItemRecord, OrderRecord } from './records';
import { gid, type OrderEditEvent, type ShopStore } from './shopStore';

/**
 * What happens in the shop when an order is placed, edited, paid, cancelled, fulfilled or deleted: the order record
 * changes, stock moves between `available` and `committed` like Shopify's, and the matching webhook topics
 * are announced (orders/updated accompanies every other order topic, as on Shopify).
 */
export class OrderActions {
	constructor(private readonly store: ShopStore) {}

	private find(id: string): OrderRecord {
		const order = this.store.orders.get(id);
		if (!order) throw new OrderInputError(`order ${id} does not exist`);
		return order;
	}

	private moveStock(order: OrderRecord, line: LineItemRecord, quantity: number, from: 'available' | 'committed' | null, to: 'available' | 'committed' | null): void {
		if (!line.variantId || quantity === 0) return;
		const variant = this.store.variants.get(line.variantId);
		const item = variant ? this.store.inventoryItems.get(variant.inventoryItemId) : undefined;
		if (!item || !item.tracked) return;
		const level = this.store.ensureLevel(item, order.fulfillmentOrders[0].locationId);
		if (from) level.quantities[from] -= quantity;
		if (to) level.quantities[to] += quantity;
		level.updatedAt = this.store.nowIso();
		this.store.emit({ topic: 'inventory_levels/update', level });
	}

	create(input: OrderInput): OrderRecord {
		const order = buildOrder(this.store, { ...input, createdAt: input.createdAt ?? this.store.nowIso() });
		this.store.addOrder(order);
		// an unfulfilled order reserves its stock: available → committed; a POS sale leaves the shelf at once
		for (const line of order.lineItems)
			if (order.fulfillmentStatus === 'FULFILLED') this.moveStock(order, line, line.quantity, 'available', null);
			else this.moveStock(order, line, line.quantity, 'available', 'committed');
		this.store.emit({ topic: 'orders/create', order });
		this.store.emit({ topic: 'orders/updated', order });
		if (order.financialStatus === 'PAID') this.store.emit({ topic: 'orders/paid', order });
		if (order.fulfillmentStatus === 'FULFILLED') this.store.emit({ topic: 'orders/fulfilled', order });
		return order;
	}

	update(id: string, changes: OrderUpdate): OrderRecord {
		const order = this.find(id);
		const orderEdit: OrderEditEvent = { id: 0, additions: [], removals: [] };
		this.store.updateOrder(order, (o) => {
			if (changes.email !== undefined) o.email = changes.email;
			if (changes.phone !== undefined) o.phone = changes.phone;
			if (changes.note !== undefined) o.note = changes.note;
			if (changes.tags !== undefined) o.tags = [...changes.tags].sort();
			if (changes.financialStatus !== undefined) o.financialStatus = changes.financialStatus;
			if (changes.fulfillmentStatus !== undefined) o.fulfillmentStatus = changes.fulfillmentStatus;
			if (changes.shippingAddress !== undefined) o.shippingAddress = address(changes.shippingAddress);
			for (const edit of changes.lineItemQuantities ?? []) {
				const line = o.lineItems.find((l) => l.id === edit.lineItemId);
				if (!line) throw new OrderInputError(`order ${id} has no line item ${edit.lineItemId}`);
				if (edit.currentQuantity < 0 || edit.currentQuantity > line.quantity)
					throw new OrderInputError(`line ${edit.lineItemId}: currentQuantity must be between 0 and ${line.quantity}`);
				const released = line.currentQuantity - edit.currentQuantity;
				line.currentQuantity = edit.currentQuantity;
				this.moveStock(o, line, released, 'committed', 'available');
				if (released > 0) orderEdit.removals.push({ id: line.legacyResourceId, delta: released });
				if (released < 0) orderEdit.additions.push({ id: line.legacyResourceId, delta: -released });
			}
		});
		// One edit, one id: every subscription (and version) announces the same edit.
		if (orderEdit.removals.length + orderEdit.additions.length > 0)
			this.store.emit({ topic: 'orders/edited', order, orderEdit: { ...orderEdit, id: this.store.nextId('OrderEdit') } });
		this.store.emit({ topic: 'orders/updated', order });
		return order;
	}

	pay(id: string): OrderRecord {
		const order = this.find(id);
		this.store.updateOrder(order, (o) => {
			o.financialStatus = 'PAID';
			const paid = o.transactions.some((t) => t.kind === 'SALE' || t.kind === 'CAPTURE');
			if (!paid) {
				o.transactions = [...o.transactions, ...transactionsFor(this.store, { ...o, processedAt: this.store.nowIso() })];
			}
		});
		this.store.emit({ topic: 'orders/paid', order });
		this.store.emit({ topic: 'orders/updated', order });
		return order;
	}

	cancel(id: string, options: { reason?: CancelReason; restock?: boolean } = {}): OrderRecord {
		const order = this.find(id);
		if (order.cancelledAt) throw new OrderInputError(`order ${order.name} is already cancelled`);
		const refundsBefore = order.refunds.length;
		this.store.updateOrder(order, (o) => {
			const now = this.store.nowIso();
			o.cancelledAt = now;
			o.closedAt = now;
			o.cancelReason = options.reason ?? 'CUSTOMER';
			for (const fulfillmentOrder of o.fulfillmentOrders)
				if (fulfillmentOrder.status !== 'CLOSED') {
					fulfillmentOrder.status = 'CANCELLED';
					fulfillmentOrder.updatedAt = now;
				}
			if (options.restock !== false)
				for (const line of o.lineItems) this.moveStock(o, line, line.currentQuantity - line.fulfilledQuantity, 'committed', 'available');
			if (o.financialStatus === 'PAID') {
				const refundId = this.store.nextId('Refund');
				const amount = orderTotals(o, true).total;
				o.refunds = [
					...o.refunds,
					{
						__typename: 'Refund',
						id: gid('Refund', refundId),
						legacyResourceId: refundId,
						note: 'Order cancelled',
						amount,
						createdAt: now,
						lineItems: o.lineItems.map((line) => ({ lineItemId: line.id, quantity: line.currentQuantity, restock: options.restock !== false })),
					},
				];
				const transactionId = this.store.nextId('OrderTransaction');
				o.transactions = [
					...o.transactions,
					{
						__typename: 'OrderTransaction',
						id: gid('OrderTransaction', transactionId),
						legacyResourceId: transactionId,
						kind: 'REFUND',
						status: 'SUCCESS',
						gateway: o.transactions[0]?.gateway ?? 'bogus',
						amount,
						createdAt: now,
						processedAt: now,
						test: o.test,
					},
				];
				o.financialStatus = 'REFUNDED';
			} else if (o.financialStatus === 'AUTHORIZED' || o.financialStatus === 'PENDING') {
				o.financialStatus = 'VOIDED';
			}
		});
		this.store.emit({ topic: 'orders/cancelled', order });
		// Cancelling a paid order refunds it, and Shopify announces the refund on its own topic.
		const refund = order.refunds.length > refundsBefore ? order.refunds[order.refunds.length - 1] : undefined;
		if (refund) this.store.emit({ topic: 'refunds/create', order, refund });
		this.store.emit({ topic: 'orders/updated', order });
		return order;
	}

	/** Deletes an order (Shopify's orderDelete); subscribers to orders/delete receive its id only. */
	delete(id: string): OrderRecord {
		const order = this.find(id);
		this.store.removeOrder(order);
		this.store.emit({ topic: 'orders/delete', order });
		return order;
	}

	/** Fulfils every remaining unit, or only the given lines (a partial fulfilment). */
	fulfill(id: string, lines?: Array<{ lineItemId: string; quantity?: number }>): OrderRecord {
		const order = this.find(id);
		if (order.cancelledAt) throw new OrderInputError(`order ${order.name} is cancelled and cannot be fulfilled`);
		const wanted = new Map<string, number>();
		for (const line of order.lineItems) {
			const remaining = line.currentQuantity - line.fulfilledQuantity;
			if (!lines) wanted.set(line.id, remaining);
		}
		for (const entry of lines ?? []) {
			const line = order.lineItems.find((l) => l.id === entry.lineItemId);
			if (!line) throw new OrderInputError(`order ${order.name} has no line item ${entry.lineItemId}`);
			const remaining = line.currentQuantity - line.fulfilledQuantity;
			const quantity = entry.quantity ?? remaining;
			if (quantity < 1 || quantity > remaining)
				throw new OrderInputError(`line ${entry.lineItemId}: can fulfil 1..${remaining} more, not ${quantity}`);
			wanted.set(line.id, quantity);
		}
		this.store.updateOrder(order, (o) => {
			const now = this.store.nowIso();
			for (const line of o.lineItems) {
				const quantity = wanted.get(line.id) ?? 0;
				this.moveStock(o, line, quantity, 'committed', null);
				line.fulfilledQuantity += quantity;
			}
			const complete = o.lineItems.every((line) => line.fulfilledQuantity >= line.currentQuantity);
			o.fulfillmentStatus = complete ? 'FULFILLED' : 'PARTIALLY_FULFILLED';
			for (const fulfillmentOrder of o.fulfillmentOrders) {
				fulfillmentOrder.status = complete ? 'CLOSED' : 'IN_PROGRESS';
				fulfillmentOrder.updatedAt = now;
			}
			if (complete && o.financialStatus === 'PAID') o.closedAt = now;
		});
		this.store.emit({ topic: order.fulfillmentStatus === 'FULFILLED' ? 'orders/fulfilled' : 'orders/partially_fulfilled', order });
		this.store.emit({ topic: 'orders/updated', order });
		return order;
	}
}
