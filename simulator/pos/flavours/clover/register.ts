import type { Reply } from '../../routeContext';
import { cloverError, notFound } from './errors';
import type { CloverItem } from './items';
import { lineUnits } from './orders';
import type { CloverSimulation } from './simulation';

/** An item as the cashier picks it: by id, or by its SKU as scanned (exactly one item must have it). */
export interface CloverRegisterLine {
	itemId?: string;
	sku?: string;
	quantity: number;
}

/**
 * What happens at the merchant's shop, outside any API caller: a sale rung up on the Clover device and paid,
 * a refund, a stock edit in the Inventory app. Each moves stock as the merchant's settings say and sends the
 * webhooks Clover sends for its own apps. (Control API for tests; not Clover's.)
 */
export class CloverRegister {
	constructor(private readonly sim: CloverSimulation) {}

	private pick(line: CloverRegisterLine, index: number): CloverItem | Reply {
		const item = line.itemId !== undefined ? this.sim.items.find(line.itemId) : line.sku !== undefined ? this.sim.items.bySku(line.sku) : undefined;
		if (!item) return cloverError(400, `lines[${index}]: no single item has ${line.itemId !== undefined ? `id ${line.itemId}` : `SKU ${String(line.sku)}`}`);
		if (!(typeof line.quantity === 'number' && line.quantity > 0)) return cloverError(400, `lines[${index}]: quantity must be above 0`);
		return item;
	}

	/**
	 * A paid sale (state `locked`, paymentState `PAID`): whole quantities as one line a unit (as the device
	 * rings them), a fractional one as one line with `unitQty` in thousandths. With "Update item count after
	 * each sale" on, each item's stock goes down (https://docs.clover.com/dev/docs/managing-item-availability).
	 */
	sale(lines: CloverRegisterLine[]): Reply {
		const picked: Array<{ item: CloverItem; quantity: number }> = [];
		for (const [index, line] of (lines ?? []).entries()) {
			const item = this.pick(line, index);
			if ('status' in item) return item;
			picked.push({ item, quantity: line.quantity });
		}
		if (picked.length === 0) return cloverError(400, 'A sale needs at least one line');
		const orderLines = picked.flatMap(({ item, quantity }) => {
			const line = { item: { id: item.id }, name: item.name, price: item.price };
			return Number.isInteger(quantity) ? Array.from({ length: quantity }, () => ({ ...line })) : [{ ...line, unitQty: Math.round(quantity * 1000) }];
		});
		const order = this.sim.orders.add('register', {}, orderLines, true);
		this.sim.event(`O:${order.id}`, 'CREATE');
		if (this.sim.settings.updateStockOnSale) for (const { item, quantity } of picked) this.sim.moveStock(item.id, -quantity);
		return { status: 200, body: this.sim.orders.render(order, this.sim.merchantId, true) };
	}

	/** Refunds the named lines (all not yet refunded when none are named); their stock comes back with the setting on. */
	refund(orderId: string, lineItemIds?: string[]): Reply {
		const order = this.sim.orders.find(orderId);
		if (!order) return notFound(`Order ${orderId}`);
		const unknown = (lineItemIds ?? []).find((id) => !order.lines.some((line) => line.id === id));
		if (unknown) return cloverError(400, `Order ${orderId} has no line item ${unknown}`);
		const lines = order.lines.filter((line) => !line.refunded && (lineItemIds === undefined || lineItemIds.includes(line.id)));
		for (const line of lines) line.refunded = true;
		order.paymentState = order.lines.every((line) => line.refunded) ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
		this.sim.orders.touch(order);
		this.sim.event(`O:${order.id}`, 'UPDATE');
		if (this.sim.settings.updateStockOnSale) for (const line of lines) if (line.item) this.sim.moveStock(line.item.id, lineUnits(line));
		return { status: 200, body: this.sim.orders.render(order, this.sim.merchantId, true) };
	}

	/** A stock edit in the Inventory app: absolute quantities. */
	recount(counts: CloverRegisterLine[]): Reply {
		const picked: Array<{ item: CloverItem; quantity: number }> = [];
		for (const [index, count] of (counts ?? []).entries()) {
			const item = this.pick({ ...count, quantity: 1 }, index);
			if ('status' in item) return item;
			if (typeof count.quantity !== 'number' || !Number.isFinite(count.quantity)) return cloverError(400, `counts[${index}]: quantity must be a number`);
			picked.push({ item, quantity: count.quantity });
		}
		return { status: 200, body: { elements: picked.map(({ item, quantity }) => this.sim.setStock(item.id, quantity)) } };
	}
}
