import { catalogCacheScope } from '../../../../../lib/pos/catalog/cacheScope';
import { resolveSkus, type ResolveSkusOptions } from '../../../../../lib/pos/catalog/resolveSkus';
import { SkuCache } from '../../../../../lib/pos/catalog/skuCache';
import type { CatalogMatch } from '../../../../../lib/pos/catalog/skuMatch';

/** A catalog that answers like Square's set_query: exact and case-insensitive. */
function fakeCatalog(entries: CatalogMatch[]) {
	const asked: string[][] = [];
	const lookup = async (skus: string[]) => {
		asked.push([...skus]);
		const wanted = new Set(skus.map((sku) => sku.toLowerCase()));
		return entries.filter((entry) => wanted.has(entry.sku.toLowerCase()));
	};
	return { asked, lookup };
}

const SQUARE = { caseInsensitive: true, vendorName: 'Square' };

describe('resolveSkus', () => {
	let now: number;
	let cache: SkuCache;
	const options = (lookup: ResolveSkusOptions['lookup'], extra: Partial<ResolveSkusOptions> = {}): ResolveSkusOptions => ({
		cache,
		scope: 'square|https://connect.squareup.com|abc|',
		ttlMs: 15 * 60_000,
		lookup,
		batchSize: 250,
		comparison: SQUARE,
		...extra,
	});

	beforeEach(() => {
		now = 1_000_000;
		cache = new SkuCache(() => now);
	});

	it('maps SKUs in one lookup, then costs no lookup while the map is warm', async () => {
		const catalog = fakeCatalog([
			{ itemId: 'VAR-1', sku: 'TEE-M' },
			{ itemId: 'VAR-2', sku: 'HAT' },
		]);
		const first = await resolveSkus(['TEE-M', 'HAT', 'TEE-M'], options(catalog.lookup));
		expect(first).toMatchObject({ lookups: 1 });
		expect([...first.mapped]).toEqual([
			['TEE-M', 'VAR-1'],
			['HAT', 'VAR-2'],
		]);
		expect(catalog.asked).toEqual([['TEE-M', 'HAT']]);
		const second = await resolveSkus(['HAT', 'TEE-M'], options(catalog.lookup));
		expect(second.lookups).toBe(0);
		expect(second.mapped.get('HAT')).toBe('VAR-2');
		expect(catalog.asked).toHaveLength(1);
	});

	it('asks again for just the SKUs it does not know, and never caches a miss', async () => {
		const entries: CatalogMatch[] = [{ itemId: 'VAR-1', sku: 'TEE-M' }];
		const catalog = fakeCatalog(entries);
		const first = await resolveSkus(['TEE-M', 'MUG'], options(catalog.lookup));
		expect(first.problems.get('MUG')).toMatchObject({ kind: 'missing', message: expect.stringContaining('SKU "MUG" is not in Square\'s catalog') });
		entries.push({ itemId: 'VAR-9', sku: 'MUG' });
		const second = await resolveSkus(['TEE-M', 'MUG'], options(catalog.lookup));
		expect(catalog.asked).toEqual([['TEE-M', 'MUG'], ['MUG']]);
		expect(second.mapped.get('MUG')).toBe('VAR-9');
		expect(second.problems.size).toBe(0);
	});

	it('forgets a mapping after the TTL (injected clock) and asks again', async () => {
		const catalog = fakeCatalog([{ itemId: 'VAR-1', sku: 'TEE-M' }]);
		await resolveSkus(['TEE-M'], options(catalog.lookup, { ttlMs: 60_000 }));
		now += 59_999;
		await resolveSkus(['TEE-M'], options(catalog.lookup, { ttlMs: 60_000 }));
		expect(catalog.asked).toHaveLength(1);
		now += 1;
		await resolveSkus(['TEE-M'], options(catalog.lookup, { ttlMs: 60_000 }));
		expect(catalog.asked).toHaveLength(2);
	});

	it('two variations whose SKUs differ only in case are an error naming both, never a guess', async () => {
		const catalog = fakeCatalog([
			{ itemId: 'VAR-1', sku: 'TEE-M', name: 'Tee, M' },
			{ itemId: 'VAR-2', sku: 'tee-m', name: 'Old tee' },
		]);
		const result = await resolveSkus(['TEE-M'], options(catalog.lookup));
		expect(result.mapped.size).toBe(0);
		expect(result.problems.get('TEE-M')).toMatchObject({
			kind: 'ambiguous',
			message:
				'SKU "TEE-M" matches 2 Square item variations (Square compares SKUs ignoring case): "TEE-M" (Tee, M, id VAR-1), "tee-m" (Old tee, id VAR-2). Give each its own SKU in Square; the node never guesses.',
		});
		// Not cached: asked again next time.
		await resolveSkus(['TEE-M'], options(catalog.lookup));
		expect(catalog.asked).toHaveLength(2);
	});

	it('one variation whose SKU differs only in case is the same SKU to Square', async () => {
		const catalog = fakeCatalog([{ itemId: 'VAR-1', sku: 'tee-m' }]);
		const result = await resolveSkus(['TEE-M'], options(catalog.lookup));
		expect(result.mapped.get('TEE-M')).toBe('VAR-1');
	});

	it('a case-sensitive vendor never maps a SKU spelt otherwise', async () => {
		const catalog = fakeCatalog([{ itemId: 'P-1', sku: 'tee-m' }]);
		const result = await resolveSkus(['TEE-M'], options(catalog.lookup, { comparison: { caseInsensitive: false, vendorName: 'Clover' } }));
		expect(result.problems.get('TEE-M')?.kind).toBe('missing');
	});

	it('splits the SKUs into batches of the vendor\'s limit', async () => {
		const skus = Array.from({ length: 520 }, (_, index) => `SKU-${index}`);
		const catalog = fakeCatalog(skus.map((sku, index) => ({ itemId: `VAR-${index}`, sku })));
		const result = await resolveSkus(skus, options(catalog.lookup));
		expect(catalog.asked.map((batch) => batch.length)).toEqual([250, 250, 20]);
		expect(result.lookups).toBe(3);
		expect(result.mapped.size).toBe(520);
	});

	it('an empty SKU is a problem without a lookup', async () => {
		const catalog = fakeCatalog([]);
		const result = await resolveSkus(['  '], options(catalog.lookup));
		expect(result.problems.get('  ')?.kind).toBe('empty');
		expect(catalog.asked).toEqual([]);
	});

	it('keeps maps apart per scope', async () => {
		const catalog = fakeCatalog([{ itemId: 'VAR-1', sku: 'TEE-M' }]);
		await resolveSkus(['TEE-M'], options(catalog.lookup, { scope: 'a' }));
		await resolveSkus(['TEE-M'], options(catalog.lookup, { scope: 'b' }));
		expect(catalog.asked).toHaveLength(2);
	});

	it('a failed lookup rejects and caches nothing', async () => {
		const failing = async () => {
			throw new Error('HTTP 503');
		};
		await expect(resolveSkus(['TEE-M'], options(failing))).rejects.toThrow('HTTP 503');
		expect(cache.size).toBe(0);
	});
});

describe('catalogCacheScope', () => {
	it('names the account by URL and a hash of the secret, never the secret itself', () => {
		const scope = catalogCacheScope({ vendor: 'square', baseUrl: 'https://Connect.SquareUp.com/', secret: 'EAAA-super-secret-token' });
		expect(scope).not.toContain('EAAA-super-secret-token');
		expect(scope).toMatch(/^square\|https:\/\/connect\.squareup\.com\|[0-9a-f]{16}\|$/);
		expect(catalogCacheScope({ vendor: 'square', baseUrl: 'https://connect.squareup.com', secret: 'EAAA-super-secret-token' })).toBe(scope);
		expect(catalogCacheScope({ vendor: 'square', baseUrl: 'https://connect.squareup.com', secret: 'another-token' })).not.toBe(scope);
		expect(catalogCacheScope({ vendor: 'clover', baseUrl: 'https://api.clover.com', secret: 't', locationId: 'M1' })).toMatch(/\|M1$/);
	});
});
