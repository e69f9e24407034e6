/**
 * Reconciliation with Square inside n8n-core's engine, as templates/reconcile-square.json wires it: POS "Get
 * Stock Levels" (Square's counts at the location, with the SKUs of their variations) into Shopify Reconcile
 * Inventory against the Shopify simulator. 500 SKUs, 1 % drifted on purpose, a Shopify sale landing between
 * the read and the write: the report lists exactly the drifted SKUs, Repair makes every SKU equal and keeps
 * the sale. Square variations without a SKU, or sharing one, are reported, never compared by guess.
 */
import type { INodeParameters } from 'n8n-workflow';
import { PosApi } from '../../../credentials/PosApi.credentials';
import { PosInventory } from '../../../nodes/PosInventory/PosInventory.node';
import { ShopifyReconcileInventory } from '../../../nodes/ShopifyReconcileInventory/ShopifyReconcileInventory.node';
import { ShopifySimulatorControl } from '../../../simulator/shopify/control/controlClient';
import type { PosSimulator } from '../../../simulator/pos/posSimulator';
import { runWorkflow } from '../../helpers/n8nEngine';
import { LOCATION, seedSquare, squareCredentials, squareStock, startSquare } from '../posInventory/posInventoryKit';
import { expectSquareContract } from '../pos/square/squareKit';
import { startInventoryStore, type InventoryStore } from './inventorySimulator';

const SKUS = 500;
let shop: InventoryStore;
let control: ShopifySimulatorControl;
let square: PosSimulator;
let main: { id: string; name: string };
let skus: { sku: string; inventoryItemId: string }[];
const variationOf = (sku: string) => `VAR-${sku}`;
const shopifyAvailable = (inventoryItemId: string) => shop.available(inventoryItemId, main.id);

beforeAll(async () => {
	shop = await startInventoryStore(SKUS);
	shop.sim.applyConfig({ maximumAvailable: 1_000_000, restoreRate: 1_000_000 });
	control = new ShopifySimulatorControl(shop.origin);
	main = shop.seed.locations[0];
	skus = shop.uniqueSkus.slice(0, SKUS - 1);
	square = await startSquare();
});
afterAll(async () => {
	expectSquareContract(square);
	await square.stop();
	await shop.close();
});

function reconcile(parameters: INodeParameters) {
	return runWorkflow({
		nodeTypes: { pos: PosInventory, reconcile: ShopifyReconcileInventory },
		nodes: [
			{ name: 'Read Square stock', type: 'pos', parameters: { vendor: 'square', operation: 'getStockLevels', locationId: LOCATION, options: { requestsPerSecond: 0 } } },
			{
				name: 'Reconcile',
				type: 'reconcile',
				parameters: {
					location: { __rl: true, mode: 'name', value: main.name },
					sku: '={{ $json.sku }}',
					quantity: '={{ $json.quantity }}',
					lastChangedAt: '={{ $json.lastChangedAt }}',
					posItemId: '={{ $json.itemId }}',
					...parameters,
				},
			},
		],
		connections: [
			{ from: 'Start', to: 'Read Square stock' },
			{ from: 'Read Square stock', to: 'Reconcile' },
		],
		credentials: { posApi: squareCredentials(square) as never, shopifyAdminApi: shop.credentials.shopifyAdminApi },
		credentialTypes: [PosApi],
		nodeName: 'Reconcile',
	});
}

describe('Shopify Reconcile Inventory: Square\'s counts at a location', () => {
	const drifted = new Map<string, number>();

	beforeAll(() => {
		// Square counts what Shopify holds, except 1 % (every 100th SKU), off by 1..5 either way.
		seedSquare(
			square,
			skus.map((entry, index) => {
				const shopify = shopifyAvailable(entry.inventoryItemId);
				let quantity = shopify;
				if (index % 100 === 7) {
					quantity = shopify >= 5 && index % 200 === 7 ? shopify - ((index % 5) + 1) : shopify + ((index % 5) + 1);
					drifted.set(entry.sku, quantity - shopify);
				}
				return { id: variationOf(entry.sku), sku: entry.sku, quantity };
			}),
		);
		// Two Square variations whose SKUs differ only in case, and one without a SKU: Square's own mistakes.
		seedSquare(square, [
			{ id: 'VAR-TWIN-1', sku: 'TWIN-1', quantity: 3 },
			{ id: 'VAR-TWIN-2', sku: 'twin-1', quantity: 4 },
			{ id: 'VAR-NO-SKU', sku: '', quantity: 9 },
		]);
	});

	it('Get Stock Levels: one item per SKU with Square\'s count and when it last changed; the ones that cannot be matched on Failed, named', async () => {
		const run = await runWorkflow({
			nodeTypes: { pos: PosInventory },
			nodes: [{ name: 'Read Square stock', type: 'pos', parameters: { vendor: 'square', operation: 'getStockLevels', locationId: LOCATION, options: { requestsPerSecond: 0 } } }],
			connections: [{ from: 'Start', to: 'Read Square stock' }],
			credentials: { posApi: squareCredentials(square) as never },
			credentialTypes: [PosApi],
			nodeName: 'Read Square stock',
		});
		const levels = run.json(0);
		expect(levels).toHaveLength(skus.length);
		expect(levels.find((level) => level.sku === skus[3].sku)).toMatchObject({ vendor: 'square', itemId: variationOf(skus[3].sku), locationId: LOCATION, quantity: squareStock(square, variationOf(skus[3].sku)), lastChangedAt: expect.any(String) });
		const failed = run.json(1);
		expect(failed.map((item) => item.itemId).sort()).toEqual(['VAR-NO-SKU', 'VAR-TWIN-1', 'VAR-TWIN-2']);
		expect(failed.find((item) => item.itemId === 'VAR-NO-SKU')?.error).toContain('has no SKU');
		expect(failed.find((item) => item.itemId === 'VAR-TWIN-1')?.error).toContain('VAR-TWIN-1, VAR-TWIN-2');
	});

	it('first sync is a dry run: the report lists exactly the drifted SKUs, nothing is written', async () => {
		expect(drifted.size).toBe(5);
		const since = shop.sim.log.list().at(-1)?.sequence ?? 0;
		const run = await reconcile({});
		expect(run.error).toBeUndefined();
		const driftRows = run.json().filter((row) => row.status === 'drifted');
		expect(new Map(driftRows.map((row) => [row.sku, row.difference]))).toEqual(drifted);
		for (const row of driftRows) expect(row).toMatchObject({ posItemId: variationOf(row.sku as string), posLastChangedAt: expect.any(String) });
		expect(shop.sim.log.list(since).filter((entry) => entry.operationType === 'mutation')).toEqual([]);
	});

	it('Repair: every SKU equal to Square\'s count, and a Shopify sale between the read and the write is kept', async () => {
		const [first] = skus.filter((entry) => drifted.has(entry.sku));
		const atRead = squareStock(square, variationOf(first.sku));
		await control.scheduleInventoryChanges([{ beforeOperation: 'InventorySetQuantities', nth: 1, sku: first.sku, locationId: main.id, delta: -1 }]);
		const run = await reconcile({ repair: true });
		expect(run.error).toBeUndefined();
		expect(run.json().filter((row) => row.status === 'repaired').map((row) => row.sku).sort()).toEqual([...drifted.keys()].sort());
		expect(run.json().find((row) => row.sku === first.sku)).toMatchObject({ casRefusals: 1, quantityAfterRepair: atRead - 1 });
		// The sale reaches Square too (the Square template moves it): both sides equal.
		square.square.applyInventory([{ type: 'ADJUSTMENT', adjustment: { catalog_object_id: variationOf(first.sku), from_location_id: LOCATION, to_location_id: LOCATION, from_state: 'IN_STOCK', to_state: 'SOLD', quantity: '1', occurred_at: new Date().toISOString() } }], { product: 'EXTERNAL_API' });
		expect(skus.filter((entry) => shopifyAvailable(entry.inventoryItemId) !== squareStock(square, variationOf(entry.sku)))).toEqual([]);
		const clean = await reconcile({ repair: true });
		expect(clean.json().filter((row) => row.status !== 'inSync' && row.status !== 'unmapped')).toEqual([]);
	});
});
