import { serialization } from 'square';
import { catalogSearchBody, readCatalogSearchPage } from '../../../../../lib/pos/square/catalogSearch';
import { externalPaymentBody } from '../../../../../lib/pos/square/externalPayment';
import { inventoryBatchKey, orderKey, paymentKey, squareIdempotencyKey } from '../../../../../lib/pos/square/idempotencyKey';
import { inventoryBatchBodies } from '../../../../../lib/pos/square/inventoryAdjustments';
import { inventoryChangesBody, readInventoryChangesPage } from '../../../../../lib/pos/square/inventoryChangesQuery';
import { readLocations } from '../../../../../lib/pos/square/locations';
import { OrderModelError, squareOrderPlan } from '../../../../../lib/pos/square/orderBody';
import { isOwnReference } from '../../../../../lib/pos/square/referenceTag';
import { taxPercentage } from '../../../../../lib/pos/square/taxPercentage';
import { discountedTaxedOrder, halfEven, halfUp, line, squareTotal, stockChange, tax, usd } from './squareFixtures';

const strict = { unrecognizedObjectKeys: 'fail' as const };

function expectValid(schema: { parse(raw: unknown, options: typeof strict): { ok: boolean; errors?: unknown } }, body: unknown) {
	const result = schema.parse(body, strict);
	expect(result.ok ? 'valid' : result.errors).toBe('valid');
}

describe('Square idempotency keys', () => {
	it('are derived from Shopify ids only, and stay within Square\'s limits', () => {
		expect(orderKey('L1', '5000000000001')).toBe('shopify-order-L1-5000000000001');
		expect(paymentKey('LH2K8ZSG1TB0Q', '5000000000001')).toBe('shopify-pay-LH2K8ZSG1TB0Q-5000000000001');
		const long = paymentKey('LH2K8ZSG1TB0QXXXXXXXXXXX', '5000000000001');
		expect(long).toHaveLength(45);
		expect(long).toMatch(/^shopify-pay-[0-9a-f]{33}$/);
		expect(paymentKey('LH2K8ZSG1TB0QXXXXXXXXXXX', '5000000000001')).toBe(long);
	});

	it('a batch key: readable for one change, a hash of the location and keys for several, ≤ 128 characters', () => {
		expect(inventoryBatchKey('L1', ['sale:1:11'], { index: 0, count: 1 })).toBe('shopify-stock-L1-sale:1:11');
		const several = inventoryBatchKey('L1', ['a-b', 'c'], { index: 0, count: 1 });
		expect(several).toMatch(/^shopify-stock-[0-9a-f]{64}$/);
		expect(inventoryBatchKey('L1', ['a', 'b-c'], { index: 0, count: 1 })).not.toBe(several);
		expect(inventoryBatchKey('L2', ['a-b', 'c'], { index: 0, count: 1 })).not.toBe(several);
		const longKey = 'x'.repeat(200);
		expect(inventoryBatchKey('L1', [longKey], { index: 0, count: 1 }).length).toBeLessThanOrEqual(128);
		expect(squareIdempotencyKey('p', ['a'], 10)).toBe('p-a');
	});
});

describe('catalog search', () => {
	it('asks for item variations by SKU with a set query, a body Square\'s schema accepts', () => {
		const body = catalogSearchBody(['TEE-M', 'HAT'], 'CURSOR-2');
		expect(body).toEqual({ object_types: ['ITEM_VARIATION'], query: { set_query: { attribute_name: 'sku', attribute_values: ['TEE-M', 'HAT'] } }, cursor: 'CURSOR-2' });
		expectValid(serialization.SearchCatalogObjectsRequest, body);
		expect(() => catalogSearchBody(Array.from({ length: 251 }, (_, i) => `S${i}`))).toThrow('1 to 250 SKUs');
	});

	it('reads variations (not deleted ones) and the next cursor from a response Square\'s schema accepts', () => {
		const response = {
			objects: [
				{ type: 'ITEM_VARIATION', id: 'VAR-1', updated_at: '2026-11-20T10:00:00Z', version: 1, is_deleted: false, present_at_all_locations: true, item_variation_data: { item_id: 'ITEM-1', name: 'M', sku: 'TEE-M', pricing_type: 'FIXED_PRICING', price_money: { amount: 4999, currency: 'USD' } } },
				{ type: 'ITEM_VARIATION', id: 'VAR-0', is_deleted: true, item_variation_data: { sku: 'TEE-M' } },
			],
			cursor: 'NEXT',
		};
		expectValid(serialization.SearchCatalogObjectsResponse, response);
		expect(readCatalogSearchPage(response)).toEqual({ matches: [{ itemId: 'VAR-1', sku: 'TEE-M', name: 'M' }], cursor: 'NEXT' });
	});
});

describe('stock adjustments', () => {
	it('a sale goes IN_STOCK → SOLD and a restock SOLD → IN_STOCK, tagged, in a body Square\'s schema accepts', () => {
		const [body] = inventoryBatchBodies(
			[
				{ change: stockChange('sale-11', 'TEE-M', -2), itemId: 'VAR-1' },
				{ change: stockChange('restock-12', 'HAT', 1, { lineItemId: 'gid://shopify/LineItem/12', occurredAt: '2026-11-21T09:30:00.000+01:00' }), itemId: 'VAR-2' },
			],
			'LOC-1',
			Date.parse('2026-11-21T12:00:00Z'),
		);
		expectValid(serialization.BatchChangeInventoryRequest, body);
		expect(body.changes).toEqual([
			{ type: 'ADJUSTMENT', adjustment: { reference_id: 'shopify:5000000000001:11', from_state: 'IN_STOCK', to_state: 'SOLD', from_location_id: 'LOC-1', to_location_id: 'LOC-1', catalog_object_id: 'VAR-1', quantity: '2', occurred_at: '2026-11-21T12:00:00.000Z' } },
			{ type: 'ADJUSTMENT', adjustment: { reference_id: 'shopify:5000000000001:12', from_state: 'SOLD', to_state: 'IN_STOCK', from_location_id: 'LOC-1', to_location_id: 'LOC-1', catalog_object_id: 'VAR-2', quantity: '1', occurred_at: '2026-11-21T12:00:00.000Z' } },
		]);
		expect(body.idempotency_key).toBe(inventoryBatchKey('LOC-1', ['sale-11', 'restock-12'], { index: 0, count: 1 }));
	});

	it('the same changes always give the same body; more than 100 are split, each part keyed', () => {
		const changes = Array.from({ length: 230 }, (_, index) => ({ change: stockChange(`sale-${index}`, `SKU-${index}`, -1), itemId: `VAR-${index}` }));
		const now = Date.parse('2026-11-20T12:00:00Z');
		const bodies = inventoryBatchBodies(changes, 'LOC-1', now);
		expect(bodies.map((body) => (body.changes as unknown[]).length)).toEqual([100, 100, 30]);
		expect(new Set(bodies.map((body) => body.idempotency_key)).size).toBe(3);
		expect(inventoryBatchBodies(changes, 'LOC-1', now)).toEqual(bodies);
		for (const body of bodies) expectValid(serialization.BatchChangeInventoryRequest, body);
	});

	it('a zero change moves nothing and is left out', () => {
		expect(inventoryBatchBodies([{ change: stockChange('edit-0', 'TEE-M', 0, { cause: 'edit' }), itemId: 'VAR-1' }], 'LOC-1', Date.now())).toEqual([]);
	});

	it('dates every change at the request, whatever the Shopify event\'s time (a count made since must not absorb it)', () => {
		const now = Date.parse('2026-11-22T12:00:00Z');
		const old = stockChange('sale-old', 'TEE-M', -1, { cause: 'sale' });
		const [body] = inventoryBatchBodies([{ change: { ...old, occurredAt: '2026-11-20T10:00:00Z' }, itemId: 'VAR-1' }], 'LOC-1', now);
		const [change] = body.changes as Array<{ adjustment: { occurred_at: string } }>;
		expect(change.adjustment.occurred_at).toBe('2026-11-22T12:00:00.000Z');
	});
});

describe('recording an order', () => {
	it('Square\'s total equals what Shopify charged: line discounts, per-line taxes, taxed shipping', () => {
		const order = discountedTaxedOrder();
		const plan = squareOrderPlan(order, new Map([['TEE-M', 'VAR-1'], ['HAT', 'VAR-2']]), 'LOC-1');
		expectValid(serialization.CreateOrderRequest, plan.body);
		expect(plan.totalMinorUnits).toBe(18574);
		const squareOrder = plan.body.order as Record<string, any>;
		expect(squareTotal(squareOrder, halfUp)).toBe(18574);
		expect(squareTotal(squareOrder, halfEven)).toBe(18574);
		expect(squareOrder.line_items[0]).toMatchObject({ catalog_object_id: 'VAR-1', quantity: '2', base_price_money: { amount: 4999, currency: 'USD' }, applied_discounts: [{ discount_uid: 'line-11-discount' }] });
		expect(squareOrder.discounts[0]).toEqual({ uid: 'line-11-discount', name: 'Shopify discount', type: 'FIXED_AMOUNT', amount_money: { amount: 1000, currency: 'USD' }, scope: 'LINE_ITEM' });
		expect(squareOrder.taxes[0]).toEqual({ uid: 'line-11-tax-1', name: 'State tax', type: 'ADDITIVE', percentage: '6', scope: 'LINE_ITEM' });
		expect(squareOrder.service_charges).toEqual([
			{ uid: 'shipping-1', name: 'Standard', amount_money: { amount: 1000, currency: 'USD' }, calculation_phase: 'SUBTOTAL_PHASE', taxable: true, applied_taxes: [{ tax_uid: 'shipping-1-tax-1' }, { tax_uid: 'shipping-1-tax-2' }] },
		]);
		expect(squareOrder).toMatchObject({ location_id: 'LOC-1', reference_id: 'shopify:5000000000001', pricing_options: { auto_apply_taxes: false, auto_apply_discounts: false } });
		expect(plan.body.idempotency_key).toBe('shopify-order-LOC-1-5000000000001');
	});

	it('a tax Shopify rounded its own way still lands on Shopify\'s cents', () => {
		// 3 × 3.33 = 9.99 at 8.25 % is 0.824…; Shopify booked 0.83.
		const order = discountedTaxedOrder({
			lineItems: [line('21', 'PEN', 333, 3, 0, [tax('Sales tax', 0.0825, 83)])],
			shippingLines: [],
			originalTotals: { subtotal: usd(999), discounts: usd(0), shipping: usd(0), tax: usd(83), total: usd(1082) },
		});
		const plan = squareOrderPlan(order, new Map([['PEN', 'VAR-P']]), 'LOC-1');
		const squareOrder = plan.body.order as Record<string, any>;
		expect(squareOrder.taxes[0].percentage).not.toBe('8.25');
		expect(squareTotal(squareOrder, halfUp)).toBe(1082);
		expect(squareTotal(squareOrder, halfEven)).toBe(1082);
		expectValid(serialization.CreateOrderRequest, plan.body);
	});

	it('prices with tax included: INCLUSIVE taxes, the total is the lines', () => {
		const order = discountedTaxedOrder({
			taxesIncluded: true,
			lineItems: [line('31', 'TEE-M', 1200, 1, 0, [tax('VAT', 0.2, 200)])],
			shippingLines: [],
			originalTotals: { subtotal: usd(1200), discounts: usd(0), shipping: usd(0), tax: usd(200), total: usd(1200) },
		});
		const plan = squareOrderPlan(order, new Map([['TEE-M', 'VAR-1']]), 'LOC-1');
		expect((plan.body.order as Record<string, any>).taxes[0]).toMatchObject({ type: 'INCLUSIVE', percentage: '20' });
		expect(plan.totalMinorUnits).toBe(1200);
		expectValid(serialization.CreateOrderRequest, plan.body);
	});

	it('a line without a SKU is an ad-hoc line: it keeps the total and moves no stock', () => {
		const order = discountedTaxedOrder({
			lineItems: [line('41', null, 500, 1, 0, [])],
			shippingLines: [],
			originalTotals: { subtotal: usd(500), discounts: usd(0), shipping: usd(0), tax: usd(0), total: usd(500) },
		});
		const squareOrder = squareOrderPlan(order, new Map(), 'LOC-1').body.order as Record<string, any>;
		expect(squareOrder.line_items[0]).toEqual({ uid: 'line-41', quantity: '1', name: 'Custom item', base_price_money: { amount: 500, currency: 'USD' } });
	});

	it('refuses an order whose charge it cannot reproduce (duties, tips, fees), naming both totals', () => {
		const order = discountedTaxedOrder({ originalTotals: { ...discountedTaxedOrder().originalTotals, total: usd(19074) } });
		expect(() => squareOrderPlan(order, new Map([['TEE-M', 'VAR-1'], ['HAT', 'VAR-2']]), 'LOC-1')).toThrow(OrderModelError);
		expect(() => squareOrderPlan(order, new Map([['TEE-M', 'VAR-1'], ['HAT', 'VAR-2']]), 'LOC-1')).toThrow('Shopify charged 19074 and Square would total 18574');
	});

	it('pays with an EXTERNAL payment from Shopify, for the order total, in a body Square\'s schema accepts', () => {
		const body = externalPaymentBody({ locationId: 'LOC-1', orderLegacyId: '5000000000001', orderName: '#1001', squareOrderId: 'SQ-ORDER-1', totalMinorUnits: 18574, currency: 'USD' });
		expectValid(serialization.CreatePaymentRequest, body);
		expect(body).toMatchObject({ source_id: 'EXTERNAL', amount_money: { amount: 18574, currency: 'USD' }, order_id: 'SQ-ORDER-1', external_details: { type: 'EXTERNAL', source: 'Shopify' } });
		expect((body.idempotency_key as string).length).toBeLessThanOrEqual(45);
	});
});

describe('tax percentages', () => {
	it('the plain rate when it gives Shopify\'s amount, else the shortest that does', () => {
		expect(taxPercentage(10000, 800, false)).toBe('8');
		expect(taxPercentage(999, 83, false)).toMatch(/^8\.3\d*$/);
		expect(taxPercentage(1200, 200, true)).toBe('20');
		expect(() => taxPercentage(0, 5, false)).toThrow('cannot be expressed');
	});
});

describe('stock changes since a time', () => {
	const response = {
		changes: [
			{ type: 'ADJUSTMENT', adjustment: { id: 'ADJ-1', from_state: 'IN_STOCK', to_state: 'SOLD', from_location_id: 'LOC-1', to_location_id: 'LOC-1', catalog_object_id: 'VAR-1', catalog_object_type: 'ITEM_VARIATION', quantity: '2', occurred_at: '2026-11-20T11:00:00Z', created_at: '2026-11-20T11:00:01Z' } },
			{ type: 'ADJUSTMENT', adjustment: { id: 'ADJ-OWN', reference_id: 'shopify:5000000000001:11', from_state: 'IN_STOCK', to_state: 'SOLD', from_location_id: 'LOC-1', to_location_id: 'LOC-1', catalog_object_id: 'VAR-1', quantity: '1', occurred_at: '2026-11-20T11:01:00Z', created_at: '2026-11-20T11:01:01Z' } },
			{ type: 'ADJUSTMENT', adjustment: { id: 'ADJ-2', from_state: 'NONE', to_state: 'IN_STOCK', from_location_id: 'LOC-1', to_location_id: 'LOC-1', catalog_object_id: 'VAR-2', quantity: '12', occurred_at: '2026-11-20T11:02:00Z', created_at: '2026-11-20T11:02:01Z' } },
			{ type: 'PHYSICAL_COUNT', physical_count: { id: 'PC-1', catalog_object_id: 'VAR-1', state: 'IN_STOCK', location_id: 'LOC-1', quantity: '7', occurred_at: '2026-11-20T11:03:00Z', created_at: '2026-11-20T11:03:01Z' } },
			{ type: 'ADJUSTMENT', adjustment: { id: 'ADJ-API', from_state: 'IN_STOCK', to_state: 'SOLD', from_location_id: 'LOC-1', to_location_id: 'LOC-1', catalog_object_id: 'VAR-2', quantity: '1', transaction_id: 'ORDER-9', source: { product: 'EXTERNAL_API', application_id: 'sq0idp-app' }, created_at: '2026-11-20T11:03:30Z' } },
			{ type: 'ADJUSTMENT', adjustment: { id: 'ADJ-3', from_state: 'IN_STOCK', to_state: 'WASTE', from_location_id: 'LOC-1', to_location_id: 'LOC-1', catalog_object_id: 'VAR-2', quantity: '1', occurred_at: '2026-11-20T11:04:00Z', created_at: '2026-11-20T11:04:01Z' } },
		],
		cursor: 'PAGE-2',
	};

	it('asks for counts and adjustments at the location after a time, in a body Square\'s schema accepts', () => {
		const body = inventoryChangesBody('LOC-1', '2026-11-20T10:55:00.000Z', 'PAGE-2');
		expectValid(serialization.BatchRetrieveInventoryChangesRequest, body);
		expect(body).toEqual({ location_ids: ['LOC-1'], types: ['PHYSICAL_COUNT', 'ADJUSTMENT'], updated_after: '2026-11-20T10:55:00.000Z', cursor: 'PAGE-2' });
	});

	it('signed deltas, recounts as absolute quantities, our own writes left out', () => {
		expectValid(serialization.BatchGetInventoryChangesResponse, response);
		const read = readInventoryChangesPage(response, 'LOC-1');
		expect(read.ownChangeIds).toEqual(['ADJ-OWN']);
		expect(read.cursor).toBe('PAGE-2');
		expect(read.seen.map((entry) => entry.id)).toEqual(['ADJ-1', 'ADJ-OWN', 'ADJ-2', 'PC-1', 'ADJ-API', 'ADJ-3']);
		// A sale through the API names its order: whether it is an order we recorded is asked of Square.
		expect([...read.orderChecks]).toEqual([['ADJ-API', 'ORDER-9']]);
		expect(read.changes.map((change) => [change.key, change.kind, change.itemId, change.quantity ?? change.absoluteQuantity])).toEqual([
			['ADJ-1', 'delta', 'VAR-1', -2],
			['ADJ-2', 'delta', 'VAR-2', 12],
			['PC-1', 'recount', 'VAR-1', 7],
			['ADJ-API', 'delta', 'VAR-2', -1],
			['ADJ-3', 'delta', 'VAR-2', -1],
		]);
		expect(isOwnReference('shopify:1:2')).toBe(true);
		expect(isOwnReference('register-7')).toBe(false);
	});

	it('a transfer counts for the location it leaves or reaches', () => {
		const transfer = { changes: [{ type: 'ADJUSTMENT', adjustment: { id: 'T-1', from_state: 'IN_STOCK', to_state: 'IN_STOCK', from_location_id: 'LOC-1', to_location_id: 'LOC-2', catalog_object_id: 'VAR-1', quantity: '3', created_at: '2026-11-20T12:00:00Z' } }] };
		expect(readInventoryChangesPage(transfer, 'LOC-1').changes[0].quantity).toBe(-3);
		expect(readInventoryChangesPage(transfer, 'LOC-2').changes[0].quantity).toBe(3);
	});
});

describe('locations', () => {
	it('reads id, name, status, currency and a one-line address from a response Square\'s schema accepts', () => {
		const response = { locations: [{ id: 'LOC-1', name: 'Main Street', status: 'ACTIVE', currency: 'USD', timezone: 'America/Los_Angeles', address: { address_line_1: '1 Main St', locality: 'Portland', postal_code: '97201', country: 'US' } }] };
		expectValid(serialization.ListLocationsResponse, response);
		expect(readLocations(response)).toEqual([{ id: 'LOC-1', name: 'Main Street', status: 'ACTIVE', currency: 'USD', timezone: 'America/Los_Angeles', address: '1 Main St, Portland, 97201, US' }]);
	});
});
