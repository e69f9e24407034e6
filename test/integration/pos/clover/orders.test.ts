import type { PosSimulatorClient } from '../../../../simulator/pos/client';
import type { PosSimulator } from '../../../../simulator/pos/posSimulator';
import { startClover, type CloverApi, type Json } from './cloverKit';

describe('Clover simulator: orders through the API', () => {
	let sim: PosSimulator;
	let api: CloverApi;
	let control: PosSimulatorClient;
	let clock: { now: number };
	let merchant: string;
	let tee: string;
	const base = () => `/v3/merchants/${merchant}`;
	const stock = async (itemId: string) => (await api.get(`${base()}/item_stocks/${itemId}`)).json.quantity as number;
	const atomic = (lineItems: Json[], reference = 'shopify-1001') => api.post(`${base()}/atomic_order/orders`, { orderCart: { externalReferenceId: reference, title: 'Shopify #1001', lineItems } });

	beforeEach(async () => {
		({ sim, api, control, clock, merchant } = await startClover());
		[{ id: tee }] = await control.cloverItems([{ name: 'Tee', sku: 'TEE-1', price: 2500, stock: 10 }]);
	});
	afterEach(() => sim.stop());

	it('an atomic order keeps its lines and reference and is found again by externalReferenceId', async () => {
		const created = await atomic([{ item: { id: tee }, name: 'Tee', price: 2500, unitQty: 2000 }, { name: 'Shipping', price: 500 }]);
		expect(created.status).toBe(200);
		expect(created.json).toMatchObject({ externalReferenceId: 'shopify-1001', total: 5500, state: 'open', paymentState: 'OPEN', createdTime: clock.now });
		expect(created.json.id).toMatch(/^[A-Z0-9]{13}$/);
		expect(sim.store.orders).toEqual([expect.objectContaining({ id: created.json.id, flavour: 'clover', externalRef: 'shopify-1001' })]);
		const found = await api.get(`${base()}/orders?filter=externalReferenceId=shopify-1001`);
		expect(found.json.elements).toEqual([expect.objectContaining({ id: created.json.id, externalReferenceId: 'shopify-1001' })]);
		expect(found.json.elements[0]).not.toHaveProperty('lineItems');
		expect(found.headers['x-clover-allowed-filter-fields'].split(',')).toEqual(expect.arrayContaining(['externalReferenceId', 'modifiedTime']));
		const one = await api.get(`${base()}/orders/${created.json.id}?expand=lineItems`);
		expect(one.json.lineItems.elements).toEqual([
			{ id: expect.stringMatching(/^[A-Z0-9]{13}$/), item: { id: tee }, name: 'Tee', price: 2500, unitQty: 2000, refunded: false, exchanged: false },
			{ id: expect.stringMatching(/^[A-Z0-9]{13}$/), name: 'Shipping', price: 500, refunded: false, exchanged: false },
		]);
		expect((await api.get(`${base()}/orders/NOSUCHORDER12`)).status).toBe(404);
	});

	it('a custom order keeps only the custom-order fields', async () => {
		const created = await api.post(`${base()}/orders`, { externalReferenceId: 'x', title: 'T', note: 'n', lineItems: [{ name: 'Tee', price: 1 }] });
		expect(created.json).toMatchObject({ title: 'T', note: 'n', total: 0 });
		expect(created.json).not.toHaveProperty('externalReferenceId');
		expect(created.json).not.toHaveProperty('lineItems');
		expect((await api.get(`${base()}/orders?filter=externalReferenceId=x`)).json.elements).toEqual([]);
	});

	it('by default an API order moves no stock; with apiOrdersMoveStock its item lines do', async () => {
		await atomic([{ item: { id: tee }, name: 'Tee', price: 2500 }, { item: { id: tee }, name: 'Tee', price: 2500, unitQty: 1500 }, { item: { id: 'UNKNOWNITEM12' }, name: 'Gone', price: 1 }]);
		expect(await stock(tee)).toBe(10);
		await control.cloverSettings({ apiOrdersMoveStock: true });
		await atomic([{ item: { id: tee }, name: 'Tee', price: 2500 }, { item: { id: tee }, name: 'Tee', price: 2500, unitQty: 1500 }, { name: 'Ad hoc', price: 100 }], 'shopify-1002');
		expect(await stock(tee)).toBe(7.5);
	});

	it('modifiedTime>= finds orders made or changed since', async () => {
		const old = (await atomic([], 'old')).json.id as string;
		clock.now += 60_000;
		const since = clock.now;
		const sale = await control.cloverRegisterSale([{ sku: 'TEE-1', quantity: 1 }]);
		const changed = await api.get(`${base()}/orders?filter=modifiedTime>=${since}&expand=lineItems`);
		expect(changed.json.elements.map((order: Json) => order.id)).toEqual([sale.id]);
		expect(changed.json.elements[0]).toMatchObject({ state: 'locked', paymentState: 'PAID', total: 2500, lineItems: { elements: [expect.objectContaining({ item: { id: tee } })] } });
		expect((await api.get(`${base()}/orders?filter=modifiedTime<${since}`)).json.elements.map((order: Json) => order.id)).toEqual([old]);
		expect((await api.get(`${base()}/orders?filter=color=red`)).status).toBe(400);
	});

	it('until the merchant is seeded, any merchant id reaches it (the paths the templates use)', async () => {
		await control.reset();
		expect((await api.get('/v3/merchants/YOUR_CLOVER_MERCHANT_ID')).json).toEqual({ id: 'YOUR_CLOVER_MERCHANT_ID', name: 'Merchant YOUR_CLOVER_MERCHANT_ID' });
		expect((await api.post('/v3/merchants/M1/atomic_order/orders', { orderCart: { externalReferenceId: 'r' } })).status).toBe(200);
		await control.cloverItems([{ name: 'Tee', sku: 'TEE-1', price: 2500 }]);
		expect((await api.get('/v3/merchants/M1/orders')).status).toBe(401);
		expect((await api.get(`${base()}/orders?filter=externalReferenceId=r`)).json.elements).toHaveLength(1);
	});
});
