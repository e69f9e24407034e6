import { processSkuCache } from '../../../lib/pos/catalog/skuCache';
import type { PosSimulator } from '../../../simulator/pos/posSimulator';
import { runInventory, seedSquare, squareCalls, SQUARE_TOKEN, startSquare } from './posInventoryKit';

describe('POS Inventory: Find Items by SKU and List Locations (Square)', () => {
	let sim: PosSimulator;

	beforeEach(async () => {
		sim = await startSquare();
		seedSquare(sim, [
			{ id: 'VAR-TEE', sku: 'TEE-M', quantity: 1 },
			{ id: 'VAR-HAT', sku: 'HAT', quantity: 1 },
		]);
	});
	afterEach(async () => await sim.stop());

	it('maps every item\'s SKU in one search, and a warm map answers without asking Square', async () => {
		const input = [{ sku: 'TEE-M' }, { sku: 'hat' }, { sku: 'NOPE' }];
		const run = await runInventory(sim, { operation: 'findItemsBySku' }, input);
		expect(run.json(0)).toEqual([
			{ vendor: 'square', sku: 'TEE-M', itemId: 'VAR-TEE' },
			{ vendor: 'square', sku: 'hat', itemId: 'VAR-HAT' },
		]);
		expect(run.json(1)).toEqual([expect.objectContaining({ outcome: 'notMapped', sku: 'NOPE', error: expect.stringContaining('SKU "NOPE" is not in Square\'s catalog') })]);
		expect(run.output(1)[0].pairedItem).toEqual({ item: 2 });
		expect(squareCalls(sim, '/v2/catalog/search')).toBe(1);
		const again = await runInventory(sim, { operation: 'findItemsBySku' }, input.slice(0, 2));
		expect(again.json(0).map((json) => json.itemId)).toEqual(['VAR-TEE', 'VAR-HAT']);
		expect(squareCalls(sim, '/v2/catalog/search')).toBe(1);
	});

	it('keeps no secret in the process cache: only a hash of the token', async () => {
		await runInventory(sim, { operation: 'findItemsBySku' }, [{ sku: 'TEE-M' }]);
		const keys = JSON.stringify([...(processSkuCache as unknown as { entries: Map<string, unknown> }).entries.keys()]);
		expect(keys).toContain(sim.origin.toLowerCase());
		expect(keys).not.toContain(SQUARE_TOKEN);
	});

	it('with a lifetime of 0 minutes asks Square every run', async () => {
		const parameters = { operation: 'findItemsBySku', options: { cacheMinutes: 0 } };
		await runInventory(sim, parameters, [{ sku: 'TEE-M' }]);
		await runInventory(sim, parameters, [{ sku: 'TEE-M' }]);
		expect(squareCalls(sim, '/v2/catalog/search')).toBe(2);
	});

	it('lists Square\'s locations, one item each, so the Location ID can be copied', async () => {
		sim.square.locations.seed([{ id: 'LSHOP2XXXXXXX', name: 'Harbour shop', currency: 'EUR', timezone: 'Europe/Dublin', country: 'IE' }]);
		const run = await runInventory(sim, { operation: 'listLocations' }, [{}]);
		expect(run.json(0).map((json) => [json.vendor, json.id, json.name, json.status, json.currency])).toEqual([
			['square', 'MAIN', 'Main street', 'ACTIVE', 'USD'],
			['square', 'LSHOP2XXXXXXX', 'Harbour shop', 'ACTIVE', 'EUR'],
		]);
		expect(run.output(0).every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('an empty Location ID stops the run with what to do', async () => {
		const run = await runInventory(sim, { operation: 'moveStock', locationId: ' ' }, [{ stockChanges: [] }]);
		expect(run.error?.message).toBe('Location ID is empty');
		expect(squareCalls(sim)).toBe(0);
	});
});
