import type { PosSimulator } from '../../../../simulator/pos/posSimulator';
import type { PosSimulatorClient } from '../../../../simulator/pos/client';
import { startClover, type CloverApi, type Json } from './cloverKit';

const CLOVER_ID = /^[A-Z0-9]{13}$/;

describe('Clover simulator: items, item stocks, filters and paging', () => {
	let sim: PosSimulator;
	let api: CloverApi;
	let control: PosSimulatorClient;
	let clock: { now: number };
	let merchant: string;
	let items: Json[];
	const base = () => `/v3/merchants/${merchant}`;

	beforeEach(async () => {
		({ sim, api, control, clock, merchant } = await startClover());
		items = await control.cloverItems([
			{ name: 'Tee', sku: 'TEE-1', price: 2500, stock: 10 },
			{ name: 'Mug', sku: 'MUG-1', code: '0123456789012', price: 1200, stock: 3 },
			{ name: 'Cap', sku: 'CAP-1', price: 1800 },
		]);
	});
	afterEach(() => sim.stop());

	it('ids are 13 upper-case letters and digits, times epoch milliseconds, money in cents', async () => {
		expect(merchant).toMatch(CLOVER_ID);
		for (const item of items) expect(item.id).toMatch(CLOVER_ID);
		const tee = (await api.get(`${base()}/items/${items[0].id}`)).json;
		expect(tee).toEqual({ id: items[0].id, hidden: false, name: 'Tee', sku: 'TEE-1', price: 2500, priceType: 'FIXED', defaultTaxRates: true, isRevenue: true, modifiedTime: clock.now, deleted: false });
		expect((await api.get(`${base()}/items/${items[0].id}?expand=itemStock`)).json.itemStock).toEqual({ item: { id: items[0].id }, stockCount: 10, quantity: 10, modifiedTime: clock.now });
		expect((await api.get(base())).json).toMatchObject({ id: merchant });
		expect((await api.get(`${base()}/items/NOSUCHITEM123`)).status).toBe(404);
	});

	it('a wrong merchant id answers 401', async () => {
		const wrong = await api.get('/v3/merchants/WRONGMERCHANT/items');
		expect(wrong.status).toBe(401);
		expect(wrong.json).toHaveProperty('message');
		expect((await api.post('/v3/merchants/WRONGMERCHANT/item_stocks/' + items[0].id, { quantity: 1 })).status).toBe(401);
	});

	it('finds an item by filter=sku= and names the allowed filter fields in a header', async () => {
		const found = await api.get(`${base()}/items?filter=sku=MUG-1`);
		expect(found.status).toBe(200);
		expect(found.json.elements.map((item: Json) => item.id)).toEqual([items[1].id]);
		expect(found.json.href).toContain(`/v3/merchants/${merchant}/items`);
		expect(found.headers['x-clover-allowed-filter-fields'].split(',')).toEqual(expect.arrayContaining(['sku', 'code', 'name', 'modifiedTime', 'id', 'itemStock.quantity']));
		expect((await api.get(`${base()}/items?filter=code=0123456789012`)).json.elements).toHaveLength(1);
		const refused = await api.get(`${base()}/items?filter=colour=red`);
		expect(refused.status).toBe(400);
		expect(refused.json.message).toMatch(/^Invalid filter/);
	});

	it('with itemSkuFilter off, sku is not an allowed filter: the client pages the list to find it', async () => {
		await control.cloverSettings({ itemSkuFilter: false });
		const refused = await api.get(`${base()}/items?filter=sku=MUG-1`);
		expect(refused.status).toBe(400);
		expect(refused.headers['x-clover-allowed-filter-fields'].split(',')).not.toContain('sku');
		const found: Json[] = [];
		for (let offset = 0; ; offset += 1) {
			const page = await api.get(`${base()}/items?limit=1&offset=${offset}`);
			expect(page.status).toBe(200);
			if (page.json.elements.length === 0) break;
			found.push(...page.json.elements.filter((item: Json) => item.sku === 'MUG-1'));
		}
		expect(found.map((item) => item.id)).toEqual([items[1].id]);
	});

	it('pages with limit (default 100, at most 1,000) and offset', async () => {
		await control.cloverItems(Array.from({ length: 1200 }, (_, n) => ({ name: `Item ${n}`, sku: `S-${n}`, price: 100 })));
		expect((await api.get(`${base()}/items`)).json.elements).toHaveLength(100);
		expect((await api.get(`${base()}/items?limit=5000`)).json.elements).toHaveLength(1000);
		const last = await api.get(`${base()}/items?limit=1000&offset=1000`);
		expect(last.json.elements).toHaveLength(203);
	});

	it('filters with comparison operators, ANDed; itemStock only with expand', async () => {
		const low = await api.get(`${base()}/items?filter=itemStock.quantity<5&filter=name!=Mug`);
		expect(low.json.elements.map((item: Json) => item.name)).toEqual(['Cap']);
		expect((await api.get(`${base()}/items?filter=price>=1500`)).status).toBe(400);
		expect(low.json.elements[0]).not.toHaveProperty('itemStock');
		const expanded = await api.get(`${base()}/items?filter=name!=Tee&expand=itemStock`);
		expect(expanded.json.elements.map((item: Json) => [item.name, item.itemStock.quantity])).toEqual([['Mug', 3], ['Cap', 0]]);
	});

	it('item_stocks: absolute writes (repeatable, decimal, negative); unknown item 404', async () => {
		const path = `${base()}/item_stocks/${items[0].id}`;
		const first = await api.post(path, { quantity: 7 });
		expect(first.json).toEqual({ item: { id: items[0].id }, stockCount: 7, quantity: 7, modifiedTime: clock.now });
		expect((await api.post(path, { quantity: 7 })).json.quantity).toBe(7);
		expect((await api.get(path)).json.quantity).toBe(7);
		expect((await api.post(path, { quantity: 2.5 })).json).toMatchObject({ quantity: 2.5, stockCount: 2 });
		expect((await api.post(path, { quantity: -3 })).json.quantity).toBe(-3);
		expect((await api.post(path, { quantity: 1 }, { 'Idempotency-Key': 'k' })).json.quantity).toBe(1);
		expect((await api.post(path, { quantity: 1 }, { 'Idempotency-Key': 'k' })).json.quantity).toBe(1);
		expect((await api.post(`${base()}/item_stocks/NOSUCHITEM123`, { quantity: 1 })).status).toBe(404);
		expect((await api.get(`${base()}/item_stocks/NOSUCHITEM123`)).status).toBe(404);
		expect((await api.post(path, { quantity: 'many' })).status).toBe(400);
	});

	it('modifiedTime>= finds what changed since, on item_stocks and items', async () => {
		const since = clock.now + 60_000;
		clock.now = since;
		await api.post(`${base()}/item_stocks/${items[1].id}`, { quantity: 9 });
		const stocks = await api.get(`${base()}/item_stocks?filter=modifiedTime>=${since}`);
		expect(stocks.json.elements).toEqual([{ item: { id: items[1].id }, stockCount: 9, quantity: 9, modifiedTime: since }]);
		expect(stocks.headers['x-clover-allowed-filter-fields'].split(',')).toEqual(['modifiedTime', 'quantity']);
		// By default a stock change leaves the item's own modifiedTime alone (unconfirmed: knob stockTouchesItem).
		expect((await api.get(`${base()}/items?filter=modifiedTime>=${since}`)).json.elements).toEqual([]);
		await control.cloverSettings({ stockTouchesItem: true });
		await api.post(`${base()}/item_stocks/${items[2].id}`, { quantity: 4 });
		expect((await api.get(`${base()}/items?filter=modifiedTime>=${since}`)).json.elements.map((item: Json) => item.id)).toEqual([items[2].id]);
		expect((await api.get(`${base()}/item_stocks?filter=quantity>5`)).json.elements.map((stock: Json) => stock.item.id)).toEqual([items[0].id, items[1].id]);
	});
});
