/**
 * The pure decisions of reading stock and of reconciliation: quantity names, page sizes by cost, the bulk
 * query (validated against the Admin schema), POS count checks and the comparison of one count.
 */
import { parse, validate } from 'graphql';
import { bulkInventoryQuery } from '../../../../../lib/shopify/inventory/bulkInventoryQuery';
import { compareCount } from '../../../../../lib/shopify/inventory/compareCounts';
import { locationLevelCost, PageSizer, variantWithLevelsCost } from '../../../../../lib/shopify/inventory/levelPageSize';
import type { LevelResult } from '../../../../../lib/shopify/inventory/levelTypes';
import { checkPosCounts } from '../../../../../lib/shopify/inventory/posCounts';
import { checkQuantityNames, INVENTORY_QUANTITY_NAMES } from '../../../../../lib/shopify/inventory/quantityNames';
import { resultsFromRows } from '../../../../../lib/shopify/inventory/readInventory';
import { SUPPORTED_API_VERSIONS } from '../../../../../lib/shopify/apiVersions';
import { adminSchema } from '../../../../helpers/adminSchema';

const row = (overrides: Partial<Extract<LevelResult, { ok: true }>['rows'][number]> = {}) => ({
	sku: 'TEE-S',
	variantId: 'gid://shopify/ProductVariant/1',
	inventoryItemId: 'gid://shopify/InventoryItem/1',
	locationId: 'gid://shopify/Location/1',
	locationName: 'Main Store',
	tracked: true,
	quantities: { available: 5 },
	updatedAt: '2026-11-20T09:00:00Z',
	...overrides,
});

describe('quantity names', () => {
	it('accepts Shopify\'s eight inventory states, in Shopify\'s order, once each', () => {
		expect(checkQuantityNames(['on_hand', 'available', 'available', ' damaged '])).toEqual({ ok: true, names: ['available', 'on_hand', 'damaged'] });
		expect(INVENTORY_QUANTITY_NAMES).toHaveLength(8);
	});

	it('refuses an unknown name, naming it and the allowed ones, and an empty list', () => {
		const checked = checkQuantityNames(['available', 'sold', 'in_transit']);
		expect(checked).toEqual({ ok: false, message: expect.stringContaining('"sold", "in_transit" are not one of Shopify\'s inventory states: available, on_hand') });
		expect(checkQuantityNames([]).ok).toBe(false);
	});
});

describe('page sizes by cost', () => {
	it('keeps the requested cost of a page within 1,000 points, and grows pages once Shopify reports a lower cost', () => {
		const sizer = new PageSizer({ fixed: 2, perNode: variantWithLevelsCost(2, 'one') });
		const first = sizer.size();
		expect(sizer.estimate(first)).toBeLessThanOrEqual(1000);
		expect(first).toBe(Math.floor(998 / 5));
		sizer.observe(2 + first * 4, first);
		expect(sizer.size()).toBe(249);
		sizer.observe(2 + 10 * 2, 10);
		expect(sizer.size()).toBe(250);
	});

	it('shrinks pages when Shopify charges more than the model, and refuses a read one item of which exceeds the budget', () => {
		const sizer = new PageSizer({ fixed: 3, perNode: locationLevelCost(1) });
		sizer.observe(3 + 100 * 12, 100);
		expect(sizer.size()).toBe(Math.floor(997 / 12));
		expect(() => new PageSizer({ fixed: 2, perNode: variantWithLevelsCost(8, 250) })).toThrow(/above the 1000 Shopify allows in one query/);
	});
});

describe('bulk inventory query', () => {
	it.each([...SUPPORTED_API_VERSIONS])('validates against the Admin API %s schema', (version) => {
		expect(validate(adminSchema(version), parse(bulkInventoryQuery(['available', 'on_hand']))).map((error) => error.message)).toEqual([]);
	});

	it('writes only checked quantity names into the query text', () => {
		expect(bulkInventoryQuery(['available'])).toContain('quantities(names: ["available"])');
		expect(() => bulkInventoryQuery(['available"]) { x } #'])).toThrow(/not one of Shopify's inventory states/);
	});
});

describe('rows read in bulk matched to requests', () => {
	it('finds a SKU, reports a SKU on two items as ambiguous and an absent one as unknown', () => {
		const rows = [row(), row({ sku: 'CAP', inventoryItemId: 'gid://shopify/InventoryItem/2' }), row({ sku: 'CAP', inventoryItemId: 'gid://shopify/InventoryItem/3' })];
		const results = resultsFromRows(
			[
				{ itemIndex: 0, identifierType: 'sku', identifier: 'TEE-S' },
				{ itemIndex: 1, identifierType: 'sku', identifier: 'CAP' },
				{ itemIndex: 2, identifierType: 'sku', identifier: 'MUG' },
				{ itemIndex: 3, identifierType: 'inventoryItemId', identifier: 'gid://shopify/InventoryItem/1' },
			],
			rows,
			[{ id: 'gid://shopify/Location/1', name: 'Main Store' }],
		);
		expect(results.map((result) => (result.ok ? result.rows.length : result.error.code))).toEqual([1, 'AMBIGUOUS_SKU', 'UNKNOWN_SKU', 1]);
	});
});

describe('POS counts', () => {
	it('takes numbers and numeric text, and refuses empty SKUs, fractions, bad dates and a SKU counted twice', () => {
		const { counts, refused } = checkPosCounts([
			{ itemIndex: 0, sku: 'A', quantity: '12', lastChangedAt: '2026-11-20T09:00:00+01:00', posItemId: 'V1' },
			{ itemIndex: 1, sku: '', quantity: 1 },
			{ itemIndex: 2, sku: 'B', quantity: 1.5 },
			{ itemIndex: 3, sku: 'C', quantity: 1, lastChangedAt: 'yesterday' },
			{ itemIndex: 4, sku: 'A', quantity: 3 },
			{ itemIndex: 5, sku: 'D', quantity: -2 },
		]);
		expect(counts).toEqual([
			{ itemIndex: 0, sku: 'A', quantity: 12, lastChangedAt: '2026-11-20T08:00:00.000Z', posItemId: 'V1' },
			{ itemIndex: 5, sku: 'D', quantity: -2, lastChangedAt: null, posItemId: null },
		]);
		expect([...refused].map(([index, refusal]) => [index, refusal.code])).toEqual([
			[1, 'MISSING_SKU'],
			[2, 'INVALID_QUANTITY'],
			[3, 'INVALID_DATE'],
			[4, 'DUPLICATE_SKU'],
		]);
		expect(refused.get(4)!.message).toContain('items 0 and 4');
	});
});

describe('comparing one count', () => {
	const count = { itemIndex: 0, sku: 'TEE-S', quantity: 7, lastChangedAt: '2026-11-20T08:00:00.000Z', posItemId: 'V1' };

	it('reports the difference as POS minus Shopify, with both sides\' last change', () => {
		expect(compareCount(count, { ok: true, rows: [row()] }, { quantityName: 'available' })).toMatchObject({
			status: 'drifted',
			pos: 7,
			shopify: 5,
			difference: 2,
			posLastChangedAt: '2026-11-20T08:00:00.000Z',
			shopifyLastChangedAt: '2026-11-20T09:00:00Z',
			posItemId: 'V1',
		});
		expect(compareCount({ ...count, quantity: 5 }, { ok: true, rows: [row()] }, { quantityName: 'available' })).toMatchObject({ status: 'inSync', difference: 0 });
	});

	it('holds back a SKU whose Shopify stock changed after the counts were read', () => {
		const readAt = Date.parse('2026-11-20T08:30:00Z');
		expect(compareCount(count, { ok: true, rows: [row()] }, { quantityName: 'available', countsReadAt: readAt }).status).toBe('changedSinceCount');
		expect(compareCount(count, { ok: true, rows: [row({ updatedAt: '2026-11-20T08:00:00Z' })] }, { quantityName: 'available', countsReadAt: readAt }).status).toBe('drifted');
	});

	it('reports an unmapped or untracked SKU with its reason, never a difference', () => {
		const unmapped = compareCount(count, { ok: false, error: { code: 'AMBIGUOUS_SKU', message: 'shared' } }, { quantityName: 'available' });
		expect(unmapped).toMatchObject({ status: 'unmapped', difference: null, error: { code: 'AMBIGUOUS_SKU' } });
		expect(compareCount(count, { ok: true, rows: [row({ tracked: false })] }, { quantityName: 'available' })).toMatchObject({ status: 'unmapped', error: { code: 'NOT_TRACKED' } });
	});
});
