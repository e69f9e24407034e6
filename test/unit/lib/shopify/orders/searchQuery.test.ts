import { orderSearchQuery, searchTimestamp } from '../../../../../lib/shopify/orders/searchQuery';

describe('orderSearchQuery', () => {
	it('is empty without filters', () => {
		expect(orderSearchQuery({})).toBe('');
		expect(orderSearchQuery({ status: 'any', testOrders: 'include', tagsAny: [' '], financialStatuses: [] })).toBe('');
	});

	it('writes date ranges as UTC comparisons', () => {
		expect(orderSearchQuery({ createdSince: '2026-11-20', updatedUntil: '2026-11-21T10:00:00+02:00' })).toBe(
			"created_at:>='2026-11-20T00:00:00Z' updated_at:<='2026-11-21T08:00:00Z'",
		);
		expect(orderSearchQuery({ processedSince: '2026-11-01T00:00:00.500Z' })).toBe("processed_at:>='2026-11-01T00:00:00Z'");
	});

	it('ORs several values of one field and ANDs fields', () => {
		expect(orderSearchQuery({ financialStatuses: ['paid', 'partially_paid'], fulfillmentStatuses: ['unshipped'], status: 'open' })).toBe(
			'(financial_status:paid OR financial_status:partially_paid) fulfillment_status:unshipped status:open',
		);
	});

	it('quotes tags with spaces and negates excluded tags', () => {
		expect(orderSearchQuery({ tagsAny: ['VIP customer', 'wholesale'], tagsNone: ['synced-to-pos', "O'Brien"] })).toBe(
			"(tag:'VIP customer' OR tag:wholesale) -tag:synced-to-pos -tag:\"O'Brien\"",
		);
		expect(() => orderSearchQuery({ tagsAny: [`a'b"c`] })).toThrow('contains both');
	});

	it('adds channel, test orders, the POS loop guard and the raw query last, in parentheses', () => {
		expect(
			orderSearchQuery({ salesChannel: 'online_store', testOrders: 'exclude', skipPosOrders: true, rawQuery: 'email:a@b.c OR sku:X' }),
		).toBe('sales_channel:online_store test:false -source_name:pos (email:a@b.c OR sku:X)');
		expect(orderSearchQuery({ testOrders: 'only' })).toBe('test:true');
	});

	it('names the filter and the value of an unreadable date', () => {
		expect(() => orderSearchQuery({ createdSince: 'last tuesday' })).toThrow('The created since date "last tuesday" is not a date');
		expect(() => searchTimestamp('nope', 'updated until')).toThrow('updated until');
	});
});
