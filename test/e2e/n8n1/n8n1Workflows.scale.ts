import { PosSimulator } from '../../../simulator/pos/posSimulator';
import { startShopifySimulator, type RunningShopifySimulator } from '../../../simulator/shopify';
import { expectExitedCleanly, nodeOutput } from '../harness';
import { genericPosWorkflow, posCredential, squarePosWorkflow } from '../workflows/posWorkflows';
import { adjustInventoryWorkflow, getOrdersWorkflow, shopifyCredential } from '../workflows/shopifyWorkflows';
import { N8n1Instance } from './n8n1Instance';

// The Manual Trigger e2e workflows of the n8n 2.x suite, run in the newest n8n 1.x that installs here
// (1.123.81) with the same packed package as a community package. Outcomes are read from the simulators.
const POS_TOKEN = 'pos-n8n1-token-33c0';

describe('the package inside n8n 1.x (n8n execute)', () => {
	let n8n: N8n1Instance;
	let shop: RunningShopifySimulator;
	let pos: PosSimulator;
	let uniqueSku: { sku: string; locationId: string };

	beforeAll(async () => {
		shop = await startShopifySimulator({ seed: false });
		const seeded = await shop.control.seed({ seed: 11, locations: 2, products: 5, orders: 12, posShare: 0.25 });
		const skuCounts = new Map<string, number>();
		for (const variant of seeded.variants) if (variant.sku) skuCounts.set(variant.sku, (skuCounts.get(variant.sku) ?? 0) + 1);
		const sku = seeded.variants.find((variant) => variant.sku && skuCounts.get(variant.sku) === 1)?.sku;
		if (!sku) throw new Error('the seeded store has no SKU that belongs to one variant');
		uniqueSku = { sku, locationId: seeded.locations[0].id };
		pos = new PosSimulator({ config: { auth: { type: 'bearer', token: POS_TOKEN }, idempotency: { in: 'header', name: 'Idempotency-Key', onRepeat: 'replay' } } });
		const posOrigin = await pos.start();

		n8n = N8n1Instance.create();
		await n8n.importCredentials([shopifyCredential('shopifySim', shop), posCredential('posSim', posOrigin, POS_TOKEN)]);
		await n8n.importWorkflows([
			getOrdersWorkflow('n8n1GetOrders', 'shopifySim'),
			adjustInventoryWorkflow('n8n1AdjustInventory', 'shopifySim', { saleId: '6001', lineId: '1', quantity: 2, ...uniqueSku }),
			genericPosWorkflow('n8n1PosGeneric', 'posSim'),
			squarePosWorkflow('n8n1PosSquare', 'posSim'),
		]);
	}, 300_000);

	afterAll(async () => {
		n8n?.dispose();
		await pos?.stop();
		await shop?.close();
	}, 60_000);

	it('is n8n 1.x', async () => {
		expect(await n8n.version()).toMatch(/^1\.\d+\.\d+$/);
	});

	it('Get Orders returns every order in the store, POS-ready', async () => {
		const result = await n8n.execute('n8n1GetOrders');
		expectExitedCleanly(result);
		const orders = nodeOutput(result, 'Shopify Get Orders');
		const expected = [...shop.simulator.store.orders.values()].map((order) => order.name).sort();
		expect(expected.length).toBeGreaterThan(0);
		expect(orders.map((order) => order.name).sort()).toEqual(expected);
	});

	it('Adjust Inventory applies a POS sale once; a second run changes nothing', async () => {
		const before = await shop.control.quantity(uniqueSku.sku, uniqueSku.locationId);
		const first = await n8n.execute('n8n1AdjustInventory');
		expectExitedCleanly(first);
		const [applied] = nodeOutput(first, 'Shopify Adjust Inventory');
		expect(applied).toMatchObject({ status: 'applied', sku: uniqueSku.sku, delta: -2, changeKey: 'user:pos-sale-6001-1' });
		expect(await shop.control.quantity(uniqueSku.sku, uniqueSku.locationId)).toBe(before - 2);

		const replay = await n8n.execute('n8n1AdjustInventory');
		expectExitedCleanly(replay);
		expect(nodeOutput(replay, 'Shopify Adjust Inventory')[0].idempotencyKey).toBe(applied.idempotencyKey);
		expect(await shop.control.quantity(uniqueSku.sku, uniqueSku.locationId)).toBe(before - 2);
	}, 1_200_000);

	it('POS HTTP Request creates one order per key in a generic POS and in Square, twice run', async () => {
		for (const workflowId of ['n8n1PosGeneric', 'n8n1PosGeneric', 'n8n1PosSquare', 'n8n1PosSquare']) {
			const result = await n8n.execute(workflowId);
			expectExitedCleanly(result);
			expect(nodeOutput(result, 'POS HTTP Request')[0]).toMatchObject({ outcome: 'success' });
			expect(`${result.stdout}${result.stderr}`).not.toContain(POS_TOKEN);
		}
		expect(pos.store.orders.filter((order) => order.flavour === 'generic').map((order) => order.idempotencyKey)).toEqual(['shopify-1001-loc-main']);
		expect(pos.store.orders.filter((order) => order.flavour === 'square')).toHaveLength(1);
		// Four `n8n execute` runs, each booting n8n: minutes on a loaded machine.
	}, 1_200_000);
});
