import { startShopifySimulator, type RunningShopifySimulator } from '../../../simulator/shopify';
import { adminGraphql } from './helpers/adminApi';

const LEVEL = `query Level($id: ID!, $locationId: ID!) {
	inventoryItem(id: $id) { inventoryLevel(locationId: $locationId) { updatedAt quantities(names: ["available", "on_hand"]) { name quantity } } }
}`;

describe('Shopify simulator: inventory reads and scheduled stock changes', () => {
	let sim: RunningShopifySimulator;
	let locationId: string;
	let item: { inventoryItemId: string; sku: string };

	beforeAll(async () => {
		sim = await startShopifySimulator({ seed: { seed: 5, products: 12, locations: 2 } });
		const levels = await sim.control.inventory();
		locationId = levels[0].locationId;
		item = { inventoryItemId: levels[0].inventoryItemId, sku: levels[0].sku! };
	});
	afterAll(() => sim.close());

	it('counts product variants as Shopify does (capped at the limit, then AT_LEAST)', async () => {
		const query = 'query Count($limit: Int) { productVariantsCount(limit: $limit) { count precision } }';
		const total = sim.simulator.store.variants.size;
		expect((await adminGraphql(sim, query, { limit: null })).body.data).toEqual({ productVariantsCount: { count: total, precision: 'EXACT' } });
		expect((await adminGraphql(sim, query, { limit: 3 })).body.data).toEqual({ productVariantsCount: { count: 3, precision: 'AT_LEAST' } });
	});

	it('applies a scheduled sale just before the nth request of an operation, and only then', async () => {
		const read = async () =>
			(await adminGraphql<{ inventoryItem: { inventoryLevel: { quantities: { name: string; quantity: number }[] } } }>(sim, LEVEL, { id: item.inventoryItemId, locationId })).body
				.data!.inventoryItem.inventoryLevel.quantities[0].quantity;
		const before = await read();
		await sim.control.scheduleInventoryChanges({ beforeOperation: 'Level', nth: 2, sku: item.sku, locationId, delta: -2 });
		// The 1st Level request after scheduling still sees the old quantity; the 2nd sees the sale.
		expect(await read()).toBe(before);
		expect(await read()).toBe(before - 2);
		expect(await read()).toBe(before - 2);
		const { pending, applied } = await sim.control.scheduledInventoryChanges();
		expect(pending).toEqual([]);
		expect(applied).toEqual([expect.objectContaining({ sku: item.sku, delta: -2, inventoryItemId: item.inventoryItemId, quantityAfterChange: before - 2 })]);
	});

	it('refuses a change it cannot apply, naming what is wrong', async () => {
		await expect(sim.control.scheduleInventoryChanges({ beforeOperation: 'Level', sku: 'NO-SUCH', locationId, delta: -1 })).rejects.toThrow(/no inventory item with SKU NO-SUCH/);
		await expect(sim.control.scheduleInventoryChanges({ beforeOperation: 'Level', sku: item.sku, locationId: 'gid://shopify/Location/1', delta: -1 })).rejects.toThrow(/location .* does not exist/);
	});
});
