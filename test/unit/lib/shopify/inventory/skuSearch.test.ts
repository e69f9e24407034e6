import { skuSearchQueries, skuTerm } from '../../../../../lib/shopify/inventory/skuSearch';

describe('skuSearchQueries', () => {
	it('ORs distinct SKUs in one query', () => {
		expect(skuSearchQueries(['A-1', 'B-2', 'A-1'])).toEqual(["sku:'A-1' OR sku:'B-2'"]);
	});

	it("escapes quotes and backslashes in SKUs", () => {
		expect(skuTerm("O'Neil\\1")).toBe("sku:'O\\'Neil\\\\1'");
	});

	it('needs 4 queries for 1,000 distinct SKUs (250 per page)', () => {
		const skus = Array.from({ length: 1000 }, (_, i) => `SKU-${String(i).padStart(5, '0')}`);
		const queries = skuSearchQueries(skus);
		expect(queries).toHaveLength(4);
		expect(queries.map((q) => q.split(' OR ').length)).toEqual([250, 250, 250, 250]);
	});

	it('splits by query length too', () => {
		const skus = Array.from({ length: 10 }, (_, i) => `LONG-SKU-${i}`);
		const queries = skuSearchQueries(skus, { maxSkusPerQuery: 250, maxQueryLength: 60 });
		expect(queries.length).toBeGreaterThan(1);
		for (const query of queries) expect(query.length).toBeLessThanOrEqual(60);
		expect(queries.join(' OR ').split(' OR ')).toHaveLength(10);
	});
});
