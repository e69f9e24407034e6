import type { PosOrder } from '../../../lib/shopify/orders/posOrder';
import type { PosMoneySet } from '../../../lib/shopify/orders/money';

const usd = (amount: string, minorUnits: number): PosMoneySet => ({
	shop: { amount, currencyCode: 'USD', minorUnits },
	presentment: { amount, currencyCode: 'USD', minorUnits },
});

function line(legacyId: string, fields: { sku: string | null; title: string; variantTitle: string | null; quantity: number; price: [string, number] }) {
	return {
		id: `gid://shopify/LineItem/${legacyId}`,
		legacyId,
		sku: fields.sku,
		title: fields.title,
		variantTitle: fields.variantTitle,
		name: fields.variantTitle ? `${fields.title} - ${fields.variantTitle}` : fields.title,
		vendor: null,
		variantId: null,
		productId: null,
		inventoryItemId: null,
		quantity: fields.quantity,
		originalQuantity: Math.max(fields.quantity, 1),
		unitPrice: usd(...fields.price),
		discountedUnitPrice: usd(...fields.price),
		totalDiscount: usd('0.0', 0),
		discountAllocations: [],
		taxLines: [],
		requiresShipping: true,
		taxable: true,
		isGiftCard: false,
	};
}

/**
 * A POS-ready order as Shopify Order Trigger and Get Orders emit it (the README's example, trimmed): a variant
 * line, a custom line without SKU, and a line refunded to quantity 0 that a POS must not receive.
 */
export const SAMPLE_POS_ORDER: PosOrder = {
	id: 'gid://shopify/Order/6000000000001',
	legacyId: '6000000000001',
	name: '#1001',
	number: 1001,
	createdAt: '2026-11-20T10:00:00Z',
	updatedAt: '2026-11-20T10:05:00Z',
	processedAt: '2026-11-20T10:00:00Z',
	closedAt: null,
	cancelledAt: null,
	cancelReason: null,
	currency: { shop: 'USD', presentment: 'USD' },
	email: 'jo@example.com',
	phone: null,
	customer: null,
	billingAddress: null,
	shippingAddress: null,
	financialStatus: 'PARTIALLY_REFUNDED',
	fulfillmentStatus: 'UNFULFILLED',
	test: false,
	tags: [],
	note: null,
	sourceName: 'web',
	taxesIncluded: false,
	fulfillmentLocations: [],
	lineItems: [
		line('15000000000001', { sku: 'TEE-S', title: 'Bold T-Shirt', variantTitle: 'S', quantity: 3, price: ['14.0', 1400] }),
		line('15000000000002', { sku: null, title: 'Gift wrap', variantTitle: null, quantity: 1, price: ['2.50', 250] }),
		line('15000000000003', { sku: 'MUG-01', title: 'Mug', variantTitle: null, quantity: 0, price: ['8.50', 850] }),
	],
	discountCodes: [],
	discounts: [],
	shippingLines: [],
	taxLines: [],
	totals: { subtotal: usd('44.5', 4450), discounts: null, shipping: null, tax: null, total: usd('44.5', 4450) },
	originalTotals: { subtotal: usd('53.0', 5300), discounts: null, shipping: null, tax: null, total: usd('53.0', 5300) },
};
