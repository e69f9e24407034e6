import type { PosSimulatorClient } from '../../../../simulator/pos/client';
import type { PosSimulator } from '../../../../simulator/pos/posSimulator';
import { setup, startLightspeed, type Json, type LightspeedApi } from './lightspeedKit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Lightspeed X-Series simulator: setup, products and inventory', () => {
	let sim: PosSimulator;
	let api: LightspeedApi;
	let control: PosSimulatorClient;

	beforeEach(async () => {
		({ sim, api, control } = await startLightspeed());
	});
	afterEach(() => sim.stop());

	it('lists the seeded outlet, registers, users, payment types and taxes, all with UUIDs', async () => {
		const outlets = (await api.get('/api/2.0/outlets')).json.data as Json[];
		expect(outlets).toEqual([{ id: expect.stringMatching(UUID), name: 'Main Outlet' }]);
		const registers = (await api.get('/api/2.0/registers')).json.data as Json[];
		expect(registers.map((register) => [register.name, register.outlet_id])).toEqual([
			['Main Register', outlets[0].id],
			['Online Sales (Shopify)', outlets[0].id],
		]);
		expect(((await api.get('/api/2.0/users')).json.data as Json[]).map((user) => user.display_name)).toEqual(['Shop Owner', 'Shopify Sync']);
		expect(((await api.get('/api/2.0/payment_types')).json.data as Json[]).map((type) => type.name)).toEqual(['Cash', 'Shopify']);
		const taxes = (await api.get('/api/2.0/taxes')).json.data as Json[];
		expect(taxes.map(({ name, rate }) => ({ name, rate }))).toEqual([{ name: 'No Tax', rate: 0 }, { name: 'GST', rate: 0.15 }]);
		for (const record of [...registers, ...taxes]) expect(record.id).toMatch(UUID);
	});

	it('a reset simulator hands out the same ids as a fresh one', async () => {
		const before = setup(sim);
		await control.lightspeedProducts([{ sku: 'A', name: 'A', price: 1 }]);
		await control.reset();
		expect(setup(sim)).toEqual(before);
		expect((await control.lightspeedState()).products).toEqual([]);
	});

	it('finds a product by SKU ignoring case, and answers [] for none', async () => {
		const [tee] = await control.lightspeedProducts([
			{ sku: 'TEE-Blue', name: 'Tee', price: 25, stock: 10 },
			{ sku: 'MUG', name: 'Mug', price: 12.5 },
		]);
		expect(tee).toMatchObject({ id: expect.stringMatching(UUID), sku: 'TEE-Blue', name: 'Tee', variant_name: 'Tee', active: true, has_inventory: true, is_composite: false, price_excluding_tax: 25, deleted_at: null, version: expect.any(Number), created_at: '2026-12-01T10:00:00+00:00' });
		expect((await api.get('/api/2.0/products?sku=tee-blue')).json).toEqual({ data: [tee] });
		expect((await api.get('/api/2.0/products?sku=TEE-BLUE')).json.data).toHaveLength(1);
		expect((await api.get('/api/2.0/products?sku=TEE')).json).toEqual({ data: [] });
		expect((await api.get(`/api/2.0/products/${tee.id}`)).json).toEqual({ data: tee });
		const missing = await api.get('/api/2.0/products/00000000-0000-4000-8000-000000000000');
		expect(missing).toMatchObject({ status: 404, json: { error: 'Not Found' } });
		expect((await api.get(`/api/2.0/products/${tee.id}/inventory`)).json.data).toEqual([
			{ id: expect.stringMatching(UUID), product_id: tee.id, outlet_id: setup(sim).outlet, inventory_level: 10, current_amount: 10, version: expect.any(Number) },
		]);
	});

	it('pages products by version: after, page_size, the empty end', async () => {
		const products = sim.lightspeed.addProducts(Array.from({ length: 5 }, (_, index) => ({ sku: `P${index}`, name: `Product ${index}`, price: index })));
		const versions = products.map((product) => product.version);
		expect(versions).toEqual([...versions].sort((a, b) => a - b));
		const first = await api.get('/api/2.0/products?page_size=2');
		expect(first.json.data.map((product: Json) => product.sku)).toEqual(['P0', 'P1']);
		expect(first.json.version).toEqual({ min: versions[0], max: versions[1] });
		const second = await api.get(`/api/2.0/products?after=${first.json.version.max}&page_size=2`);
		expect(second.json.data.map((product: Json) => product.sku)).toEqual(['P2', 'P3']);
		const third = await api.get(`/api/2.0/products?after=${second.json.version.max}&page_size=2`);
		expect(third.json).toMatchObject({ data: [{ sku: 'P4' }], version: { min: versions[4], max: versions[4] } });
		expect((await api.get(`/api/2.0/products?after=${third.json.version.max}`)).json).toEqual({ data: [], version: null });
		expect((await api.get('/api/2.0/products?after=soon')).json).toEqual({ error: 'Bad Request', details: 'after: must be a whole number' });
	});

	it('a page holds 50 by default and at most 200', async () => {
		sim.lightspeed.addProducts(Array.from({ length: 230 }, (_, index) => ({ sku: `P${index}`, name: `P${index}`, price: 1 })));
		expect((await api.get('/api/2.0/products')).json.data).toHaveLength(50);
		expect((await api.get('/api/2.0/products?page_size=1000')).json.data).toHaveLength(200);
	});

	it('inventory is a change feed: every change gives the record a new global version', async () => {
		const [tee, mug] = await control.lightspeedProducts([
			{ sku: 'TEE', name: 'Tee', price: 25, stock: 10 },
			{ sku: 'MUG', name: 'Mug', price: 12, stock: 4 },
		]);
		const all = await api.get('/api/2.0/inventory');
		expect(all.json.data.map((record: Json) => [record.product_id, record.inventory_level])).toEqual([
			[tee.id, 10],
			[mug.id, 4],
		]);
		expect(all.json.data[0].version).toBeGreaterThan(tee.version);
		await control.lightspeedStocktake({ counts: [{ sku: 'TEE', count: 7 }] });
		const changed = await api.get(`/api/2.0/inventory?after=${all.json.version.max}`);
		expect(changed.json.data).toEqual([expect.objectContaining({ product_id: tee.id, inventory_level: 7, current_amount: 7 })]);
		expect(changed.json.version.min).toBeGreaterThan(all.json.version.max);
		expect((await api.get(`/api/2.0/inventory?outlet_id=${setup(sim).outlet}`)).json.data).toHaveLength(2);
		expect((await api.get('/api/2.0/inventory?outlet_id=elsewhere')).json).toEqual({ data: [], version: null });
	});

	it('answers 404 for other 2.0 paths and methods, and 400 without a User-Agent', async () => {
		expect(await api.get('/api/2.0/customers')).toMatchObject({ status: 404, json: { error: 'Not Found' } });
		expect(await api.post('/api/2.0/products', {})).toMatchObject({ status: 404, json: { error: 'Not Found' } });
		expect((await api.send('GET', '/api/2.0/outlets', undefined, {})).status).toBe(400);
		expect((await api.send('POST', '/api/2026-04/sales', {}, {})).status).toBe(400);
	});
});
