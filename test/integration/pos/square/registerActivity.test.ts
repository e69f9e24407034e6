import { PosSimulatorClient } from '../../../../simulator/pos/client';
import type { PosSimulator } from '../../../../simulator/pos/posSimulator';
import { expectSquareContract, startSquare, type Json, type SquareApi } from './squareKit';

/** Stock changes made at the shop (not by an API caller), driven through the control API as another process would. */
describe('Square simulator: register and back-office activity', () => {
	let sim: PosSimulator;
	let api: SquareApi;
	let clock: { now: number };
	let control: PosSimulatorClient;
	let main: string;
	let tee: string;

	beforeEach(async () => {
		({ sim, api, clock } = await startSquare());
		control = new PosSimulatorClient(sim.origin);
		[main] = (await control.squareLocations([{ name: 'Shop' }])).map((location) => location.id);
		const [item] = await control.squareCatalog([{ name: 'Tee', variations: [{ sku: 'TEE', priceAmount: 2500 }] }]);
		tee = (item.item_data as Json).variations[0].id;
	});
	afterEach(async () => {
		expectSquareContract(sim);
		await sim.stop();
	});

	const counts = async () => (await api.post('/v2/inventory/counts/batch-retrieve', { catalog_object_ids: [tee] })).json.counts as Json[];

	it('receiving, a sale, damage and a recount: counts per state and changes with Square\'s own sources', async () => {
		await control.squareActivity('receive', { location_id: main, catalog_object_id: tee, quantity: 20 });
		clock.now += 1000;
		const sale = await control.squareActivity('sale', { location_id: main, lines: [{ sku: 'TEE', quantity: 2 }] });
		expect(sale.order).toMatchObject({ state: 'COMPLETED', total_money: { amount: 5000, currency: 'USD' } });
		expect(sale.payment).toMatchObject({ status: 'COMPLETED', source_type: 'CARD' });
		clock.now += 1000;
		await control.squareActivity('damage', { location_id: main, catalog_object_id: tee, quantity: 1 });
		clock.now += 1000;
		expect(await counts()).toEqual([
			expect.objectContaining({ state: 'WASTE', quantity: '1' }),
			expect.objectContaining({ state: 'IN_STOCK', quantity: '17' }),
		]);
		await control.squareActivity('recount', { location_id: main, catalog_object_id: tee, quantity: 15 });
		expect((await counts()).find((count) => count.state === 'IN_STOCK')).toMatchObject({ quantity: '15', calculated_at: new Date(clock.now).toISOString() });
		const changes = (await api.post('/v2/inventory/changes/batch-retrieve', { catalog_object_ids: [tee] })).json.changes as Json[];
		expect(changes.map((change) => [change.type, change.adjustment?.from_state ?? change.physical_count.state, change.adjustment?.to_state ?? null, (change.adjustment ?? change.physical_count).source.product])).toEqual([
			['ADJUSTMENT', 'NONE', 'IN_STOCK', 'DASHBOARD'],
			['ADJUSTMENT', 'IN_STOCK', 'SOLD', 'SQUARE_POS'],
			['ADJUSTMENT', 'IN_STOCK', 'WASTE', 'DASHBOARD'],
			['PHYSICAL_COUNT', 'IN_STOCK', null, 'DASHBOARD'],
		]);
		expect((await control.state()).square.counts).toEqual(expect.arrayContaining([expect.objectContaining({ catalog_object_id: tee, location_id: main, state: 'IN_STOCK', quantity: '15' })]));
	});

	it('refuses activity for an item or location the seller lacks, naming what is wrong', async () => {
		await expect(control.squareActivity('damage', { location_id: main, catalog_object_id: 'NOPE', quantity: 1 })).rejects.toThrow(/NOPE/);
		await expect(control.squareActivity('sale', { location_id: 'ELSEWHERE', lines: [{ catalog_object_id: tee, quantity: 1 }] })).rejects.toThrow(/ELSEWHERE/);
		await expect(control.squareActivity('sale', { location_id: main, lines: [{ sku: 'tee', quantity: 1 }] })).rejects.toThrow(/lines\[0\]\.sku/);
	});
});
