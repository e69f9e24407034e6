/**
 * The Shopify Get Inventory node inside n8n-core's engine against the Shopify simulator: listed SKUs at a
 * location picked by name, unknown / shared SKUs on the Not Found output, several locations by ID, the full
 * read in bulk through n8n's own download helper, parameter errors that name the field, and a refused token that
 * never shows in errors or logs.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { ShopifyGetInventory } from '../../../nodes/ShopifyGetInventory/ShopifyGetInventory.node';
import { ShopifyReconcileInventory } from '../../../nodes/ShopifyReconcileInventory/ShopifyReconcileInventory.node';
import { ShopStore } from '../../../simulator/shopify/store/shopStore';
import { runNode } from '../../helpers/n8nEngine';
import { startInventoryStore, type InventoryStore } from './inventorySimulator';

let store: InventoryStore;

beforeAll(async () => {
	store = await startInventoryStore(300);
	store.sim.applyConfig({ maximumAvailable: 1_000_000, restoreRate: 1_000_000 });
});
afterAll(() => store.close());

const run = (parameters: INodeParameters, input: IDataObject[] = [{}]) =>
	runNode({ nodeType: ShopifyGetInventory, parameters, input, credentials: store.credentials });

describe('Shopify Get Inventory (n8n engine + simulator)', () => {
	it('one item per SKU and location with the identifiers a POS mapping needs; unknown and shared SKUs on Not Found', async () => {
		const [main] = store.seed.locations;
		const skus = store.uniqueSkus.slice(0, 3);
		const result = await run(
			{ read: 'items', identifierType: 'sku', sku: '={{ $json.sku }}', locationScope: 'one', location: { __rl: true, mode: 'name', value: main.name }, quantityNames: ['available', 'committed'] },
			[...skus.map((entry) => ({ sku: entry.sku })), { sku: 'NOPE-1' }, { sku: store.sharedSku }],
		);
		expect(result.error).toBeUndefined();
		const found = result.json(0);
		expect(found).toHaveLength(3);
		skus.forEach((entry, index) => {
			const level = store.sim.store.inventoryItems.get(entry.inventoryItemId)!.levels.get(main.id)!;
			expect(found[index]).toEqual({
				sku: entry.sku,
				variantId: entry.variantId,
				inventoryItemId: entry.inventoryItemId,
				locationId: main.id,
				locationName: main.name,
				quantities: { available: ShopStore.quantity(level, 'available'), committed: level.quantities.committed },
				updatedAt: level.updatedAt,
				tracked: true,
			});
		});
		expect(result.output(0).map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.json(1).map((item) => item.errorCode)).toEqual(['UNKNOWN_SKU', 'AMBIGUOUS_SKU']);
		expect(result.output(1).map((item) => item.pairedItem)).toEqual([{ item: 3 }, { item: 4 }]);
	});

	it('several locations by ID: one item per location', async () => {
		const ids = store.seed.locations.map((location) => location.id.split('/').pop()).join(', ');
		const result = await run(
			{ read: 'items', identifierType: 'variantId', variantId: '={{ $json.id }}', locationScope: 'several', locationList: ids, quantityNames: ['on_hand'] },
			[{ id: store.uniqueSkus[5].variantId }],
		);
		expect(result.json(0).map((item) => item.locationName)).toEqual(store.seed.locations.map((location) => location.name));
	});

	it('full read in bulk: every tracked item at the location, downloaded through n8n', async () => {
		const [main] = store.seed.locations;
		const result = await run({ read: 'location', locationScope: 'one', location: { __rl: true, mode: 'id', value: main.id }, quantityNames: ['available'], options: { fetchMode: 'bulk' } });
		expect(result.error).toBeUndefined();
		expect(result.json(0)).toHaveLength(store.sim.store.inventoryItems.size);
		expect(store.sim.log.list().some((entry) => entry.operationName === 'BulkQueryRun')).toBe(true);
	});

	it('a bad quantity name or location stops the run with a message naming it', async () => {
		const bad = await run({ read: 'location', locationScope: 'several', locationList: 'Main Store, Moon Base', quantityNames: ['available'] });
		expect(bad.error?.message).toMatch(/No active location is named "Moon Base"/);
		// An expression gets past the editor's check; the node still names the field.
		const badId = await run({ read: 'location', locationScope: 'one', location: { __rl: true, mode: 'id', value: '={{ $json.location }}' }, quantityNames: ['available'] }, [{ location: 'abc' }]);
		expect(badId.error?.message).toMatch(/Location ID "abc" is not a Shopify location ID/);
		const badName = await run({ read: 'location', locationScope: 'all', quantityNames: '={{ ["available", "sold"] }}' });
		expect(badName.error?.message).toMatch(/"sold" is not one of Shopify's inventory states: available, on_hand, committed/);
	});

	it('a refused token stops the run with advice, and the token appears nowhere in the error or the logs', async () => {
		const secret = 'shpat_wrong_token_never_shown_0123456789';
		const result = await runNode({
			nodeType: ShopifyGetInventory,
			parameters: { read: 'location', locationScope: 'all', quantityNames: ['available'] },
			credentials: { shopifyAdminApi: { ...store.credentials.shopifyAdminApi, accessToken: secret } },
		});
		expect(result.error).toBeDefined();
		const seen = JSON.stringify({ error: result.error, description: (result.error as { description?: unknown }).description, logs: result.logs });
		expect(seen).toMatch(/401|access token|Invalid API key/i);
		expect(seen).not.toContain(secret);
	});

	it('Shopify Reconcile Inventory: a bad Counts Read At stops the run naming the field', async () => {
		const result = await runNode({
			nodeType: ShopifyReconcileInventory,
			parameters: { location: { __rl: true, mode: 'id', value: store.seed.locations[0].id }, options: { countsReadAt: 'last night' } },
			input: [{ sku: store.uniqueSkus[0].sku, quantity: 1 }],
			credentials: store.credentials,
		});
		expect(result.error?.message).toMatch(/Counts Read At "last night" is not a date/);
	});
});

