import { createHmac } from 'node:crypto';

import { PosSimulator } from '../../simulator/pos/posSimulator';
import { startShopifySimulator, type RunningShopifySimulator, type SeedSummary } from '../../simulator/shopify';
import { expectExitedCleanly, N8nInstance, nodeOutput } from './harness';
import { OrderDeliveryFactory } from './harness/signedOrderDelivery';
import { executionsOf, waitForExecutionsToSettle } from './queue/executions';
import { posCredential } from './workflows/posWorkflows';
import {
	adjustInventoryWorkflow,
	getOrdersWorkflow,
	ORDER_TRIGGER_WEBHOOK_ID,
	orderToPosWorkflow,
	shopifyCredential,
} from './workflows/shopifyWorkflows';
import { waitFor as waitUntil } from './harness';

// The Shopify nodes inside a real n8n 2.41.1 against the Shopify store simulator: Get Orders and Adjust
// Inventory run from Manual Trigger workflows via `n8n execute`; the Order Trigger's webhook path runs in
// `n8n start` with a published workflow that pushes each new order into the POS simulator.
const POS_TOKEN = 'pos-e2e-token-b81c';

const waitFor = async <T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> => await waitUntil(what, probe, timeoutMs, 200);

describe('Shopify nodes inside n8n', () => {
	let n8n: N8nInstance;
	let shop: RunningShopifySimulator;
	let pos: PosSimulator;
	let seeded: SeedSummary;
	let uniqueSku: { sku: string; locationId: string };

	beforeAll(async () => {
		shop = await startShopifySimulator({ seed: false });
		seeded = await shop.control.seed({ seed: 8, locations: 2, products: 5, orders: 12, posShare: 0.25 });
		// Compress Shopify's retry schedule so a failed delivery is retried within the test.
		await shop.control.configureWebhooks({ retryDelaysMs: [200, 200, 200, 200, 200, 200, 200, 200], timeoutMs: 5000 });
		const skuCounts = new Map<string, number>();
		for (const variant of seeded.variants) if (variant.sku) skuCounts.set(variant.sku, (skuCounts.get(variant.sku) ?? 0) + 1);
		const sku = seeded.variants.find((variant) => variant.sku && skuCounts.get(variant.sku) === 1)?.sku;
		if (!sku) throw new Error('the seeded store has no SKU that belongs to one variant');
		uniqueSku = { sku, locationId: seeded.locations[0].id };

		pos = new PosSimulator({ config: { auth: { type: 'bearer', token: POS_TOKEN } } });
		const posOrigin = await pos.start();

		n8n = await N8nInstance.create({ log: (line) => process.stdout.write(`${line}\n`) });
		await n8n.importCredentials([shopifyCredential('shopifySim', shop), posCredential('posSim', posOrigin, POS_TOKEN)]);
		await n8n.importWorkflows([
			getOrdersWorkflow('e2eGetOrders', 'shopifySim'),
			adjustInventoryWorkflow('e2eAdjustInventory', 'shopifySim', { saleId: '5001', lineId: '1', quantity: 2, ...uniqueSku }),
			orderToPosWorkflow('e2eOrderToPos', 'shopifySim', 'posSim'),
		]);
		await n8n.start();
	}, 300_000);

	afterAll(async () => {
		await n8n?.dispose();
		await pos?.stop();
		await shop?.close();
	}, 60_000);

	it('Get Orders returns every order in the store, POS-ready', async () => {
		const result = await n8n.execute('e2eGetOrders');
		expectExitedCleanly(result);
		const orders = nodeOutput(result, 'Shopify Get Orders');
		const expected = [...shop.simulator.store.orders.values()].map((order) => order.name).sort();
		expect(expected.length).toBeGreaterThan(0);
		expect(orders.map((order) => order.name).sort()).toEqual(expected);
		for (const order of orders) {
			expect(order.id).toMatch(/^gid:\/\/shopify\/Order\/\d+$/);
			expect(Array.isArray(order.lineItems)).toBe(true);
		}
	});

	it('Adjust Inventory applies a POS sale once; running the same sale again changes nothing', async () => {
		const before = await shop.control.quantity(uniqueSku.sku, uniqueSku.locationId);
		const first = await n8n.execute('e2eAdjustInventory');
		expectExitedCleanly(first);
		const [applied] = nodeOutput(first, 'Shopify Adjust Inventory');
		expect(applied).toMatchObject({ sku: uniqueSku.sku, delta: -2 });
		expect(await shop.control.quantity(uniqueSku.sku, uniqueSku.locationId)).toBe(before - 2);

		// The replay sends Shopify the same @idempotent key (derived from the sale's key), so nothing moves.
		const replay = await n8n.execute('e2eAdjustInventory');
		expectExitedCleanly(replay);
		expect(nodeOutput(replay, 'Shopify Adjust Inventory')[0].idempotencyKey).toBe(applied.idempotencyKey);
		expect(await shop.control.quantity(uniqueSku.sku, uniqueSku.locationId)).toBe(before - 2);
	});

	describe('Order Trigger (published, webhook deliveries)', () => {
		const webhookPath = `/webhook/${ORDER_TRIGGER_WEBHOOK_ID}/shopify-orders`;

		beforeAll(async () => {
			await n8n.rest.publishWorkflow('e2eOrderToPos');
		}, 120_000);

		/** Creates an order in the store and waits until its delivery has put it in the POS; returns its key there. */
		async function orderThroughToPos(): Promise<string> {
			const order = await shop.control.createOrder({ lineItems: [{ sku: uniqueSku.sku, quantity: 1 }], sourceName: 'web' });
			const key = `shopify-${String(order.id).split('/').pop()}`;
			await waitFor('the marker order in the POS', () => pos.store.orders.find((candidate) => candidate.idempotencyKey === key));
			return key;
		}

		it('publishing subscribes n8n\'s webhook URL to orders/create, once', async () => {
			const subscriptions = await shop.control.webhookSubscriptions();
			expect(subscriptions).toHaveLength(1);
			expect(subscriptions[0]).toMatchObject({ uri: `${n8n.baseUrl}${webhookPath}` });
		});

		it('a new Shopify order reaches the POS exactly once with its lines, quantities and money', async () => {
			const order = await shop.control.createOrder({
				lineItems: [
					{ sku: uniqueSku.sku, quantity: 3, price: '12.50' },
					{ title: 'Gift wrap', quantity: 1, price: '2.00' },
				],
				sourceName: 'web',
				financialStatus: 'PAID',
			});
			const legacyId = String(order.id).split('/').pop();
			const created = await waitFor('the order in the POS', () =>
				pos.store.orders.find((candidate) => candidate.idempotencyKey === `shopify-${legacyId}`),
			);
			expect(created.body).toMatchObject({
				externalId: order.name,
				lines: [
					{ sku: uniqueSku.sku, quantity: 3, unitPrice: 1250 },
					{ sku: 'custom:Gift wrap', quantity: 1, unitPrice: 200 },
				],
			});
			await shop.control.settleWebhooks();
			expect(pos.store.orders.filter((candidate) => candidate.idempotencyKey === `shopify-${legacyId}`)).toHaveLength(1);
		});

		it('a duplicated delivery (same event id) creates nothing more', async () => {
			await shop.control.webhookChaos({ duplicate: 1 });
			const order = await shop.control.createOrder({ lineItems: [{ sku: uniqueSku.sku, quantity: 1 }], sourceName: 'web' });
			const key = `shopify-${String(order.id).split('/').pop()}`;
			await waitFor('the order in the POS', () => pos.store.orders.find((candidate) => candidate.idempotencyKey === key));
			const { deliveries } = await shop.control.settleWebhooks();
			expect(deliveries.filter((delivery) => delivery.duplicate).length).toBeGreaterThan(0);
			// Both copies were delivered; the POS holds one order for the event.
			expect(pos.store.orders.filter((candidate) => candidate.idempotencyKey === key)).toHaveLength(1);
		});

		it('a forged delivery is refused and runs nothing in the POS; only the first of a series shows as a failed execution', async () => {
			const ordersBefore = pos.store.orders.length;
			// The earlier tests' executions are all recorded first (on a busy machine one can still be starting).
			const executionsBefore = (await waitForExecutionsToSettle(n8n.rest, 'e2eOrderToPos')).length;
			const body = JSON.stringify({ id: 999001, admin_graphql_api_id: 'gid://shopify/Order/999001', name: '#FORGED', line_items: [] });
			const forgedSignature = createHmac('sha256', 'not-the-app-secret').update(body).digest('base64');
			const forge = async (n: number) =>
				await fetch(`${n8n.baseUrl}${webhookPath}`, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						'x-shopify-hmac-sha256': forgedSignature,
						'x-shopify-topic': 'orders/create',
						'x-shopify-shop-domain': shop.shopDomain,
						'x-shopify-webhook-id': `forged-${n}`,
						'x-shopify-event-id': `forged-${n}`,
					},
					body,
				});
			// It names this store and a subscribed topic, so the first refusal is raised (n8n answers 500).
			expect((await forge(1)).status).toBe(500);
			expect((await forge(2)).status).toBe(401);
			// A real order sent after them reaching the POS proves the forged ones had their chance to run.
			const marker = await orderThroughToPos();
			expect(pos.store.orders.map((candidate) => candidate.idempotencyKey).slice(ordersBefore)).toEqual([marker]);
			const executions = await waitForExecutionsToSettle(n8n.rest, 'e2eOrderToPos');
			expect(executions.length).toBe(executionsBefore + 2);
			expect(executions.filter((execution) => execution.status === 'error')).toHaveLength(1);
		});

		it('remembers accepted deliveries across a restart: Shopify delivering one again afterwards runs nothing', async () => {
			const send = async (delivery: { body: Buffer; headers: Record<string, string> }) => {
				const response = await fetch(`${n8n.baseUrl}${webhookPath}`, { method: 'POST', headers: delivery.headers, body: new Uint8Array(delivery.body) });
				return { status: response.status, text: await response.text() };
			};
			const delivery = new OrderDeliveryFactory(shop.clientSecret, shop.shopDomain, '2026-07', 7_300_000_000_000).next();
			const before = (await executionsOf(n8n.rest, 'e2eOrderToPos')).length;
			expect((await send(delivery)).status).toBe(200);
			await waitFor('its execution', async () => ((await executionsOf(n8n.rest, 'e2eOrderToPos')).length > before ? true : undefined));
			await waitForExecutionsToSettle(n8n.rest, 'e2eOrderToPos');

			// Only what n8n saved in its database survives: the trigger's in-process memory is gone.
			await n8n.stop();
			await n8n.start();
			const again = await send(delivery);
			expect(again).toEqual({ status: 200, text: expect.stringContaining('already received') });
			// A new order's execution, started after the repeat, is recorded: a run of the repeat would be too.
			await orderThroughToPos();
			expect((await waitForExecutionsToSettle(n8n.rest, 'e2eOrderToPos')).length).toBe(before + 2);
		}, 180_000);

		it('restarting n8n keeps one subscription; unpublishing removes it', async () => {
			await n8n.stop();
			await n8n.start();
			expect(await shop.control.webhookSubscriptions()).toHaveLength(1);
			await n8n.rest.unpublishWorkflow('e2eOrderToPos');
			expect(await shop.control.webhookSubscriptions()).toHaveLength(0);
		}, 180_000);
	});
});
