import type { PosSimulatorClient } from '../../../../simulator/pos/client';
import type { PosSimulator } from '../../../../simulator/pos/posSimulator';
import { setup, startLightspeed, type Json, type LightspeedApi, type Setup } from './lightspeedKit';

/** Stock changes made in the shop (not by an API caller), driven through the control API as another process would. */
describe('Lightspeed X-Series simulator: register sales, voids and stocktakes', () => {
	let sim: PosSimulator;
	let api: LightspeedApi;
	let control: PosSimulatorClient;
	let ids: Setup;
	let tee: Json;
	let mug: Json;

	beforeEach(async () => {
		({ sim, api, control } = await startLightspeed());
		ids = setup(sim);
		[tee, mug] = await control.lightspeedProducts([
			{ sku: 'TEE', name: 'Tee', price: 25, stock: 10 },
			{ sku: 'MUG', name: 'Mug', price: 12.5, stock: 4 },
		]);
		await control.lightspeedSubscribe({ url: 'http://127.0.0.1:9/never-called', type: 'sale.update' });
		await control.lightspeedSubscribe({ url: 'http://127.0.0.1:9/never-called', type: 'inventory.update' });
	});
	afterEach(() => sim.stop());

	const levels = async () => Object.fromEntries(((await api.get('/api/2.0/inventory')).json.data as Json[]).map((record) => [record.product_id === tee.id ? 'tee' : 'mug', record.inventory_level]));
	const queued = async () => (await control.lightspeedState()).deliveries.map((delivery) => [delivery.type, JSON.parse(delivery.payload)]);

	it('a register sale: CLOSED at Main Register by Shop Owner, Cash at the product price, No Tax; stock down; webhooks queued', async () => {
		const sale = await control.lightspeedRegisterSale({ lines: [{ sku: 'TEE', quantity: 2 }, { productId: mug.id, quantity: 1 }], note: 'walk-in' });
		expect(sale).toMatchObject({ status: 'CLOSED', register_id: ids.register, user_id: ids.owner, outlet_id: ids.outlet, note: 'walk-in', total_price: 62.5, total_tax: 0 });
		expect(sale.line_items.map((line: Json) => [line.product_id, line.quantity, line.price, line.tax_id])).toEqual([
			[tee.id, 2, 25, ids.noTax],
			[mug.id, 1, 12.5, ids.noTax],
		]);
		expect(sale.payments).toEqual([expect.objectContaining({ payment_type_id: ids.cash, amount: 62.5 })]);
		expect(await levels()).toEqual({ tee: 8, mug: 3 });
		expect(await queued()).toEqual([
			['sale.update', expect.objectContaining({ id: sale.id, status: 'CLOSED', register_id: ids.register, sale_date: '2026-12-01 10:00:00' })],
			['inventory.update', expect.objectContaining({ product_id: tee.id, outlet_id: ids.outlet, count: 8 })],
			['inventory.update', expect.objectContaining({ product_id: mug.id, count: 3 })],
		]);
		expect((await control.state()).orders).toHaveLength(0);
	});

	it('a return at the register (negative quantity) puts stock back', async () => {
		await control.lightspeedRegisterSale({ lines: [{ sku: 'MUG', quantity: -2 }] });
		expect(await levels()).toEqual({ tee: 10, mug: 6 });
	});

	it('a void brings a closed sale\'s stock back once, with a new version and webhooks', async () => {
		const sale = await control.lightspeedRegisterSale({ lines: [{ sku: 'TEE', quantity: 3 }] });
		const voided = await control.lightspeedVoidSale(sale.id);
		expect(voided).toMatchObject({ id: sale.id, status: 'VOIDED', state: 'voided' });
		expect(voided.version).toBeGreaterThan(sale.version);
		expect(await levels()).toEqual({ tee: 10, mug: 4 });
		await expect(control.lightspeedVoidSale(sale.id)).rejects.toThrow(/already voided/);
		expect(await levels()).toEqual({ tee: 10, mug: 4 });
		expect((await queued()).slice(2)).toEqual([
			['sale.update', expect.objectContaining({ id: sale.id, status: 'VOIDED' })],
			['inventory.update', expect.objectContaining({ product_id: tee.id, count: 10 })],
		]);
	});

	it('a stocktake sets the levels (a recount) and sends inventory.update', async () => {
		const records = await control.lightspeedStocktake({ counts: [{ sku: 'TEE', count: 3 }, { productId: mug.id, count: 0 }] });
		expect(records.map((record) => [record.product_id, record.inventory_level, record.current_amount])).toEqual([
			[tee.id, 3, 3],
			[mug.id, 0, 0],
		]);
		expect(await levels()).toEqual({ tee: 3, mug: 0 });
		expect((await queued()).map(([type, payload]) => [type, payload.count])).toEqual([
			['inventory.update', 3],
			['inventory.update', 0],
		]);
	});

	it('refuses unknown SKUs, products, registers and outlets without moving stock', async () => {
		await expect(control.lightspeedRegisterSale({ lines: [{ sku: 'tee', quantity: 1 }] })).rejects.toThrow(/lines\[0\]\.sku: no single product/);
		await expect(control.lightspeedRegisterSale({ lines: [{ sku: 'TEE', quantity: 1 }], registerId: 'nope' })).rejects.toThrow(/registerId/);
		await expect(control.lightspeedStocktake({ counts: [{ productId: 'nope', count: 1 }] })).rejects.toThrow(/counts\[0\]\.productId/);
		await expect(control.lightspeedStocktake({ counts: [{ sku: 'TEE', count: 1 }], outletId: 'nope' })).rejects.toThrow(/outletId/);
		await expect(control.lightspeedVoidSale('nope')).rejects.toThrow(/404/);
		expect(await levels()).toEqual({ tee: 10, mug: 4 });
	});

	it('the shared state and a reset include the Lightspeed retailer', async () => {
		await control.lightspeedRegisterSale({ lines: [{ sku: 'TEE', quantity: 1 }] });
		const state = (await control.state()).lightspeed;
		expect(state.sales).toHaveLength(1);
		expect(state.products.map((product) => product.sku)).toEqual(['TEE', 'MUG']);
		expect(state.outlets[0].name).toBe('Main Outlet');
		await control.reset();
		expect(await control.lightspeedState()).toMatchObject({ products: [], inventory: [], sales: [], webhooks: [], deliveries: [] });
	});
});
