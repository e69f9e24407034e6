import { seedStore } from '../../../simulator/shopify/store/seed';
import { ShopStore } from '../../../simulator/shopify/store/shopStore';

function seeded(seed: number) {
	const store = new ShopStore(() => Date.parse('2026-11-20T12:00:00Z'));
	const summary = seedStore(store, { seed, orders: 200, products: 15, locations: 3, duplicateSku: true });
	const levels = [...store.inventoryItems.values()].map((item) => [item.sku, [...item.levels.values()].map((l) => l.quantities)]);
	return { summary, orders: JSON.stringify([...store.orders.values()]), levels: JSON.stringify(levels), store };
}

describe('Shopify simulator: seeding', () => {
	it('builds the same store from the same seed, and another from another seed', () => {
		const a = seeded(42);
		const b = seeded(42);
		const c = seeded(43);
		expect(b.summary).toEqual(a.summary);
		expect(b.orders).toBe(a.orders);
		expect(b.levels).toBe(a.levels);
		expect(c.orders).not.toBe(a.orders);
	});

	it('spreads orders over the 30 days before now, shares one SKU when asked, and indexes every order', () => {
		const { store, summary } = seeded(1);
		const orders = [...store.orders.values()];
		expect(orders).toHaveLength(200);
		for (const order of orders) {
			expect(order.createdAt >= '2026-10-21T12:00:00Z' && order.createdAt <= '2026-11-20T12:00:00Z').toBe(true);
			expect(order.updatedAt >= order.createdAt).toBe(true);
		}
		const skus = summary.variants.map((v) => v.sku);
		expect(skus.length - new Set(skus).size).toBe(1);
		expect(store.orderIndexes.UPDATED_AT.length).toBe(200);
		for (let i = 1; i < 200; i++) expect(store.orderIndexes.UPDATED_AT.at(i).updatedAt >= store.orderIndexes.UPDATED_AT.at(i - 1).updatedAt).toBe(true);
	});
});
