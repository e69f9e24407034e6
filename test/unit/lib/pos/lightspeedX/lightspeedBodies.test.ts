import { decimalOf, exactLines } from '../../../../../lib/pos/lightspeedX/exactLines';
import { orderInvoiceNumber, stockInvoiceNumber } from '../../../../../lib/pos/lightspeedX/invoiceNumber';
import { orderSalePlan, stockSalePlan } from '../../../../../lib/pos/lightspeedX/saleBody';
import { salesRegisterOf, saleSettingsOf } from '../../../../../lib/pos/lightspeedX/saleSettings';
import { salesStockChanges } from '../../../../../lib/pos/lightspeedX/salesFeed';
import { OrderModelError } from '../../../../../lib/pos/square/orderBody';
import { discountedTaxedOrder, line, stockChange, tax, usd } from '../square/squareFixtures';

const settings = saleSettingsOf({ registerId: 'REG-SHOP', userId: 'USER-1', paymentTypeId: 'PAY-SHOPIFY', taxId: 'TAX-1', shippingProductId: 'SHIP-1', apiVersion: '' });

/** What Lightspeed totals a date-versioned sale at: each line's price and tax per unit times its quantity. */
function saleTotal(body: Record<string, any>): number {
	return (body.line_items as Array<Record<string, any>>).reduce((sum, item) => sum + Math.round(Number(item.pricing.price) * 100) * item.quantity + Math.round(Number(item.tax.amount) * 100) * item.quantity, 0);
}

describe('Lightspeed X sale lines to the cent', () => {
	it.each([
		[3, 1000, 0],
		[3, 1000, 80],
		[7, 12345, 999],
		[1, 1, 1],
		[4, 400, 3],
		[5, 0, 0],
	])('%i units for %i net and %i tax add up exactly, in at most three lines', (quantity, net, taxTotal) => {
		const lines = exactLines(quantity, net, taxTotal);
		expect(lines.length).toBeLessThanOrEqual(3);
		expect(lines.reduce((sum, exact) => sum + exact.quantity, 0)).toBe(quantity);
		expect(lines.reduce((sum, exact) => sum + exact.quantity * exact.unitPrice, 0)).toBe(net);
		expect(lines.reduce((sum, exact) => sum + exact.quantity * exact.unitTax, 0)).toBe(taxTotal);
	});

	it('refuses a quantity that is not a positive whole number', () => {
		expect(() => exactLines(0, 100, 0)).toThrow('positive whole quantity');
	});

	it('writes minor units as decimal text for the currency', () => {
		expect([decimalOf(1250, 2), decimalOf(5, 2), decimalOf(-5, 2), decimalOf(1500, 0), decimalOf(1234, 3)]).toEqual(['12.50', '0.05', '-0.05', '1500', '1.234']);
	});
});

describe('Lightspeed X sale for a Shopify order', () => {
	it("totals what Shopify charged: discounted lines, each line's tax, taxed shipping as the shipping product", () => {
		const plan = orderSalePlan(discountedTaxedOrder(), new Map([['TEE-M', 'P-TEE'], ['HAT', 'P-HAT']]), settings);
		expect(plan.totalMinorUnits).toBe(18574);
		expect(saleTotal(plan.body)).toBe(18574);
		expect(plan.body).toMatchObject({
			source: { author_id: 'USER-1', register_id: 'REG-SHOP' },
			state: 'closed',
			invoice_number: 'SHOPIFY-5000000000001',
			payments: [{ payment_type: { id: 'PAY-SHOPIFY' }, amount: '185.74' }],
		});
		// 2 × 49.99 − 10.00 = 89.98 → 44.99 each; tax 7.20 → 3.60 each.
		expect((plan.body.line_items as unknown[])[0]).toEqual({ product: { id: 'P-TEE' }, quantity: 2, pricing: { price: '44.99' }, tax: { id: 'TAX-1', amount: '3.60' } });
		expect((plan.body.line_items as Array<Record<string, any>>).at(-1)).toEqual({ product: { id: 'SHIP-1' }, quantity: 1, pricing: { price: '10.00' }, tax: { id: 'TAX-1', amount: '0.80' } });
	});

	it('splits a line whose amounts have no exact unit price', () => {
		const order = discountedTaxedOrder({ lineItems: [line('21', 'PEN', 334, 3, 2, [tax('VAT', 0.1, 101)])], shippingLines: [], originalTotals: { subtotal: usd(1000), discounts: usd(2), shipping: usd(0), tax: usd(101), total: usd(1101) } });
		const plan = orderSalePlan(order, new Map([['PEN', 'P-PEN']]), settings);
		expect(saleTotal(plan.body)).toBe(1101);
		expect((plan.body.line_items as Array<Record<string, any>>).every((item) => item.product.id === 'P-PEN')).toBe(true);
	});

	it('prices exclude tax when Shopify prices include it', () => {
		const order = discountedTaxedOrder({ taxesIncluded: true, lineItems: [line('31', 'TEE-M', 1200, 1, 0, [tax('VAT', 0.2, 200)])], shippingLines: [], originalTotals: { subtotal: usd(1200), discounts: usd(0), shipping: usd(0), tax: usd(200), total: usd(1200) } });
		const plan = orderSalePlan(order, new Map([['TEE-M', 'P-TEE']]), settings);
		expect(plan.body.line_items).toEqual([{ product: { id: 'P-TEE' }, quantity: 1, pricing: { price: '10.00' }, tax: { id: 'TAX-1', amount: '2.00' } }]);
		expect(saleTotal(plan.body)).toBe(1200);
	});

	it('refuses what it cannot book exactly, naming what to do: a line without SKU, shipping without a shipping product, another total', () => {
		const noSku = discountedTaxedOrder({ lineItems: [line('41', null, 500, 1, 0, [])], shippingLines: [], originalTotals: { subtotal: usd(500), discounts: usd(0), shipping: usd(0), tax: usd(0), total: usd(500) } });
		expect(() => orderSalePlan(noSku, new Map(), settings)).toThrow(/has no SKU: a Lightspeed sale can only sell products/);
		expect(() => orderSalePlan(discountedTaxedOrder(), new Map([['TEE-M', 'P-TEE'], ['HAT', 'P-HAT']]), { ...settings, shippingProductId: '' })).toThrow(/Shipping Product ID is empty/);
		const tipped = discountedTaxedOrder({ originalTotals: { ...discountedTaxedOrder().originalTotals, total: usd(19074) } });
		expect(() => orderSalePlan(tipped, new Map([['TEE-M', 'P-TEE'], ['HAT', 'P-HAT']]), settings)).toThrow(OrderModelError);
	});

	it('a stock-only sale sells what leaves and returns what comes back, at price 0, under a key-derived invoice number', () => {
		const changes = [
			{ change: stockChange('k-1', 'TEE-M', -2), itemId: 'P-TEE' },
			{ change: stockChange('k-2', 'HAT', 1), itemId: 'P-HAT' },
		];
		const plan = stockSalePlan(changes, 'OUTLET-1', settings);
		expect(plan.invoiceNumber).toBe(stockInvoiceNumber('OUTLET-1', ['k-1', 'k-2']));
		expect(plan.invoiceNumber).not.toBe(stockInvoiceNumber('OUTLET-2', ['k-1', 'k-2']));
		expect((plan.body.line_items as Array<Record<string, any>>).map((item) => [item.product.id, item.quantity, item.pricing.price])).toEqual([['P-TEE', 2, '0.00'], ['P-HAT', -1, '0.00']]);
		expect(saleTotal(plan.body)).toBe(0);
		expect(orderInvoiceNumber('42')).toBe('SHOPIFY-42');
	});
});

describe('Lightspeed X settings', () => {
	it('names every empty field and where to find its value', () => {
		expect(() => saleSettingsOf({ registerId: 'R' })).toThrow('Sales User ID, Payment Type ID, Tax ID are empty: run the List Locations operation once');
		expect(() => saleSettingsOf({ ...settings, apiVersion: 'latest' })).toThrow('API Version "latest" is not a Lightspeed date version');
		expect(() => salesRegisterOf({ registerId: ' ' })).toThrow(/Sales Register ID is empty/);
		expect(settings.apiVersion).toBe('2026-04');
	});
});

describe('Lightspeed X sales read back as stock changes', () => {
	const sale = (id: string, fields: Record<string, unknown>) => ({
		id,
		outlet_id: 'OUT-1',
		register_id: 'REG-MAIN',
		invoice_number: id,
		status: 'CLOSED',
		sale_date: '2026-12-01T10:00:00+00:00',
		created_at: '2026-12-01T10:00:01+00:00',
		updated_at: '2026-12-01T10:00:01+00:00',
		line_items: [{ id: `${id}-l1`, product_id: 'P-TEE', quantity: 2 }],
		...fields,
	});

	it('a closed sale takes stock, a return line puts it back, a void puts the sale back; own sales and other outlets are left out', () => {
		const page = salesStockChanges(
			[
				sale('S1', {}),
				sale('S2', { line_items: [{ id: 'S2-l1', product_id: 'P-HAT', quantity: -1 }] }),
				sale('S3', { status: 'VOIDED', updated_at: '2026-12-01T11:00:00+00:00' }),
				sale('S4', { register_id: 'REG-SHOP' }),
				sale('S5', { invoice_number: 'SHOPIFY-77', register_id: 'REG-OTHER' }),
				sale('S6', { outlet_id: 'OUT-2' }),
				sale('S7', { status: 'SAVED' }),
			],
			'OUT-1',
			'REG-SHOP',
			'2026-12-01T09:00:00Z',
		);
		expect(page.changes.map((change) => [change.key, change.itemId, change.quantity])).toEqual([
			['S1:S1-l1:sold', 'P-TEE', -2],
			['S2:S2-l1:sold', 'P-HAT', 1],
			['S3:S3-l1:sold', 'P-TEE', -2],
			['S3:S3-l1:void', 'P-TEE', 2],
		]);
		expect(page.ownChangeIds).toEqual(['S4:S4-l1:sold', 'S5:S5-l1:sold']);
		expect(page.seen.map((seen) => seen.id)).toContain('S4:S4-l1:sold');
	});

	it('a sale made before the read start is not a change again when an edit or a void brings it back; its void is', () => {
		const page = salesStockChanges([sale('S1', {}), sale('S3', { status: 'VOIDED', updated_at: '2026-12-02T08:00:00+00:00' })], 'OUT-1', 'REG-SHOP', '2026-12-02T00:00:00Z');
		expect(page.changes.map((change) => change.key)).toEqual(['S3:S3-l1:void']);
		expect(page.changes[0]).toMatchObject({ quantity: 2, createdAt: '2026-12-02T08:00:00.000Z', occurredAt: '2026-12-02T08:00:00.000Z' });
	});
});
