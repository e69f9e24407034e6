import type { PosSimulatorClient } from '../../../../simulator/pos/client';
import type { PosSimulator } from '../../../../simulator/pos/posSimulator';
import { ISO_MS, level, seedShop, startLoyverse, type Json, type LoyverseApi } from './loyverseKit';

describe('Loyverse simulator: inventory', () => {
	let sim: PosSimulator;
	let api: LoyverseApi;
	let control: PosSimulatorClient;
	let clock: { now: number };
	let shop: Awaited<ReturnType<typeof seedShop>>;
	let main: string;

	beforeEach(async () => {
		({ sim, api, control, clock } = await startLoyverse());
		shop = await seedShop(control);
		main = sim.loyverse.stores.main().id;
	});
	afterEach(() => sim.stop());

	const write = (levels: Json[]) => api.post('/v1.0/inventory', { inventory_levels: levels });

	it('reads levels by store and variant, with updated_at', async () => {
		const all = await api.get('/v1.0/inventory');
		expect(all.status).toBe(200);
		expect(all.json.inventory_levels).toEqual([
			{ variant_id: shop.small, store_id: main, in_stock: 10, updated_at: '2026-12-06T10:00:00.000Z' },
			{ variant_id: shop.large, store_id: main, in_stock: 4, updated_at: '2026-12-06T10:00:00.000Z' },
			{ variant_id: shop.cup, store_id: main, in_stock: 0, updated_at: '2026-12-06T10:00:00.000Z' },
		]);
		const [annex] = await control.loyverseStores([{ name: 'Annex' }]);
		await write([{ variant_id: shop.cup, store_id: annex.id, stock_after: 6 }]);
		expect((await api.get(`/v1.0/inventory?store_ids=${annex.id}`)).json.inventory_levels).toEqual([expect.objectContaining({ variant_id: shop.cup, store_id: annex.id, in_stock: 6 })]);
		expect((await api.get(`/v1.0/inventory?variant_ids=${shop.cup},${shop.large}&store_ids=${main}`)).json.inventory_levels.map((entry: Json) => entry.in_stock)).toEqual([4, 0]);
	});

	it('updated_at_min finds the levels changed since, and cursor pages them without repeats', async () => {
		clock.now += 60_000;
		await control.loyverseItems(Array.from({ length: 12 }, (_, index) => ({ name: `Item ${index}`, variants: [{ sku: `SKU-${index}`, price: 1, stock: index }] })));
		const since = await api.get('/v1.0/inventory?updated_at_min=2026-12-06T10:01:00.000Z');
		expect(since.json.inventory_levels).toHaveLength(12);
		const { items, pages } = await api.allPages('/v1.0/inventory?updated_at_min=2026-12-06T10:01:00.000Z', 'inventory_levels', 5);
		expect(pages).toBe(3);
		expect(items.map((entry) => entry.in_stock)).toEqual(Array.from({ length: 12 }, (_, index) => index));
		expect((await api.get('/v1.0/inventory?limit=2')).json.cursor).toEqual(expect.any(String));
	});

	it('stock_after is the level after the write, not a delta: a write sets, and the same write twice leaves the same level', async () => {
		clock.now += 1000;
		const first = await write([{ variant_id: shop.small, store_id: main, stock_after: 7 }]);
		expect(first).toMatchObject({ status: 200, json: { inventory_levels: [{ variant_id: shop.small, store_id: main, in_stock: 7, updated_at: '2026-12-06T10:00:01.000Z' }] } });
		expect(level(sim, shop.small)).toBe(7);
		clock.now += 1000;
		expect((await write([{ variant_id: shop.small, store_id: main, stock_after: 7 }])).json.inventory_levels[0]).toMatchObject({ in_stock: 7, updated_at: '2026-12-06T10:00:02.000Z' });
		expect(level(sim, shop.small)).toBe(7);
		await write([{ variant_id: shop.small, store_id: main, stock_after: 0 }, { variant_id: shop.large, store_id: main, stock_after: 12.5 }]);
		expect([level(sim, shop.small), level(sim, shop.large)]).toEqual([0, 12.5]);
	});

	it('an unknown variant or store is refused naming the field, and nothing of the request is applied', async () => {
		const unknownVariant = await write([{ variant_id: shop.small, store_id: main, stock_after: 1 }, { variant_id: '00000000-0000-4000-8000-000000000000', store_id: main, stock_after: 3 }]);
		expect(unknownVariant).toMatchObject({ status: 404, json: { errors: [{ code: 'NOT_FOUND', field: 'inventory_levels[1].variant_id' }] } });
		const unknownStore = await write([{ variant_id: shop.small, store_id: 'store-1', stock_after: 1 }]);
		expect(unknownStore).toMatchObject({ status: 404, json: { errors: [{ code: 'NOT_FOUND', field: 'inventory_levels[0].store_id' }] } });
		expect(await write([{ variant_id: shop.small, store_id: main }])).toMatchObject({ status: 400, json: { errors: [{ code: 'MISSING_REQUIRED_PARAMETER', field: 'inventory_levels[0].stock_after' }] } });
		expect(await write([{ variant_id: shop.small, store_id: main, stock_after: '5' }])).toMatchObject({ status: 400, json: { errors: [{ code: 'INCORRECT_VALUE_TYPE', field: 'inventory_levels[0].stock_after' }] } });
		expect(await api.post('/v1.0/inventory', {})).toMatchObject({ status: 400, json: { errors: [{ code: 'MISSING_REQUIRED_PARAMETER', field: 'inventory_levels' }] } });
		expect(level(sim, shop.small)).toBe(10);
		expect(sim.loyverse.webhooks.deliveries()).toHaveLength(0);
	});

	it('an updated_at sent is ignored by default; with inventoryUpdatedAtCheck an older one is a 409 and changes nothing', async () => {
		clock.now += 5000;
		await write([{ variant_id: shop.small, store_id: main, stock_after: 9 }]);
		const stale = { variant_id: shop.small, store_id: main, stock_after: 8, updated_at: '2026-12-06T10:00:00.000Z' };
		expect((await write([stale])).status).toBe(200);
		expect(level(sim, shop.small)).toBe(8);
		await control.loyverseSettings({ inventoryUpdatedAtCheck: true });
		const refused = await write([{ ...stale, stock_after: 1 }]);
		expect(refused).toMatchObject({ status: 409, json: { errors: [{ code: 'CONFLICT', field: 'inventory_levels[0].updated_at' }] } });
		expect(level(sim, shop.small)).toBe(8);
		const current = (await api.get(`/v1.0/inventory?variant_ids=${shop.small}`)).json.inventory_levels[0].updated_at as string;
		expect(current).toMatch(ISO_MS);
		expect((await write([{ ...stale, stock_after: 2, updated_at: current }])).status).toBe(200);
		expect(level(sim, shop.small)).toBe(2);
	});

	it('a write queues inventory_levels.update with the levels written', async () => {
		await api.post('/v1.0/webhooks', { url: 'http://127.0.0.1:9/hook', type: 'inventory_levels.update', status: 'ENABLED' });
		await write([{ variant_id: shop.small, store_id: main, stock_after: 3 }, { variant_id: shop.cup, store_id: main, stock_after: 1 }]);
		const [queued] = sim.loyverse.webhooks.deliveries();
		expect(JSON.parse(queued.body)).toEqual({
			merchant_id: sim.loyverse.merchantId,
			type: 'inventory_levels.update',
			created_at: '2026-12-06T10:00:00.000Z',
			inventory_levels: [
				{ variant_id: shop.small, store_id: main, in_stock: 3, updated_at: '2026-12-06T10:00:00.000Z' },
				{ variant_id: shop.cup, store_id: main, in_stock: 1, updated_at: '2026-12-06T10:00:00.000Z' },
			],
		});
	});
});
