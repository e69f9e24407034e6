import type { PosLineItem, PosMoneySet, PosOrder, PosShippingLine, PosTaxLine } from '../../../../../lib/shopify/orders/posOrder';
import type { StockChange } from '../../../../../lib/pos/inventory/stockChange';

/** Money in USD minor units as the POS-ready shape carries it. */
export function usd(minorUnits: number): PosMoneySet {
	const amount = (minorUnits / 100).toFixed(2);
	const money = { amount, currencyCode: 'USD', minorUnits };
	return { shop: money, presentment: { ...money } };
}

export function tax(title: string, rate: number, minorUnits: number): PosTaxLine {
	return { title, rate, amount: usd(minorUnits) };
}

export function line(legacyId: string, sku: string | null, unit: number, quantity: number, discount: number, taxLines: PosTaxLine[]): PosLineItem {
	return {
		id: `gid://shopify/LineItem/${legacyId}`,
		legacyId,
		sku,
		title: sku ?? 'Custom item',
		variantTitle: null,
		name: sku ?? 'Custom item',
		vendor: null,
		variantId: null,
		productId: null,
		inventoryItemId: null,
		quantity,
		originalQuantity: quantity,
		unitPrice: usd(unit),
		discountedUnitPrice: null,
		totalDiscount: usd(discount),
		discountAllocations: discount > 0 ? [{ amount: usd(discount), discountIndex: 0 }] : [],
		taxLines,
		requiresShipping: true,
		taxable: taxLines.length > 0,
		isGiftCard: false,
	};
}

export function shipping(price: number, discounted: number, taxLines: PosTaxLine[] = []): PosShippingLine {
	return { title: 'Standard', code: 'STD', source: 'shopify', price: usd(price), discountedPrice: usd(discounted), taxLines };
}

/**
 * An order like the example: 2 × 49.99 + 1 × 80.00 = 179.98 gross, 10 % off, 8 % sales tax,
 * shipping 10.00 taxed at 8 %.
 */
export function discountedTaxedOrder(overrides: Partial<PosOrder> = {}): PosOrder {
	const lines = [line('11', 'TEE-M', 4999, 2, 1000, [tax('State tax', 0.06, 540), tax('City tax', 0.02, 180)]), line('12', 'HAT', 8000, 1, 800, [tax('State tax', 0.06, 432), tax('City tax', 0.02, 144)])];
	const ship = shipping(1000, 1000, [tax('State tax', 0.06, 60), tax('City tax', 0.02, 20)]);
	// 17998 − 1800 = 16198; tax 540+180+432+144+60+20 = 1376; + shipping 1000 → 18574.
	const totals = { subtotal: usd(16198), discounts: usd(1800), shipping: usd(1000), tax: usd(1376), total: usd(18574) };
	return {
		id: 'gid://shopify/Order/5000000000001',
		legacyId: '5000000000001',
		name: '#1001',
		number: 1001,
		createdAt: '2026-11-20T10:00:00Z',
		updatedAt: '2026-11-20T10:00:00Z',
		processedAt: '2026-11-20T10:00:00Z',
		closedAt: null,
		cancelledAt: null,
		cancelReason: null,
		currency: { shop: 'USD', presentment: 'USD' },
		email: null,
		phone: null,
		customer: null,
		billingAddress: null,
		shippingAddress: null,
		financialStatus: 'PAID',
		fulfillmentStatus: 'UNFULFILLED',
		test: false,
		tags: [],
		note: null,
		sourceName: 'web',
		taxesIncluded: false,
		fulfillmentLocations: [],
		lineItems: lines,
		discountCodes: ['SAVE10'],
		discounts: [],
		shippingLines: [ship],
		taxLines: [],
		totals,
		originalTotals: totals,
		...overrides,
	};
}

export function stockChange(key: string, sku: string | null, quantity: number, extra: Partial<StockChange> = {}): StockChange {
	return {
		key,
		sku,
		quantity,
		lineItemId: 'gid://shopify/LineItem/11',
		orderId: 'gid://shopify/Order/5000000000001',
		orderName: '#1001',
		cause: quantity < 0 ? 'sale' : 'restock',
		occurredAt: '2026-11-20T10:00:00Z',
		reference: 'Shopify #1001 line 11',
		...extra,
	};
}

/**
 * Square's own arithmetic for a CreateOrder body, written from its docs, to check our plan independently:
 * line gross − line-scoped fixed discount; each additive tax = percentage of that, rounded; service charges
 * plus their taxes. `round` lets a test try half-up and half-even.
 */
export function squareTotal(order: Record<string, any>, round: (value: number) => number): number {
	const taxes = new Map<string, Record<string, any>>((order.taxes ?? []).map((t: Record<string, any>) => [t.uid, t]));
	const discounts = new Map<string, Record<string, any>>((order.discounts ?? []).map((d: Record<string, any>) => [d.uid, d]));
	const taxed = (base: number, applied: Array<{ tax_uid: string }> = []) =>
		applied.reduce((sum, { tax_uid }) => {
			const t = taxes.get(tax_uid)!;
			return t.type === 'INCLUSIVE' ? sum : sum + round((base * Number(t.percentage)) / 100);
		}, 0);
	let total = 0;
	for (const item of order.line_items) {
		const gross = item.base_price_money.amount * Number(item.quantity);
		const discount = (item.applied_discounts ?? []).reduce((sum: number, { discount_uid }: { discount_uid: string }) => sum + discounts.get(discount_uid)!.amount_money.amount, 0);
		const net = gross - Math.min(discount, gross);
		total += net + taxed(net, item.applied_taxes);
	}
	for (const charge of order.service_charges ?? []) total += charge.amount_money.amount + taxed(charge.amount_money.amount, charge.applied_taxes);
	return total;
}

export const halfUp = (value: number) => Math.floor(value + 0.5);
export const halfEven = (value: number) => {
	const floor = Math.floor(value);
	const diff = value - floor;
	if (Math.abs(diff - 0.5) < 1e-9) return floor % 2 === 0 ? floor : floor + 1;
	return Math.round(value);
};
