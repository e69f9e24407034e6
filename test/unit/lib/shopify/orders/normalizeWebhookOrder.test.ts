import { normalizeWebhookOrder } from '../../../../../lib/shopify/orders/normalizeWebhookOrder';
import type { RestOrder } from '../../../../../lib/shopify/orders/webhookOrder';
import { shopifyExamplePayload } from './shopifyExamples';

describe('normalizeWebhookOrder on Shopify\'s orders/create example', () => {
	const order = normalizeWebhookOrder(shopifyExamplePayload());

	it('takes ids from admin_graphql_api_id, not the imprecise JSON numbers', () => {
		expect(order.id).toBe('gid://shopify/Order/820982911946154508');
		expect(order.legacyId).toBe('820982911946154508');
		expect(order.customer?.id).toBe('gid://shopify/Customer/115310627314723954');
		expect(order.lineItems[0].id).toBe('gid://shopify/LineItem/487817672276298554');
		// product_id 788032119674292900 arrived above 2^53: no GID is better than a wrong one.
		expect(order.lineItems[0].productId).toBeNull();
	});

	it('uses GraphQL spellings for statuses and UTC timestamps', () => {
		expect(order.name).toBe('#9999');
		expect(order.number).toBe(1234);
		expect(order.createdAt).toBe('2022-01-01T00:00:00Z');
		expect(order.cancelledAt).toBe('2022-01-01T00:00:00Z');
		expect(order.cancelReason).toBe('CUSTOMER');
		expect(order.financialStatus).toBe('VOIDED');
		expect(order.fulfillmentStatus).toBe('UNFULFILLED');
		expect(order.tags).toEqual(['tag1', 'tag2']);
		expect(order.sourceName).toBe('web');
		expect(order.test).toBe(true);
		expect(order.currency).toEqual({ shop: 'USD', presentment: 'USD' });
	});

	it('keeps money strings verbatim with integer minor units', () => {
		expect(order.originalTotals.total?.shop).toEqual({ amount: '404.95', currencyCode: 'USD', minorUnits: 40495 });
		expect(order.originalTotals.discounts?.shop.minorUnits).toBe(2000);
		expect(order.originalTotals.shipping?.shop.minorUnits).toBe(1000);
		expect(order.totals.total?.presentment.amount).toBe('414.95');
		expect(order.lineItems.map((line) => line.unitPrice.shop.minorUnits)).toEqual([8999, 1999, 2499, 15999, 11999]);
	});

	it('has the line items a POS needs', () => {
		expect(order.lineItems).toHaveLength(5);
		expect(order.lineItems[0]).toMatchObject({
			sku: 'SKU2006-001',
			title: 'Aviator sunglasses',
			quantity: 1,
			originalQuantity: 1,
			requiresShipping: true,
			isGiftCard: false,
			inventoryItemId: null,
		});
		expect(order.lineItems[0].discountedUnitPrice).toEqual(order.lineItems[0].unitPrice);
		expect(order.shippingLines).toEqual([
			expect.objectContaining({ title: 'Generic Shipping', price: expect.objectContaining({ shop: expect.objectContaining({ minorUnits: 1000 }) }) }),
		]);
	});

	it('adds up as Shopify\'s example does: lines − discounts + shipping + tax = total', () => {
		const lines = order.lineItems.reduce((sum, line) => sum + line.unitPrice.shop.minorUnits * line.originalQuantity, 0);
		const t = order.originalTotals;
		expect(lines - t.discounts!.shop.minorUnits + t.shipping!.shop.minorUnits + t.tax!.shop.minorUnits).toBe(
			t.total!.shop.minorUnits,
		);
	});

	it('normalises every order topic example Shopify publishes', () => {
		for (const topic of ['cancelled', 'fulfilled', 'paid', 'partially_fulfilled', 'updated']) {
			expect(normalizeWebhookOrder(shopifyExamplePayload(topic)).id).toMatch(/^gid:\/\/shopify\/Order\/\d+$/);
		}
	});
});

describe('normalizeWebhookOrder on discounts, taxes and other currencies', () => {
	const payload: RestOrder = {
		...shopifyExamplePayload(),
		currency: 'JPY',
		presentment_currency: 'KWD',
		fulfillment_status: 'partial',
		fulfillments: [{ location_id: 655441491 }, { location_id: 655441491 }],
		discount_applications: [
			{ type: 'discount_code', code: 'SUMMER', title: 'SUMMER', value: '10.0', value_type: 'percentage', allocation_method: 'across', target_selection: 'all', target_type: 'line_item' },
			{ type: 'manual', title: 'Staff', value: '1.500', value_type: 'fixed_amount', allocation_method: 'one', target_selection: 'explicit', target_type: 'line_item' },
		],
		line_items: [
			{
				admin_graphql_api_id: 'gid://shopify/LineItem/1',
				title: 'Tea',
				quantity: 3,
				current_quantity: 2,
				variant_id: 4001,
				price_set: { shop_money: { amount: '1500', currency_code: 'JPY' }, presentment_money: { amount: '3.250', currency_code: 'KWD' } },
				total_discount_set: { shop_money: { amount: '450', currency_code: 'JPY' }, presentment_money: { amount: '0.975', currency_code: 'KWD' } },
				discount_allocations: [
					{ amount_set: { shop_money: { amount: '450', currency_code: 'JPY' }, presentment_money: { amount: '0.975', currency_code: 'KWD' } }, discount_application_index: 0 },
				],
				tax_lines: [{ title: 'VAT', rate: 0.1, price_set: { shop_money: { amount: '405', currency_code: 'JPY' }, presentment_money: { amount: '0.878', currency_code: 'KWD' } } }],
			},
		],
	};
	const order = normalizeWebhookOrder(payload);

	it('uses each currency\'s exponent', () => {
		const line = order.lineItems[0];
		expect(line.unitPrice.shop).toEqual({ amount: '1500', currencyCode: 'JPY', minorUnits: 1500 });
		expect(line.unitPrice.presentment).toEqual({ amount: '3.250', currencyCode: 'KWD', minorUnits: 3250 });
		expect(line.taxLines[0]).toEqual({ title: 'VAT', rate: 0.1, amount: expect.objectContaining({ presentment: expect.objectContaining({ minorUnits: 878 }) }) });
	});

	it('maps discounts and points allocations at them', () => {
		expect(order.discounts).toEqual([
			expect.objectContaining({ index: 0, type: 'DISCOUNT_CODE', code: 'SUMMER', title: null, valueType: 'PERCENTAGE', percentage: 10, amount: null, allocationMethod: 'ACROSS', targetSelection: 'ALL', targetType: 'LINE_ITEM' }),
			expect.objectContaining({ index: 1, type: 'MANUAL', title: 'Staff', valueType: 'FIXED_AMOUNT', amount: { amount: '1.500', currencyCode: 'KWD', minorUnits: 1500 } }),
		]);
		expect(order.lineItems[0].discountAllocations[0].discountIndex).toBe(0);
		// The payload carries no discounted unit price: null rather than a guess.
		expect(order.lineItems[0].discountedUnitPrice).toBeNull();
		expect(order.lineItems[0]).toMatchObject({ quantity: 2, originalQuantity: 3, variantId: 'gid://shopify/ProductVariant/4001' });
	});

	it('reads statuses and fulfilment locations', () => {
		expect(order.fulfillmentStatus).toBe('PARTIALLY_FULFILLED');
		expect(order.fulfillmentLocations).toEqual([{ id: 'gid://shopify/Location/655441491', legacyId: '655441491', name: null }]);
	});

	it('explains a payload without an order id', () => {
		expect(() => normalizeWebhookOrder({ name: '#1' })).toThrow('admin_graphql_api_id');
	});
});
