/**
 * lib/shopify/inventory's readers against the Shopify simulator (documents executed on the real Admin
 * schema): by SKU, variant and inventory item ID, at one, several or all locations, every quantity name,
 * a full read of a location, the bulk path, and unknown / shared SKUs reported, never guessed.
 */
import { nodeHttpSend } from '../../../lib/http/nodeHttpSend';
import { ShopifyClient } from '../../../lib/shopify/client';
import { INVENTORY_QUANTITY_NAMES } from '../../../lib/shopify/inventory/quantityNames';
import { readInventoryAtLocations, readInventoryOfItems } from '../../../lib/shopify/inventory/readInventory';
import type { LevelRequest } from '../../../lib/shopify/inventory/levelTypes';
import { ShopStore } from '../../../simulator/shopify/store/shopStore';
import { TOKEN, startInventoryStore, type InventoryStore } from './inventorySimulator';

let store: InventoryStore;
let client: ShopifyClient;
const bulk = {
	download: async (url: string) => {
		const response = await fetch(url);
		const bytes = new Uint8Array(await response.arrayBuffer());
		return (async function* () {
			yield bytes;
		})();
	},
	sleep: () => new Promise<void>((resolve) => setImmediate(resolve)),
	pollDelayMs: () => 0,
};

beforeAll(async () => {
	store = await startInventoryStore(600);
	// A bucket no read here can empty: these tests are about what is asked, not about waiting (see the bench).
	store.sim.applyConfig({ maximumAvailable: 1_000_000, restoreRate: 1_000_000 });
	client = new ShopifyClient({ shop: store.origin, apiVersion: '2026-10', credentials: { authentication: 'accessToken', accessToken: TOKEN }, send: nodeHttpSend });
});
afterAll(() => store.close());

const level = (inventoryItemId: string, locationId: string) => store.sim.store.inventoryItems.get(inventoryItemId)!.levels.get(locationId)!;
const graphqlSince = (sequence: number) => store.sim.log.list(sequence).filter((entry) => entry.endpoint === 'graphql');
const lastSequence = () => store.sim.log.list().at(-1)?.sequence ?? 0;

describe('reading Shopify stock levels', () => {
	it('reads 500 SKUs at one location in a few cost-sized calls, with every identifier and each quantity asked for', async () => {
		const [main] = store.seed.locations;
		const skus = store.uniqueSkus.slice(0, 500);
		const since = lastSequence();
		const requests: LevelRequest[] = skus.map((entry, itemIndex) => ({ itemIndex, identifierType: 'sku', identifier: entry.sku }));
		const { result, stats } = await readInventoryOfItems(client, requests, { scope: { kind: 'some', selectors: [{ by: 'id', id: main.id }] }, names: ['available', 'on_hand'], fetchMode: 'paged', bulk });
		const calls = graphqlSince(since);
		// 1 locations call + 500 SKUs in pages of ≤ 250 (the first sized by the model, the next by what Shopify charged).
		expect(calls.length).toBe(4);
		expect(stats.calls).toBe(calls.length);
		for (const entry of calls) expect(entry.requestedCost).toBeLessThanOrEqual(1000);
		result.forEach((found, index) => {
			expect(found.ok).toBe(true);
			if (!found.ok) return;
			expect(found.rows).toHaveLength(1);
			const row = found.rows[0];
			const stored = level(skus[index].inventoryItemId, main.id);
			expect(row).toEqual({
				sku: skus[index].sku,
				variantId: skus[index].variantId,
				inventoryItemId: skus[index].inventoryItemId,
				locationId: main.id,
				locationName: main.name,
				tracked: true,
				quantities: { available: ShopStore.quantity(stored, 'available'), on_hand: ShopStore.quantity(stored, 'on_hand') },
				updatedAt: stored.updatedAt,
			});
		});
	});

	it('reads every quantity name at every location, by variant ID and inventory item ID', async () => {
		const [a, b] = store.uniqueSkus;
		const requests: LevelRequest[] = [
			{ itemIndex: 0, identifierType: 'variantId', identifier: a.variantId },
			{ itemIndex: 1, identifierType: 'inventoryItemId', identifier: b.inventoryItemId },
		];
		const stored = level(a.inventoryItemId, store.seed.locations[1].id);
		stored.quantities.damaged = 3;
		stored.quantities.safety_stock = 2;
		const { result } = await readInventoryOfItems(client, requests, { scope: { kind: 'all' }, names: [...INVENTORY_QUANTITY_NAMES], fetchMode: 'paged', bulk });
		expect(result.map((found) => (found.ok ? found.rows.map((row) => row.locationName) : found.error.code))).toEqual([
			store.seed.locations.map((location) => location.name),
			store.seed.locations.map((location) => location.name),
		]);
		const row = result[0].ok ? result[0].rows[1] : undefined;
		expect(Object.keys(row!.quantities).sort()).toEqual([...INVENTORY_QUANTITY_NAMES].sort());
		expect(row!.quantities).toMatchObject({ damaged: 3, safety_stock: 2, on_hand: ShopStore.quantity(stored, 'on_hand') });
		expect(result[1].ok && result[1].rows[0]).toMatchObject({ sku: b.sku, variantId: b.variantId, inventoryItemId: b.inventoryItemId });
	});

	it('reports an unknown SKU and a SKU two variants share per item, and never guesses', async () => {
		const requests: LevelRequest[] = [
			{ itemIndex: 0, identifierType: 'sku', identifier: 'NO-SUCH-SKU' },
			{ itemIndex: 1, identifierType: 'sku', identifier: store.sharedSku! },
			{ itemIndex: 2, identifierType: 'sku', identifier: store.uniqueSkus[0].sku.toLowerCase() },
			{ itemIndex: 3, identifierType: 'sku', identifier: store.uniqueSkus[0].sku },
		];
		const { result } = await readInventoryOfItems(client, requests, { scope: { kind: 'some', selectors: [{ by: 'name', name: 'warehouse' }] }, names: ['available'], fetchMode: 'paged', bulk });
		expect(result.map((found) => (found.ok ? 'ok' : found.error.code))).toEqual(['UNKNOWN_SKU', 'AMBIGUOUS_SKU', 'UNKNOWN_SKU', 'ok']);
		expect(!result[1].ok && result[1].error.message).toContain(store.sharedSku!);
	});

	it('refuses an unknown quantity name or location before any stock query', async () => {
		await expect(readInventoryOfItems(client, [], { scope: { kind: 'all' }, names: ['sold'], bulk })).rejects.toThrow(/"sold" is not one of Shopify's inventory states/);
		await expect(
			readInventoryOfItems(client, [], { scope: { kind: 'some', selectors: [{ by: 'name', name: 'Moon Base' }] }, names: ['available'], bulk }),
		).rejects.toThrow(/No active location is named "Moon Base"\. Active locations: "Main Store"/);
	});

	it('full read: every tracked item at a location, paged to the end; the bulk path gives the same rows', async () => {
		const [main] = store.seed.locations;
		const since = lastSequence();
		const paged = await readInventoryAtLocations(client, { scope: { kind: 'some', selectors: [{ by: 'id', id: main.id }] }, names: ['available'], fetchMode: 'paged', bulk });
		expect(paged.result).toHaveLength(store.sim.store.inventoryItems.size);
		expect(graphqlSince(since).every((entry) => (entry.requestedCost ?? 0) <= 1000)).toBe(true);
		const bulkRead = await readInventoryAtLocations(client, { scope: { kind: 'some', selectors: [{ by: 'id', id: main.id }] }, names: ['available'], fetchMode: 'bulk', bulk });
		expect(bulkRead.stats.bulk).toBe(true);
		const key = (row: { inventoryItemId: string }) => row.inventoryItemId;
		expect([...bulkRead.result].sort((x, y) => key(x).localeCompare(key(y)))).toEqual([...paged.result].sort((x, y) => key(x).localeCompare(key(y))));
	});

	it('Auto: a catalogue above the threshold is read in bulk, below it page by page', async () => {
		const scope = { kind: 'some' as const, selectors: [{ by: 'id' as const, id: store.seed.locations[0].id }] };
		const small = await readInventoryAtLocations(client, { scope, names: ['available'], bulkThreshold: 10_000, bulk });
		expect(small.stats.bulk).toBe(false);
		const large = await readInventoryAtLocations(client, { scope, names: ['available'], bulkThreshold: 100, bulk });
		expect(large.stats.bulk).toBe(true);
		expect(large.result.length).toBe(small.result.length);
		const requests: LevelRequest[] = store.uniqueSkus.slice(0, 150).map((entry, itemIndex) => ({ itemIndex, identifierType: 'sku', identifier: entry.sku }));
		const listed = await readInventoryOfItems(client, [...requests, { itemIndex: 150, identifierType: 'sku', identifier: store.sharedSku! }], { scope, names: ['available'], bulkThreshold: 100, bulk });
		expect(listed.stats.bulk).toBe(true);
		expect(listed.result.slice(0, 150).every((found) => found.ok)).toBe(true);
		expect(!listed.result[150].ok && listed.result[150].error.code).toBe('AMBIGUOUS_SKU');
	});
});
