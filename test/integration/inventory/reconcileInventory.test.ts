/**
 * Reconciliation end to end inside n8n-core's engine: the generic REST POS's stock read by POS HTTP Request,
 * one item per count, Shopify Reconcile Inventory against the Shopify simulator. 2,000 SKUs, 1 % drifted on
 * purpose, sales landing on both sides while the run is between its read and its write (scheduled on counted
 * requests through the Shopify simulator's control API, never by timing). Proves: the report lists exactly the
 * drifted SKUs; the first run writes nothing; after Repair every SKU is equal on both sides; every sale made
 * during the run is kept, its CAS refusal counted and retried.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeParameters, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { PosApi } from '../../../credentials/PosApi.credentials';
import { PosHttpRequest } from '../../../nodes/PosHttpRequest/PosHttpRequest.node';
import { ShopifyReconcileInventory } from '../../../nodes/ShopifyReconcileInventory/ShopifyReconcileInventory.node';
import { ShopifySimulatorControl } from '../../../simulator/shopify/control/controlClient';
import { PosSimulator } from '../../../simulator/pos/posSimulator';
import { runWorkflow } from '../../helpers/n8nEngine';
import { startInventoryStore, type InventoryStore } from './inventorySimulator';

/** n8n's Split Out, as the template uses it: one item per entry of `body.stock`. */
class SplitStock implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Split Stock',
		name: 'splitStock',
		group: ['transform'],
		version: 1,
		description: 'test node',
		defaults: { name: 'Split Stock' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().flatMap((item, index) =>
				((item.json.body as { stock: { sku: string; quantity: number }[] }).stock ?? []).map((entry) => ({ json: entry, pairedItem: { item: index } })),
			),
		];
	}
}

const SKUS = 2000;
const POS_LOCATION = 'store-1';
let shop: InventoryStore;
let control: ShopifySimulatorControl;
let pos: PosSimulator;
let main: { id: string; name: string };
let skus: { sku: string; inventoryItemId: string }[];

const shopifyAvailable = (inventoryItemId: string) => shop.available(inventoryItemId, main.id);
const posQuantity = (sku: string) => pos.store.quantity(POS_LOCATION, sku);

beforeAll(async () => {
	shop = await startInventoryStore(SKUS);
	shop.sim.applyConfig({ maximumAvailable: 1_000_000, restoreRate: 1_000_000 });
	control = new ShopifySimulatorControl(shop.origin);
	main = shop.seed.locations[0];
	skus = shop.uniqueSkus.slice(0, SKUS - 1);
	pos = new PosSimulator();
	await pos.start();
});
afterAll(async () => {
	await pos.stop();
	await shop.close();
});

function reconcile(parameters: INodeParameters) {
	return runWorkflow({
		nodeTypes: { pos: PosHttpRequest, split: SplitStock, reconcile: ShopifyReconcileInventory },
		nodes: [
			{ name: 'Read POS stock', type: 'pos', parameters: { method: 'GET', path: `/api/stock?locationId=${POS_LOCATION}`, idempotencyPlacement: 'none' } },
			{ name: 'One item per count', type: 'split' },
			{
				name: 'Reconcile',
				type: 'reconcile',
				parameters: { location: { __rl: true, mode: 'name', value: main.name }, sku: '={{ $json.sku }}', quantity: '={{ $json.quantity }}', ...parameters },
			},
		],
		connections: [
			{ from: 'Start', to: 'Read POS stock' },
			{ from: 'Read POS stock', to: 'One item per count' },
			{ from: 'One item per count', to: 'Reconcile' },
		],
		credentials: { posApi: { baseUrl: pos.origin, authType: 'none' }, shopifyAdminApi: shop.credentials.shopifyAdminApi },
		credentialTypes: [PosApi],
		nodeName: 'Reconcile',
	});
}

describe('Shopify Reconcile Inventory: 2,000 SKUs against the generic REST POS', () => {
	const drifted = new Map<string, number>();
	let d1: { sku: string; inventoryItemId: string };
	let d2: { sku: string; inventoryItemId: string };
	let steady: { sku: string; inventoryItemId: string };

	beforeAll(() => {
		// The POS counts what Shopify holds, except 1 % (every 100th SKU), off by 1..5 either way.
		skus.forEach((entry, index) => {
			const shopify = shopifyAvailable(entry.inventoryItemId);
			let quantity = shopify;
			if (index % 100 === 7) {
				quantity = shopify >= 5 && index % 200 === 7 ? shopify - ((index % 5) + 1) : shopify + ((index % 5) + 1);
				drifted.set(entry.sku, quantity - shopify);
			}
			pos.store.setQuantity(POS_LOCATION, entry.sku, quantity);
		});
		// Counted at the POS but not one Shopify item at the location: reported as unmapped, never guessed.
		pos.store.setQuantity(POS_LOCATION, 'POS-ONLY-1', 4);
		pos.store.setQuantity(POS_LOCATION, shop.sharedSku!, 2);
		const driftedSkus = skus.filter((entry) => drifted.has(entry.sku));
		[d1, d2] = driftedSkus;
		steady = skus.find((entry) => !drifted.has(entry.sku) && shopifyAvailable(entry.inventoryItemId) > 3)!;
	});

	it('first sync is a dry run: the report lists exactly the drifted SKUs (and the unmapped ones), and nothing is written', async () => {
		expect(drifted.size).toBe(20);
		const before = skus.map((entry) => shopifyAvailable(entry.inventoryItemId));
		const since = shop.sim.log.list().at(-1)?.sequence ?? 0;
		const run = await reconcile({});
		expect(run.error).toBeUndefined();
		const report = run.json();
		const driftRows = report.filter((row) => row.status === 'drifted');
		expect(new Map(driftRows.map((row) => [row.sku, row.difference]))).toEqual(drifted);
		for (const row of driftRows) expect(row).toMatchObject({ pos: (row.shopify as number) + (row.difference as number), locationId: main.id, locationName: main.name, quantityName: 'available' });
		expect(report.filter((row) => row.status === 'unmapped').map((row) => [row.sku, row.errorCode])).toEqual([
			['POS-ONLY-1', 'UNKNOWN_SKU'],
			[shop.sharedSku, 'AMBIGUOUS_SKU'],
		]);
		expect(report).toHaveLength(22);
		expect(shop.sim.log.list(since).filter((entry) => entry.operationType === 'mutation')).toEqual([]);
		expect(skus.map((entry) => shopifyAvailable(entry.inventoryItemId))).toEqual(before);
	});

	it('Repair: sales landing between the read and the write are refused by compare-and-set, counted, read again and kept', async () => {
		const posAtRead = new Map(skus.map((entry) => [entry.sku, posQuantity(entry.sku)]));
		// 1st write: a Shopify order sells 1 of D1, a POS sale of 1 of D2 reaches Shopify, and 2 of a SKU in sync sell.
		// 3rd write (the retry of D1 and D2): D1 sells 2 more.
		await control.scheduleInventoryChanges([
			{ beforeOperation: 'InventorySetQuantities', nth: 1, sku: d1.sku, locationId: main.id, delta: -1 },
			{ beforeOperation: 'InventorySetQuantities', nth: 1, sku: d2.sku, locationId: main.id, delta: -1 },
			{ beforeOperation: 'InventorySetQuantities', nth: 1, sku: steady.sku, locationId: main.id, delta: -2 },
			{ beforeOperation: 'InventorySetQuantities', nth: 3, sku: d1.sku, locationId: main.id, delta: -2 },
		]);
		const run = await reconcile({ repair: true });
		expect(run.error).toBeUndefined();
		const { pending, applied } = await control.scheduledInventoryChanges();
		expect(pending).toEqual([]);
		expect(applied).toHaveLength(4);

		const report = run.json();
		const repaired = report.filter((row) => row.status === 'repaired');
		expect(repaired.map((row) => row.sku).sort()).toEqual([...drifted.keys()].sort());
		const refusals = new Map(repaired.filter((row) => (row.casRefusals as number) > 0).map((row) => [row.sku, row.casRefusals]));
		expect(refusals).toEqual(new Map([[d1.sku, 2], [d2.sku, 1]]));
		expect(report.find((row) => row.sku === d1.sku)).toMatchObject({ repairAttempts: 3, quantityAfterRepair: posAtRead.get(d1.sku)! - 3 });

		// The same sales reach the POS (the order sync for D1, the sale itself for D2 and the steady SKU).
		pos.store.setQuantity(POS_LOCATION, d1.sku, posQuantity(d1.sku) - 3);
		pos.store.setQuantity(POS_LOCATION, d2.sku, posQuantity(d2.sku) - 1);
		pos.store.setQuantity(POS_LOCATION, steady.sku, posQuantity(steady.sku) - 2);

		const unequal = skus.filter((entry) => shopifyAvailable(entry.inventoryItemId) !== posQuantity(entry.sku));
		expect(unequal).toEqual([]);
		// No sale lost: each SKU sold during the run ends that many below what the POS counted at the read.
		expect(shopifyAvailable(d1.inventoryItemId)).toBe(posAtRead.get(d1.sku)! - 3);
		expect(shopifyAvailable(d2.inventoryItemId)).toBe(posAtRead.get(d2.sku)! - 1);
		expect(shopifyAvailable(steady.inventoryItemId)).toBe(posAtRead.get(steady.sku)! - 2);
	});

	it('the next run finds no drift, and a SKU Shopify changed after the counts were read is reported, not repaired', async () => {
		const clean = await reconcile({ repair: true, report: 'all' });
		expect(clean.json().filter((row) => row.status !== 'inSync' && row.status !== 'unmapped')).toEqual([]);
		expect(clean.json()).toHaveLength(SKUS + 1);

		const readAt = new Date(Date.now() - 5_000).toISOString();
		const target = skus[500];
		pos.store.setQuantity(POS_LOCATION, target.sku, posQuantity(target.sku) + 3);
		const before = shopifyAvailable(target.inventoryItemId);
		// Shopify's level moved after the POS was counted (e.g. a sale on its way to the POS).
		shop.sim.store.inventoryItems.get(target.inventoryItemId)!.levels.get(main.id)!.updatedAt = shop.sim.store.nowIso();
		const run = await reconcile({ repair: true, options: { countsReadAt: readAt } });
		expect(run.json().find((row) => row.sku === target.sku)).toMatchObject({ status: 'changedSinceCount', difference: 3 });
		expect(shopifyAvailable(target.inventoryItemId)).toBe(before);
	});

	it('a count that is not a number is reported on its item and does not stop the others', async () => {
		const run = await runWorkflow({
			nodeTypes: { reconcile: ShopifyReconcileInventory },
			nodes: [{ name: 'Reconcile', type: 'reconcile', parameters: { location: { __rl: true, mode: 'id', value: main.id }, sku: '={{ $json.sku }}', quantity: '={{ $json.quantity }}' } }],
			connections: [{ from: 'Start', to: 'Reconcile' }],
			input: [{ sku: skus[0].sku, quantity: 'twelve' }, { sku: '', quantity: 3 }, { sku: skus[1].sku, quantity: '1000' }],
			credentials: { shopifyAdminApi: shop.credentials.shopifyAdminApi },
			nodeName: 'Reconcile',
		});
		expect(run.json().map((row) => [row.status, row.errorCode])).toEqual([
			['invalid', 'INVALID_QUANTITY'],
			['invalid', 'MISSING_SKU'],
			['drifted', null],
		]);
		expect(run.json()[0].error).toContain('"twelve" is not a whole number');
	});
});
