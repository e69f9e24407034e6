import type { IDataObject } from 'n8n-workflow';
import { SquareRegister } from '../../../simulator/pos/flavours/square/register';
import type { PosSimulator } from '../../../simulator/pos/posSimulator';
import { discountedTaxedOrder } from '../../unit/lib/pos/square/squareFixtures';
import { expectSquareContract } from '../pos/square/squareKit';
import { LOCATION, orderEvent, runInventory, seedSquare, squareCalls, startSquare } from './posInventoryKit';

const CHANGES = { operation: 'getStockChanges' };

describe('POS Inventory: Get Stock Changes (Square)', () => {
	let sim: PosSimulator;
	let clock: { now: number };
	let register: SquareRegister;
	let staticData: IDataObject;
	const at = (offsetSeconds: number) => new Date(clock.now + offsetSeconds * 1000).toISOString();
	const changesRun = (options: IDataObject = {}) => runInventory(sim, { ...CHANGES, options: options as never }, [{}], { staticData });

	beforeEach(async () => {
		clock = { now: Date.now() - 10 * 60_000 };
		sim = await startSquare(() => clock.now);
		seedSquare(sim, [
			{ id: 'VAR-TEE', sku: 'TEE-M', quantity: 20, price: 4999 },
			{ id: 'VAR-HAT', sku: 'HAT', quantity: 10, price: 8000 },
		]);
		register = new SquareRegister(sim.square);
		staticData = {};
		clock.now += 1000;
	});
	/** Injected faults answer in the simulator's words, not Square's: the contract check skips those runs. */
	let faulted = false;
	afterEach(async () => {
		try {
			if (!faulted) expectSquareContract(sim);
		} finally {
			faulted = false;
			await sim.stop();
		}
	});

	it('each register sale, receiving, damage and recount once, with its SKU; our own writes and recorded orders left out', async () => {
		const first = await changesRun({ startFrom: at(0) });
		expect(first.json(0)).toEqual([]);
		clock.now += 1000;
		register.sale(LOCATION, [{ catalog_object_id: 'VAR-TEE', quantity: 2 }]);
		register.receive(LOCATION, 'VAR-HAT', 6);
		register.damage(LOCATION, 'VAR-HAT', 1);
		register.recount(LOCATION, 'VAR-TEE', 15);
		// What this package wrote: a stock-only move and a recorded order.
		await runInventory(sim, { operation: 'moveStock' }, [orderEvent(2001, [{ sku: 'HAT', quantity: -1 }])]);
		const order = discountedTaxedOrder();
		await runInventory(sim, { operation: 'recordOrders' }, [{ ...(order as unknown as IDataObject), stockChanges: [{ key: 'sale:1:11', sku: 'TEE-M', quantity: -2, lineItemId: order.lineItems[0].id, orderId: order.id, orderName: order.name, cause: 'sale', occurredAt: at(0), reference: '' }, { key: 'sale:1:12', sku: 'HAT', quantity: -1, lineItemId: order.lineItems[1].id, orderId: order.id, orderName: order.name, cause: 'sale', occurredAt: at(0), reference: '' }] }]);
		clock.now += 1000;

		const run = await changesRun();
		expect(run.output(1)).toEqual([]);
		expect(run.json(0).map((json) => [json.sku, json.kind, json.quantity, json.locationId])).toEqual([
			['TEE-M', 'delta', -2, LOCATION],
			['HAT', 'delta', 6, LOCATION],
			['HAT', 'delta', -1, LOCATION],
			// 20, sold 2, counted 15: the recount took 3 away.
			['TEE-M', 'recount', -3, LOCATION],
		]);
		expect(run.json(0)[3]).toMatchObject({ absoluteQuantity: 15, quantityBefore: 18 });
		expect(new Set(run.json(0).map((json) => json.key)).size).toBe(4);
		expect(run.output(0).every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);

		// Called again (a schedule after a webhook hint): nothing is returned twice.
		const again = await changesRun();
		expect(again.json(0)).toEqual([]);
		clock.now += 1000;
		register.sale(LOCATION, [{ catalog_object_id: 'VAR-HAT', quantity: 1 }]);
		clock.now += 1000;
		const next = await changesRun();
		expect(next.json(0).map((json) => [json.sku, json.quantity])).toEqual([['HAT', -1]]);
	});

	it('a recount moves Shopify by what it changed in Square, in Square\'s order: a late change that occurred before it is inside it', async () => {
		await changesRun({ startFrom: at(0) });
		const start = sim.square.inventory.quantity('VAR-TEE', LOCATION);
		clock.now += 1000;
		register.recount(LOCATION, 'VAR-TEE', 12);
		clock.now += 1000;
		register.damage(LOCATION, 'VAR-TEE', 1);
		const beforeSecondCount = at(500 / 1000);
		clock.now += 1000;
		register.recount(LOCATION, 'VAR-TEE', 9);
		clock.now += 1000;
		// An offline register reports a write-off that happened before the second count: the count includes it.
		register.damage(LOCATION, 'VAR-TEE', 2, beforeSecondCount);
		expect(sim.square.inventory.quantity('VAR-TEE', LOCATION)).toBe(9);
		clock.now += 1000;

		const run = await changesRun();
		expect(run.output(1)).toEqual([]);
		expect(run.json(0).map((json) => [json.kind, json.quantity, json.absoluteQuantity ?? null, json.quantityBefore ?? null])).toEqual([
			['recount', 12 - start, 12, start],
			['delta', -1, null, null],
			['delta', -2, null, null],
			// 12, less 1, less the 2 that reached Square later: 9 before the count of 9.
			['recount', 0, 9, 9],
		]);
		// Moved by these, a Shopify that held what Square held ends where Square is, whatever the order applied.
		expect(start + run.json(0).reduce((sum, json) => sum + (json.quantity as number), 0)).toBe(sim.square.inventory.quantity('VAR-TEE', LOCATION));
	});

	it('a failed read keeps the position, so the next run returns what it missed', async () => {
		await changesRun({ startFrom: at(0) });
		clock.now += 1000;
		register.damage(LOCATION, 'VAR-TEE', 3);
		faulted = true;
		sim.faults.add({ kind: 'http500', count: 2, pathPrefix: '/v2/inventory/changes/batch-retrieve' });
		const failedRun = await changesRun({ maxAttempts: 2 });
		expect(failedRun.json(1)[0]).toMatchObject({ outcome: 'failed', error: expect.stringContaining('the position did not move') });
		const recovered = await changesRun();
		expect(recovered.json(0).map((json) => [json.sku, json.quantity])).toEqual([['TEE-M', -3]]);
	});

	it('a first run starts now; a position n8n erased after a production run comes from the process\'s copy, which manual runs neither use nor move', async () => {
		// The simulator's clock runs 10 minutes behind the node's, so a run starting "now" passes over its changes.
		const production = (options: IDataObject = {}) => runInventory(sim, { ...CHANGES, options: options as never }, [{}], { staticData, mode: 'trigger' });
		expect((await changesRun()).json(0)).toEqual([]);
		staticData = {};
		await production({ startFrom: at(0) });
		clock.now += 1000;
		register.damage(LOCATION, 'VAR-TEE', 2);
		// n8n put back a copy of the static data taken before the first run (a polling trigger's publish-time copy).
		staticData = {};
		expect((await production()).json(0).map((json) => [json.sku, json.quantity])).toEqual([['TEE-M', -2]]);
		clock.now += 1000;
		register.damage(LOCATION, 'VAR-HAT', 1);
		// A manual run (the editor) with no position of its own starts now, whatever production has read.
		staticData = {};
		expect((await changesRun()).json(0)).toEqual([]);
		staticData = {};
		expect((await production()).json(0).map((json) => [json.sku, json.quantity])).toEqual([['HAT', -1]]);
		// Reset Change Position starts over from First Run From, in the process's copy too.
		staticData = {};
		const reset = await production({ resetCursor: true, startFrom: at(-3600) });
		expect(reset.json(0).filter((json) => json.kind === 'delta').map((json) => [json.sku, json.quantity])).toEqual([['TEE-M', -2], ['HAT', -1]]);
		expect((await production()).json(0)).toEqual([]);
	});

	it('a first run started by a POS Trigger event reads the change that sent it, though the run starts after it', async () => {
		// The change happened, Square sent its event, and only then did the run start (at the node's clock, which
		// runs 10 minutes ahead of the simulator's): the event's times decide where the first run starts. The
		// seeded counts a minute before are not this workflow's to apply.
		clock.now += 60_000;
		register.damage(LOCATION, 'VAR-TEE', 2);
		const event = { vendor: 'square', eventId: 'evt-first', eventType: 'inventory.count.updated', occurredAt: at(0), stockLevels: [{ itemId: 'VAR-TEE', locationId: LOCATION, state: 'IN_STOCK', quantity: 18, calculatedAt: at(0) }] };
		const production = (input: IDataObject[], options: IDataObject = {}) => runInventory(sim, { ...CHANGES, options: options as never }, input, { staticData, mode: 'trigger' });
		// Reset: this process still holds the position of the production runs of the test before.
		expect((await production([event], { resetCursor: true })).json(0).map((json) => [json.sku, json.quantity])).toEqual([['TEE-M', -2]]);
		// Returned once: the next run continues from there.
		expect((await production([event])).json(0)).toEqual([]);
		// Started over by an event a minute after a change: that change is older than the workflow's events.
		register.damage(LOCATION, 'VAR-HAT', 1);
		clock.now += 60_000;
		const later = { ...event, eventId: 'evt-later', occurredAt: at(0), stockLevels: [] };
		expect((await production([later], { resetCursor: true })).json(0)).toEqual([]);
	});

	it('the SKUs of the variations are looked up once and then cached', async () => {
		await changesRun({ startFrom: at(0) });
		clock.now += 1000;
		register.damage(LOCATION, 'VAR-TEE', 1);
		await changesRun();
		clock.now += 1000;
		register.damage(LOCATION, 'VAR-TEE', 1);
		await changesRun();
		expect(squareCalls(sim, '/v2/catalog/batch-retrieve')).toBe(1);
	});
});
