import { graphql } from 'graphql';
import { normalizeGraphqlOrder } from '../../../../../lib/shopify/orders/normalizeGraphqlOrder';
import { normalizeWebhookOrder } from '../../../../../lib/shopify/orders/normalizeWebhookOrder';
import type { GqlLineItem, GqlMoneyBag, GqlOrder } from '../../../../../lib/shopify/orders/orderSelection';
import type { PosMoneySet, PosOrder } from '../../../../../lib/shopify/orders/posOrder';
import { ORDER_DETAILS } from '../../../../../lib/shopify/operations/orders';
import { adminSchema } from '../../../../helpers/adminSchema';
import { shopifyExamplePayload } from './shopifyExamples';

/** GraphQL's Decimal drops trailing zeros ("10.0", "414.95"): the minor units must not care. */
function bag(amount: string, currencyCode = 'USD'): GqlMoneyBag {
	return { shopMoney: { amount, currencyCode }, presentmentMoney: { amount, currencyCode } };
}

function line(id: string, sku: string, title: string, price: string, extra: Partial<GqlLineItem> = {}): GqlLineItem {
	return {
		id: `gid://shopify/LineItem/${id}`,
		sku,
		title,
		variantTitle: null,
		name: title,
		vendor: null,
		quantity: 1,
		currentQuantity: 1,
		requiresShipping: true,
		taxable: true,
		isGiftCard: false,
		variant: null,
		product: null,
		originalUnitPriceSet: bag(price),
		discountedUnitPriceSet: bag(price),
		totalDiscountSet: bag('0.0'),
		discountAllocations: [],
		taxLines: [],
		...extra,
	};
}

/** Shopify's orders/create example order as the Admin GraphQL API returns it for ORDER_DETAILS. */
const exampleAsGraphql: GqlOrder = {
	id: 'gid://shopify/Order/820982911946154508',
	name: '#9999',
	number: 1234,
	createdAt: '2022-01-01T00:00:00Z',
	updatedAt: '2022-01-01T00:00:00Z',
	processedAt: '2022-01-01T00:00:00Z',
	closedAt: null,
	cancelledAt: '2022-01-01T00:00:00Z',
	cancelReason: 'CUSTOMER',
	currencyCode: 'USD',
	presentmentCurrencyCode: 'USD',
	email: 'jon@example.com',
	phone: null,
	test: true,
	tags: ['tag1', 'tag2'],
	note: null,
	sourceName: 'web',
	taxesIncluded: false,
	discountCodes: [],
	displayFinancialStatus: 'VOIDED',
	displayFulfillmentStatus: 'UNFULFILLED',
	customer: {
		id: 'gid://shopify/Customer/115310627314723954',
		firstName: 'John',
		lastName: 'Smith',
		defaultEmailAddress: { emailAddress: 'john@example.com' },
		defaultPhoneNumber: null,
	},
	billingAddress: {
		name: 'Steve Shipper', firstName: 'Steve', lastName: 'Shipper', company: 'Shipping Company',
		address1: '123 Shipping Street', address2: null, city: 'Shippington', province: 'Kentucky', provinceCode: 'KY',
		zip: '40003', country: 'United States', countryCodeV2: 'US', phone: '555-555-SHIP',
	},
	shippingAddress: {
		name: 'Steve Shipper', firstName: 'Steve', lastName: 'Shipper', company: 'Shipping Company',
		address1: '123 Shipping Street', address2: null, city: 'Shippington', province: 'Kentucky', provinceCode: 'KY',
		zip: '40003', country: 'United States', countryCodeV2: 'US', phone: '555-555-SHIP',
	},
	subtotalPriceSet: bag('404.95'),
	totalDiscountsSet: bag('20.0'),
	totalShippingPriceSet: bag('10.0'),
	totalTaxSet: bag('0.0'),
	totalPriceSet: bag('404.95'),
	currentSubtotalPriceSet: bag('414.95'),
	currentTotalDiscountsSet: bag('0.0'),
	currentShippingPriceSet: bag('0.0'),
	currentTotalTaxSet: bag('0.0'),
	currentTotalPriceSet: bag('414.95'),
	taxLines: [],
	lineItems: {
		nodes: [
			line('487817672276298554', 'SKU2006-001', 'Aviator sunglasses', '89.99', {
				variant: { id: 'gid://shopify/ProductVariant/1', inventoryItem: { id: 'gid://shopify/InventoryItem/2' } },
				product: { id: 'gid://shopify/Product/788032119674292903' },
			}),
			line('789012345678901234', 'LENS-PROTECT-2YR', 'Lens Protection Plan (2 Year)', '19.99'),
			line('890123456789012345', 'CASE-LEATHER-PREM', 'Premium Leather Case', '24.99'),
			line('976318377106520349', 'SKU2006-020', 'Mid-century lounger', '159.99'),
			line('315789986012684393', 'SKU2006-035', 'Coffee table', '119.99'),
		],
	},
	discountApplications: { nodes: [] },
	shippingLines: {
		nodes: [
			{ title: 'Generic Shipping', code: null, source: 'shopify', originalPriceSet: bag('10.0'), discountedPriceSet: bag('0.0'), taxLines: [] },
		],
	},
	fulfillmentOrders: {
		nodes: [{ id: 'gid://shopify/FulfillmentOrder/1', assignedLocation: { name: 'Main warehouse', location: { id: 'gid://shopify/Location/7' } } }],
	},
};

/** Money compared by value: GraphQL and REST format the same amount differently ("10.0" / "10.00"). */
function byValue(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(byValue);
	if (value && typeof value === 'object') {
		const record = value as Record<string, unknown>;
		if (typeof record.amount === 'string' && typeof record.minorUnits === 'number') {
			return { currencyCode: record.currencyCode, minorUnits: record.minorUnits };
		}
		return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, byValue(inner)]));
	}
	return value;
}

/** Fields only GraphQL has (documented as null in the webhook form) are left out of the comparison. */
function overlap(order: PosOrder): unknown {
	return byValue({
		...order,
		fulfillmentLocations: undefined,
		lineItems: order.lineItems.map((item) => ({ ...item, variantId: undefined, productId: undefined, inventoryItemId: undefined })),
	});
}

describe('normalizeGraphqlOrder', () => {
	const fromGraphql = normalizeGraphqlOrder(exampleAsGraphql);
	const fromWebhook = normalizeWebhookOrder(shopifyExamplePayload());

	it('gives the same POS-ready order as the webhook form of the same order, where both carry the data', () => {
		expect(overlap(fromGraphql)).toEqual(overlap(fromWebhook));
	});

	it('keeps GraphQL\'s amount strings verbatim', () => {
		const shipping: PosMoneySet | null = fromGraphql.originalTotals.shipping;
		expect(shipping?.shop).toEqual({ amount: '10.0', currencyCode: 'USD', minorUnits: 1000 });
	});

	it('has what only GraphQL carries: inventory item, product, fulfilment location names', () => {
		expect(fromGraphql.lineItems[0]).toMatchObject({
			variantId: 'gid://shopify/ProductVariant/1',
			productId: 'gid://shopify/Product/788032119674292903',
			inventoryItemId: 'gid://shopify/InventoryItem/2',
		});
		expect(fromGraphql.fulfillmentLocations).toEqual([{ id: 'gid://shopify/Location/7', legacyId: '7', name: 'Main warehouse' }]);
	});

	it('maps discount applications of every kind', () => {
		const order = normalizeGraphqlOrder({
			...exampleAsGraphql,
			discountApplications: {
				nodes: [
					{ __typename: 'DiscountCodeApplication', index: 0, code: 'SUMMER', allocationMethod: 'ACROSS', targetSelection: 'ALL', targetType: 'LINE_ITEM', value: { __typename: 'PricingPercentageValue', percentage: 10 } },
					{ __typename: 'AutomaticDiscountApplication', index: 1, title: 'Free ship', allocationMethod: 'EACH', targetSelection: 'ALL', targetType: 'SHIPPING_LINE', value: { __typename: 'MoneyV2', amount: '5.0', currencyCode: 'USD' } },
				],
			},
		});
		expect(order.discounts).toEqual([
			{ index: 0, type: 'DISCOUNT_CODE', code: 'SUMMER', title: null, valueType: 'PERCENTAGE', percentage: 10, amount: null, allocationMethod: 'ACROSS', targetSelection: 'ALL', targetType: 'LINE_ITEM' },
			{ index: 1, type: 'AUTOMATIC', code: null, title: 'Free ship', valueType: 'FIXED_AMOUNT', percentage: null, amount: { amount: '5.0', currencyCode: 'USD', minorUnits: 500 }, allocationMethod: 'EACH', targetSelection: 'ALL', targetType: 'SHIPPING_LINE' },
		]);
	});

	it('reads the exact shape ORDER_DETAILS selects from the real schema', async () => {
		// Execute the document on Shopify's schema with a resolver that echoes our example: a field the
		// normaliser reads but the document does not select would come back missing here.
		const schema = adminSchema('2026-10');
		const lastPage = { hasNextPage: false, endCursor: null };
		const lastPages = Object.fromEntries(
			(['lineItems', 'discountApplications', 'shippingLines', 'fulfillmentOrders'] as const).map((name) => [
				name,
				{ ...exampleAsGraphql[name], pageInfo: lastPage },
			]),
		);
		const result = await graphql({
			schema,
			source: ORDER_DETAILS,
			variableValues: { ids: [exampleAsGraphql.id], lineItemsFirst: 10, discountsFirst: 5, shippingLinesFirst: 5, fulfillmentOrdersFirst: 5 },
			rootValue: { nodes: () => [{ ...exampleAsGraphql, __typename: 'Order', ...lastPages }] },
			fieldResolver: (source, _args, _context, info) => {
				const value = (source as Record<string, unknown>)[info.fieldName];
				return typeof value === 'function' ? (value as () => unknown)() : value;
			},
			typeResolver: (value) => (value as { __typename: string }).__typename,
		});
		expect(result.errors).toBeUndefined();
		const selected = (result.data as { nodes: GqlOrder[] }).nodes[0];
		expect(normalizeGraphqlOrder(JSON.parse(JSON.stringify(selected)) as GqlOrder)).toEqual(fromGraphql);
	});
});
