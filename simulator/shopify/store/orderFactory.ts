import { gid, type ShopStore } from './shopStore';
import { toCents } from './money';
import { orderTotals } from './orderTotals';
import type {
	AddressRecord,
	CustomerRecord,
	DiscountApplicationRecord,
	LineItemRecord,
	OrderRecord,
	ShippingLineRecord,
	TransactionRecord,
} from './records';
import type { OrderInput } from './orderInput';

export class OrderInputError extends Error {}

export function address(input: Partial<AddressRecord> | null | undefined): AddressRecord | null {
	if (!input) return null;
	return {
		firstName: input.firstName ?? null,
		lastName: input.lastName ?? null,
		company: input.company ?? null,
		address1: input.address1 ?? null,
		address2: input.address2 ?? null,
		city: input.city ?? null,
		province: input.province ?? null,
		provinceCode: input.provinceCode ?? null,
		country: input.country ?? null,
		countryCode: input.countryCode ?? null,
		zip: input.zip ?? null,
		phone: input.phone ?? null,
	};
}

function customerFor(store: ShopStore, input: OrderInput['customer'], createdAt: string): CustomerRecord | null {
	if (!input) return null;
	const id = store.nextId('Customer');
	return {
		__typename: 'Customer',
		id: gid('Customer', id),
		legacyResourceId: id,
		firstName: input.firstName ?? null,
		lastName: input.lastName ?? null,
		email: input.email ?? null,
		phone: input.phone ?? null,
		createdAt,
		updatedAt: createdAt,
	};
}

/** Splits a whole-order discount over lines in proportion to their totals; the last line takes the rest. */
function allocate(total: number, weights: number[]): number[] {
	const sum = weights.reduce((a, b) => a + b, 0);
	if (sum === 0) return weights.map(() => 0);
	const shares = weights.map((weight) => Math.floor((total * weight) / sum));
	const rest = total - shares.reduce((a, b) => a + b, 0);
	shares[shares.length - 1] += rest;
	return shares;
}

/**
 * Builds a complete order the way Shopify would record it: prices from variants, discounts allocated to
 * lines, tax per line, a fulfillment order at the assigned location and the payment transactions.
 * `shared.customer` lets the seeder reuse customers instead of creating one per order.
 */
export function buildOrder(
	store: ShopStore,
	input: OrderInput,
	shared: { customer?: CustomerRecord | null } = {},
): OrderRecord {
	if (!Array.isArray(input.lineItems) || input.lineItems.length === 0)
		throw new OrderInputError('an order needs at least one line item');
	const now = store.nowIso();
	const createdAt = input.createdAt ?? now;
	const processedAt = input.processedAt ?? createdAt;
	const locationId = input.locationId ?? store.locations.keys().next().value;
	if (!locationId || !store.locations.has(locationId))
		throw new OrderInputError(`location ${String(input.locationId)} does not exist; seed locations first`);

	const lineItems: LineItemRecord[] = input.lineItems.map((lineInput, index) => {
		if (!Number.isInteger(lineInput.quantity) || lineInput.quantity < 1)
			throw new OrderInputError(`line ${index + 1}: quantity must be a whole number >= 1`);
		const variant = lineInput.variantId
			? store.variants.get(lineInput.variantId)
			: lineInput.sku !== undefined
				? store.variantsWithSku(lineInput.sku)[0]
				: undefined;
		if ((lineInput.variantId || lineInput.sku !== undefined) && !variant)
			throw new OrderInputError(`line ${index + 1}: no variant with ${lineInput.variantId ?? `SKU "${lineInput.sku}"`}`);
		const product = variant ? store.products.get(variant.productId) : undefined;
		const id = store.nextId('LineItem');
		const title = product?.title ?? lineInput.title ?? 'Custom item';
		const variantTitle = variant && variant.title !== 'Default Title' ? variant.title : null;
		return {
			__typename: 'LineItem',
			id: gid('LineItem', id),
			legacyResourceId: id,
			title,
			variantTitle,
			name: variantTitle ? `${title} - ${variantTitle}` : title,
			sku: variant?.sku ?? null,
			vendor: product?.vendor ?? null,
			quantity: lineInput.quantity,
			currentQuantity: lineInput.quantity,
			fulfilledQuantity: 0,
			variantId: variant?.id ?? null,
			productId: product?.id ?? null,
			unitPrice: lineInput.price !== undefined ? toCents(lineInput.price) : (variant?.price ?? 0),
			requiresShipping: lineInput.requiresShipping ?? true,
			taxable: lineInput.taxable ?? variant?.taxable ?? true,
			taxLines: [],
			discountAllocations: [],
		};
	});

	const discountApplications: DiscountApplicationRecord[] = [];
	if (input.discountCode) {
		const { code, percentage, amount } = input.discountCode;
		discountApplications.push({
			code,
			percentage: percentage ?? null,
			amount: amount !== undefined ? toCents(amount) : null,
		});
		const lineTotals = lineItems.map((line) => line.unitPrice * line.quantity);
		const orderSubtotal = lineTotals.reduce((a, b) => a + b, 0);
		const discountTotal =
			percentage !== undefined
				? Math.round((orderSubtotal * percentage) / 100)
				: Math.min(orderSubtotal, amount !== undefined ? toCents(amount) : 0);
		allocate(discountTotal, lineTotals).forEach((share, index) => {
			if (share > 0) lineItems[index].discountAllocations.push({ amount: share, applicationIndex: 0 });
		});
	}

	const taxRate = input.taxRate ?? 0;
	if (taxRate > 0) {
		for (const line of lineItems) {
			if (!line.taxable) continue;
			const base = line.unitPrice * line.quantity - line.discountAllocations.reduce((s, a) => s + a.amount, 0);
			line.taxLines.push({ title: 'Sales Tax', rate: taxRate, amount: Math.round(base * taxRate) });
		}
	}

	const shippingLines: ShippingLineRecord[] = [];
	if (input.shippingPrice !== undefined) {
		shippingLines.push({
			id: gid('ShippingLine', store.nextId('ShippingLine')),
			title: input.shippingTitle ?? 'Standard Shipping',
			code: 'STANDARD',
			source: 'shopify',
			price: toCents(input.shippingPrice),
			taxLines: [],
		});
	}

	const legacyId = store.nextId('Order');
	const number = store.takeOrderNumber();
	const sourceName = input.sourceName ?? 'web';
	const fulfillmentOrderId = store.nextId('FulfillmentOrder');
	const order: OrderRecord = {
		__typename: 'Order',
		id: gid('Order', legacyId),
		legacyResourceId: legacyId,
		// GraphQL `number` is what the name is made from (#1001 → 1001); REST calls that `order_number`.
		number,
		name: `#${number}`,
		createdAt,
		updatedAt: input.updatedAt ?? createdAt,
		processedAt,
		closedAt: null,
		cancelledAt: input.cancelledAt ?? null,
		cancelReason: input.cancelReason ?? (input.cancelledAt ? 'OTHER' : null),
		financialStatus: input.financialStatus ?? 'PAID',
		fulfillmentStatus: input.fulfillmentStatus ?? 'UNFULFILLED',
		currencyCode: store.shop.currencyCode,
		email: input.email === undefined ? (input.customer?.email ?? shared.customer?.email ?? null) : input.email,
		phone: input.phone ?? null,
		note: input.note ?? null,
		tags: [...(input.tags ?? [])].sort(),
		sourceName,
		test: input.test ?? false,
		taxesIncluded: store.shop.taxesIncluded,
		confirmed: true,
		customer: shared.customer !== undefined ? shared.customer : customerFor(store, input.customer, createdAt),
		shippingAddress: address(input.shippingAddress),
		billingAddress: address(input.billingAddress),
		retailLocationId: sourceName === 'pos' ? locationId : null,
		lineItems,
		discountApplications,
		shippingLines,
		transactions: [],
		refunds: [],
		fulfillmentOrders: [
			{
				__typename: 'FulfillmentOrder',
				id: gid('FulfillmentOrder', fulfillmentOrderId),
				legacyResourceId: fulfillmentOrderId,
				locationId,
				status: input.fulfillmentStatus === 'FULFILLED' ? 'CLOSED' : 'OPEN',
				createdAt,
				updatedAt: createdAt,
			},
		],
	};
	if (order.fulfillmentStatus === 'FULFILLED') for (const line of lineItems) line.fulfilledQuantity = line.quantity;
	order.transactions = transactionsFor(store, order);
	if (order.financialStatus === 'REFUNDED') refundEverything(store, order);
	return order;
}

/** A fully refunded order: the sale, its refund, and no units left on the order (current quantities 0). */
function refundEverything(store: ShopStore, order: OrderRecord): void {
	const total = orderTotals(order, false).total;
	const refundId = store.nextId('Refund');
	order.refunds = [
		{
			__typename: 'Refund',
			id: gid('Refund', refundId),
			legacyResourceId: refundId,
			note: null,
			amount: total,
			createdAt: order.updatedAt,
			lineItems: order.lineItems.map((line) => ({ lineItemId: line.id, quantity: line.quantity, restock: false })),
		},
	];
	const sale = transactionsFor(store, { ...order, financialStatus: 'PAID' });
	const refundTransactionId = store.nextId('OrderTransaction');
	order.transactions = [
		...sale,
		{ ...sale[0], id: gid('OrderTransaction', refundTransactionId), legacyResourceId: refundTransactionId, kind: 'REFUND', createdAt: order.updatedAt, processedAt: order.updatedAt },
	];
	for (const line of order.lineItems) line.currentQuantity = 0;
}

/** The payment history Shopify would show for an order in this financial status. */
export function transactionsFor(store: ShopStore, order: OrderRecord): TransactionRecord[] {
	const total = orderTotals(order, false).total;
	const make = (kind: TransactionRecord['kind'], amount: number): TransactionRecord => {
		const id = store.nextId('OrderTransaction');
		return {
			__typename: 'OrderTransaction',
			id: gid('OrderTransaction', id),
			legacyResourceId: id,
			kind,
			status: 'SUCCESS',
			gateway: order.sourceName === 'pos' ? 'cash' : 'bogus',
			amount,
			createdAt: order.processedAt,
			processedAt: order.processedAt,
			test: order.test,
		};
	};
	switch (order.financialStatus) {
		case 'PAID':
			return [make('SALE', total)];
		case 'PARTIALLY_PAID':
			return [make('SALE', Math.floor(total / 2))];
		case 'AUTHORIZED':
			return [make('AUTHORIZATION', total)];
		default:
			return [];
	}
}
