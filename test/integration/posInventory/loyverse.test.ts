import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';
import { PosApi } from '../../../credentials/PosApi.credentials';
import { PosInventory } from '../../../nodes/PosInventory/PosInventory.node';
import { PosSimulatorClient } from '../../../simulator/pos/client';
import { PosSimulator } from '../../../simulator/pos/posSimulator';
import { runNode, type EngineRun } from '../../helpers/n8nEngine';
import { discountedTaxedOrder } from '../../unit/lib/pos/square/squareFixtures';
import { withUserFolder } from '../trigger/triggerWorkflowHarness';
import { orderEvent } from './posInventoryKit';

// POS Inventory with Vendor "Loyverse" in n8n-core's engine, against the Loyverse simulator
// (simulator/pos/flavours/loyverse, written from what is known of Loyverse's API). Loyverse takes only absolute
// counts (`stock_after`): each Shopify event is read, moved and written once, its key recorded in the memory file.
const TOKEN = 'loyverse-inventory-token';

async function run(sim: PosSimulator, storeId: string, parameters: IDataObject, input: IDataObject[], staticData?: IDataObject): Promise<EngineRun> {
	return await runNode({
		nodeType: PosInventory,
		parameters: { vendor: 'loyverse', locationId: storeId, ...parameters, options: { requestsPerSecond: 0, initialDelaySeconds: 0.01, maxDelaySeconds: 0.05, maxTotalWaitSeconds: 2 } },
		input,
		credentials: { posApi: { baseUrl: sim.origin, authType: 'bearer', token: TOKEN, extraHeaders: '', testPath: '/v1.0/stores' } as never },
		credentialTypes: [PosApi],
		staticData,
		mode: 'trigger',
	});
}

describe('POS Inventory: Loyverse', () => {
	let sim: PosSimulator;
	let control: PosSimulatorClient;
	let store: string;
	let variant: Map<string, string>;
	let userFolder: string;
	const level = (sku: string) => sim.loyverse.inventory.level(variant.get(sku)!, store).in_stock;
	const inventoryWrites = () => sim.requests.filter((request) => request.method === 'POST' && request.path === '/v1.0/inventory');
	const inFolder = <T>(work: () => Promise<T>) => withUserFolder(userFolder, work);

	beforeEach(async () => {
		userFolder = mkdtempSync(join(tmpdir(), 'loyverse-writes-'));
		sim = new PosSimulator({ config: { auth: { type: 'bearer', token: TOKEN } } });
		await sim.start();
		control = new PosSimulatorClient(sim.origin);
		store = sim.loyverse.stores.main().id;
		const items = sim.loyverse.seedItems([
			{ name: 'Tee', variants: [{ sku: 'TEE-M', price: 20, stock: 20 }] },
			{ name: 'Hat', variants: [{ sku: 'HAT', price: 30, stock: 10 }] },
		]);
		variant = new Map(items.flatMap((item) => (item.variants as Array<{ sku: string; variant_id: string }>).map((entry) => [entry.sku, entry.variant_id] as const)));
	});
	afterEach(async () => {
		await sim.stop();
		rmSync(userFolder, { recursive: true, force: true });
	});

	it('List Locations gives the stores with their ids', async () => {
		const result = await run(sim, store, { operation: 'listLocations' }, [{}]);
		expect(result.json(0).map((entry) => entry.id)).toEqual([store]);
	});

	it('moves the stock by each change once: read, count + difference written, the event recorded; a re-send writes nothing', async () => {
		const order = orderEvent(1001, [{ sku: 'TEE-M', quantity: -2 }, { sku: 'HAT', quantity: -1 }]);
		const first = await inFolder(() => run(sim, store, { operation: 'moveStock' }, [order]));
		expect(first.output(1)).toEqual([]);
		expect(first.json(0)[0]).toMatchObject({ outcome: 'moved' });
		expect([level('TEE-M'), level('HAT')]).toEqual([18, 9]);
		expect(JSON.parse(inventoryWrites()[0].body)).toEqual({ inventory_levels: [{ variant_id: variant.get('TEE-M'), store_id: store, stock_after: 18 }, { variant_id: variant.get('HAT'), store_id: store, stock_after: 9 }] });

		// The same event again (a duplicate, a re-send from the retry table): recorded, so nothing is written.
		const again = await inFolder(() => run(sim, store, { operation: 'moveStock' }, [order]));
		expect(again.json(0)[0]).toMatchObject({ outcome: 'moved', calls: [expect.objectContaining({ alreadyApplied: true })] });
		expect(inventoryWrites()).toHaveLength(1);
		expect([level('TEE-M'), level('HAT')]).toEqual([18, 9]);

		// A restock puts it back, once.
		const restock = orderEvent(1001, [{ sku: 'TEE-M', quantity: 1, cause: 'restock' }]);
		await inFolder(() => run(sim, store, { operation: 'moveStock' }, [restock]));
		await inFolder(() => run(sim, store, { operation: 'moveStock' }, [restock]));
		expect(level('TEE-M')).toBe(19);
	});

	it('two runs for the same SKU at once never write over each other', async () => {
		const orders = Array.from({ length: 6 }, (_, index) => orderEvent(2000 + index, [{ sku: 'TEE-M', quantity: -(index + 1) }]));
		await inFolder(() => Promise.all(orders.map((order) => run(sim, store, { operation: 'moveStock' }, [order]))));
		expect(level('TEE-M')).toBe(20 - 21);
		expect(inventoryWrites()).toHaveLength(6);
	});

	it('an answer lost after the write landed: the same count is sent again, never count − difference twice', async () => {
		sim.faults.add({ kind: 'commitThenDrop', method: 'POST', count: 1, pathPrefix: '/v1.0/inventory' });
		const run1 = await inFolder(() => run(sim, store, { operation: 'moveStock' }, [orderEvent(3001, [{ sku: 'HAT', quantity: -4 }])]));
		expect(run1.json(0)[0]).toMatchObject({ outcome: 'moved' });
		expect(level('HAT')).toBe(6);
		expect(inventoryWrites().map((write) => JSON.parse(write.body).inventory_levels[0].stock_after)).toEqual([6, 6]);
	});

	it('an unmapped SKU moves nothing of the order; Record Shopify Orders says why it is not offered', async () => {
		const unmapped = await inFolder(() => run(sim, store, { operation: 'moveStock' }, [orderEvent(4001, [{ sku: 'TEE-M', quantity: -1 }, { sku: 'CAP', quantity: -1 }])]));
		expect(unmapped.json(1)[0]).toMatchObject({ outcome: 'notMapped', unmappedSkus: ['CAP'] });
		expect(level('TEE-M')).toBe(20);
		const order = discountedTaxedOrder();
		const recorded = await inFolder(() => run(sim, store, { operation: 'recordOrders' }, [{ ...(order as unknown as IDataObject), stockChanges: orderEvent(4002, [{ sku: 'TEE-M', quantity: -1 }]).stockChanges }]));
		expect(String(recorded.json(1)[0].error)).toContain('Record Shopify Orders is not offered for Loyverse');
		expect(inventoryWrites()).toHaveLength(0);
	});

	it('Get Stock Changes: register sales and refunds since the last run, a recount left to the reconciliation, its own writes never', async () => {
		const staticData: IDataObject = {};
		const parameters = { operation: 'getStockChanges' };
		expect((await run(sim, store, parameters, [{}], staticData)).json(0)).toEqual([]);
		const sale = await control.loyverseRegisterSale({ lines: [{ sku: 'TEE-M', quantity: 2 }, { sku: 'HAT', quantity: 1 }] });
		await control.loyverseRegisterRefund({ receiptNumber: String(sale.receipt_number), lines: [{ sku: 'HAT', quantity: 1 }] });
		await control.loyverseRecount({ counts: [{ sku: 'TEE-M', count: 50 }] });
		await inFolder(() => run(sim, store, { operation: 'moveStock' }, [orderEvent(5001, [{ sku: 'HAT', quantity: -3 }])]));

		const changes = (await run(sim, store, parameters, [{}], staticData)).json(0);
		expect(changes.map((change) => [change.sku, change.quantity, String(change.key).split(':').at(-1)])).toEqual([
			['TEE-M', -2, 'sale'],
			['HAT', -1, 'sale'],
			['HAT', 1, 'refund'],
		]);
		expect((await run(sim, store, parameters, [{}], staticData)).json(0)).toEqual([]);
	});
});
