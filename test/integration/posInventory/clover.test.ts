import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';
import { PosApi } from '../../../credentials/PosApi.credentials';
import { PosInventory } from '../../../nodes/PosInventory/PosInventory.node';
import { PosSimulatorClient } from '../../../simulator/pos/client';
import { PosSimulator } from '../../../simulator/pos/posSimulator';
import { runNode, type EngineRun } from '../../helpers/n8nEngine';
import { withUserFolder } from '../trigger/triggerWorkflowHarness';
import { orderEvent } from './posInventoryKit';

// POS Inventory with Vendor "Clover" in n8n-core's engine, against the Clover simulator (simulator/pos/flavours/clover,
// written from Clover's documentation). Clover writes stock only as absolute counts (item_stocks), one item a call.
const TOKEN = 'clover-inventory-token';

describe('POS Inventory: Clover', () => {
	let sim: PosSimulator;
	let control: PosSimulatorClient;
	let merchant: string;
	let item: Map<string, string>;
	let userFolder: string;
	const stock = (sku: string) => sim.clover.items.stock(item.get(sku)!)!.quantity;
	const stockWrites = () => sim.requests.filter((request) => request.method === 'POST' && /\/item_stocks\//.test(request.path));
	const run = async (parameters: IDataObject, input: IDataObject[], staticData?: IDataObject): Promise<EngineRun> =>
		await withUserFolder(userFolder, async () =>
			await runNode({
				nodeType: PosInventory,
				parameters: { vendor: 'clover', locationId: merchant, ...parameters, options: { requestsPerSecond: 0, initialDelaySeconds: 0.01, maxDelaySeconds: 0.05, maxTotalWaitSeconds: 2 } },
				input,
				credentials: { posApi: { baseUrl: sim.origin, authType: 'bearer', token: TOKEN, extraHeaders: '', testPath: '' } as never },
				credentialTypes: [PosApi],
				staticData,
				mode: 'trigger',
			}),
		);

	beforeEach(async () => {
		userFolder = mkdtempSync(join(tmpdir(), 'clover-writes-'));
		sim = new PosSimulator({ config: { auth: { type: 'bearer', token: TOKEN } } });
		await sim.start();
		control = new PosSimulatorClient(sim.origin);
		merchant = sim.clover.merchantId;
		const seeded = sim.clover.seedItems([
			{ name: 'Tee', sku: 'TEE-M', price: 2000, stock: 20 },
			{ name: 'Hat', sku: 'HAT', price: 3000, stock: 10 },
		]);
		item = new Map(seeded.map((entry) => [String(entry.sku), String(entry.id)]));
	});
	afterEach(async () => {
		await sim.stop();
		rmSync(userFolder, { recursive: true, force: true });
	});

	it('List Locations shows the merchant the Merchant ID reaches; without one it says where to find it', async () => {
		expect((await run({ operation: 'listLocations' }, [{}])).json(0)[0]).toMatchObject({ id: merchant });
		expect((await run({ operation: 'listLocations', locationId: ' ' }, [{}])).error?.message).toContain('enter your Merchant ID as Location ID');
	});

	it('moves each item by read, count + difference written, once: a re-send writes nothing', async () => {
		const order = orderEvent(1001, [{ sku: 'TEE-M', quantity: -2 }, { sku: 'HAT', quantity: -1 }]);
		expect((await run({ operation: 'moveStock' }, [order])).json(0)[0]).toMatchObject({ outcome: 'moved' });
		expect([stock('TEE-M'), stock('HAT')]).toEqual([18, 9]);
		expect(stockWrites().map((write) => JSON.parse(write.body))).toEqual([{ quantity: 18 }, { quantity: 9 }]);
		await run({ operation: 'moveStock' }, [order]);
		expect(stockWrites()).toHaveLength(2);
		expect([stock('TEE-M'), stock('HAT')]).toEqual([18, 9]);
	});

	it('a write refused half-way: the item written is recorded, so the re-send writes only the other', async () => {
		sim.faults.add({ kind: 'http500', method: 'POST', count: 10, pathPrefix: `/v3/merchants/${merchant}/item_stocks/${item.get('HAT')}` });
		const order = orderEvent(2001, [{ sku: 'TEE-M', quantity: -3 }, { sku: 'HAT', quantity: -2 }]);
		const first = await run({ operation: 'moveStock' }, [order]);
		expect(first.json(1)[0]).toMatchObject({ outcome: 'failed' });
		expect([stock('TEE-M'), stock('HAT')]).toEqual([17, 10]);
		sim.faults.clear();
		expect((await run({ operation: 'moveStock' }, [order])).json(0)[0]).toMatchObject({ outcome: 'moved' });
		expect([stock('TEE-M'), stock('HAT')]).toEqual([17, 8]);
	});

	it('finds SKUs by paging the items where the merchant refuses a SKU filter', async () => {
		await control.cloverSettings({ itemSkuFilter: false });
		const found = await run({ operation: 'findItemsBySku', sku: '={{ $json.sku }}' }, [{ sku: 'HAT' }, { sku: 'CAP' }]);
		expect(found.json(0)).toEqual([{ vendor: 'clover', sku: 'HAT', itemId: item.get('HAT') }]);
		expect(found.json(1)[0]).toMatchObject({ outcome: 'notMapped', sku: 'CAP' });
	});

	it('Get Stock Levels: every item stock with its SKU, the SKUs read from the item list when there are many', async () => {
		sim.clover.seedItems(Array.from({ length: 25 }, (_, index) => ({ name: `Bulk ${index}`, sku: `BULK-${index}`, price: 100, stock: index })));
		const levels = (await run({ operation: 'getStockLevels' }, [{}])).json(0);
		expect(levels).toHaveLength(27);
		expect(levels.find((level) => level.sku === 'BULK-9')).toMatchObject({ quantity: 9 });
		expect(sim.requests.filter((request) => /\/items\/[A-Z0-9]{13}/.test(request.path))).toHaveLength(0);
	});

	it('Get Stock Changes: paid register orders and refunded lines since the last run, never its own writes', async () => {
		const staticData: IDataObject = {};
		expect((await run({ operation: 'getStockChanges' }, [{}], staticData)).json(0)).toEqual([]);
		const sale = await control.cloverRegisterSale([{ sku: 'TEE-M', quantity: 2 }, { sku: 'HAT', quantity: 1 }]);
		const hatLine = (sale.lineItems.elements as Array<{ id: string; item: { id: string } }>).find((line) => line.item.id === item.get('HAT'))!;
		await control.cloverRegisterRefund(sale.id, [hatLine.id]);
		await run({ operation: 'moveStock' }, [orderEvent(3001, [{ sku: 'HAT', quantity: -4 }])]);
		const changes = (await run({ operation: 'getStockChanges' }, [{}], staticData)).json(0);
		expect(changes.map((change) => [change.sku, change.quantity, String(change.key).split(':').at(-1)])).toEqual([
			['TEE-M', -1, 'sale'],
			['TEE-M', -1, 'sale'],
			['HAT', -1, 'sale'],
			['HAT', 1, 'refund'],
		]);
		expect((await run({ operation: 'getStockChanges' }, [{}], staticData)).json(0)).toEqual([]);
	});
});
