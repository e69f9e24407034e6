import type { Cents, LineItemRecord, OrderRecord } from './records';

/** Order money derived from its lines, so totals always agree with what the lines say. */
export interface OrderTotals {
	lineItemsQuantity: number;
	subtotal: Cents;
	discounts: Cents;
	tax: Cents;
	shipping: Cents;
	total: Cents;
}

export function lineDiscount(line: LineItemRecord): Cents {
	return line.discountAllocations.reduce((sum, allocation) => sum + allocation.amount, 0);
}

export function lineTax(line: LineItemRecord): Cents {
	return line.taxLines.reduce((sum, taxLine) => sum + taxLine.amount, 0);
}

function scaled(amount: Cents, line: LineItemRecord, current: boolean): Cents {
	if (!current || line.quantity === 0) return current && line.quantity === 0 ? 0 : amount;
	return Math.round((amount * line.currentQuantity) / line.quantity);
}

/** `current` = after refunds and removals (Shopify's current* fields), otherwise as placed. */
export function orderTotals(order: OrderRecord, current: boolean): OrderTotals {
	let lineItemsQuantity = 0;
	let subtotal = 0;
	let discounts = 0;
	let tax = 0;
	for (const line of order.lineItems) {
		const quantity = current ? line.currentQuantity : line.quantity;
		const discount = scaled(lineDiscount(line), line, current);
		lineItemsQuantity += quantity;
		subtotal += line.unitPrice * quantity - discount;
		discounts += discount;
		tax += scaled(lineTax(line), line, current);
	}
	let shipping = 0;
	for (const shippingLine of order.shippingLines) {
		shipping += shippingLine.price;
		tax += shippingLine.taxLines.reduce((sum, taxLine) => sum + taxLine.amount, 0);
	}
	const total = subtotal + shipping + (order.taxesIncluded ? 0 : tax);
	return { lineItemsQuantity, subtotal, discounts, tax, shipping, total };
}

export function amountReceived(order: OrderRecord): Cents {
	let received = 0;
	for (const transaction of order.transactions) {
		if (transaction.status !== 'SUCCESS') continue;
		if (transaction.kind === 'SALE' || transaction.kind === 'CAPTURE') received += transaction.amount;
		if (transaction.kind === 'REFUND') received -= transaction.amount;
	}
	return received;
}

export function amountRefunded(order: OrderRecord): Cents {
	return order.refunds.reduce((sum, refund) => sum + refund.amount, 0);
}

/** Tax lines of the whole order, merged by title and rate as Shopify reports them. */
export function mergedTaxLines(
	order: OrderRecord,
	current: boolean,
): Array<{ title: string; rate: number; amount: Cents }> {
	const merged = new Map<string, { title: string; rate: number; amount: Cents }>();
	const add = (title: string, rate: number, amount: Cents): void => {
		const key = `${title}|${rate}`;
		const entry = merged.get(key) ?? { title, rate, amount: 0 };
		entry.amount += amount;
		merged.set(key, entry);
	};
	for (const line of order.lineItems)
		for (const taxLine of line.taxLines) add(taxLine.title, taxLine.rate, scaled(taxLine.amount, line, current));
	for (const shippingLine of order.shippingLines)
		for (const taxLine of shippingLine.taxLines) add(taxLine.title, taxLine.rate, taxLine.amount);
	return [...merged.values()];
}
