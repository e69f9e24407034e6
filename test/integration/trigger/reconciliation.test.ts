import type { IDataObject } from 'n8n-workflow';
import { startShopifySimulator, type RunningShopifySimulator } from '../../../simulator/shopify';
import { ShopifyOrderPollingTrigger } from '../../../nodes/ShopifyOrderTrigger/ShopifyOrderPollingTrigger.node';
import { ShopifyOrderTrigger } from '../../../nodes/ShopifyOrderTrigger/ShopifyOrderTrigger.node';
import { resetShopifyClientState } from '../../../lib/shopify/client';
import { orderChangeKey } from '../../../lib/shopify/webhooks/orderChangeKey';
import { TriggerWorkflowHarness } from './triggerWorkflowHarness';

const WEBHOOK = 'Shopify Order Trigger';
const POLLER = 'Shopify Order Polling Trigger';

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function seeded(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

describe('webhook + polling reconciliation in one workflow', () => {
	let shop: RunningShopifySimulator;
	let workflow: TriggerWorkflowHarness;
	let at = 0;

	beforeEach(async () => {
		resetShopifyClientState();
		at = Math.floor(Date.now() / 1000) * 1000 - 60_000;
		shop = await startShopifySimulator({ seed: { orders: 5, products: 3, locations: 1 }, clock: () => at });
		workflow = new TriggerWorkflowHarness(
			[
				{ name: WEBHOOK, type: new ShopifyOrderTrigger(), parameters: { topics: ['orders/updated'] } },
				{ name: POLLER, type: new ShopifyOrderPollingTrigger(), parameters: {} },
			],
			{
				shopifyAdminApi: {
					shop: shop.url,
					apiVersion: '2026-10',
					authentication: 'accessToken',
					accessToken: shop.accessToken,
					clientSecret: shop.clientSecret,
				},
			},
		);
		await workflow.listen();
	});

	afterEach(async () => {
		await workflow.close();
		await shop.close();
	});

	it('emits every order change exactly once while the simulator drops ~10 % of deliveries and reorders others', async () => {
		await workflow.publish();
		await workflow.poll(POLLER); // the poller starts watching now
		at = Math.max(at, Math.ceil(Date.now() / 1000) * 1000 + 1000);

		const random = seeded(6);
		const changes = new Set<string>();
		const orderIds: string[] = [];
		const record = (order: { id: string; updatedAt: string }) => changes.add(orderChangeKey(order.id, order.updatedAt)!);

		for (let round = 0; round < 20; round++) {
			// Each round changes distinct orders, then the poller runs: no change is overwritten before someone can see it.
			// Every fifth round loses a delivery (10 % of all deliveries); about a third of the others hold three back.
			const drop = round % 5 === 2 ? 1 : 0;
			const reorder = drop === 0 && random() < 0.3 ? 3 : 0;
			await shop.control.webhookChaos({ drop, reorder });
			at += 1000;
			const created = shop.orders.create({ lineItems: [{ title: `Item ${round}`, quantity: 1 + (round % 3), price: '5.00' }], financialStatus: 'PENDING' });
			orderIds.push(created.id);
			record(created);
			const others = orderIds.slice(0, -1);
			if (others.length > 0) {
				at += 1000;
				const target = others[Math.floor(random() * others.length)];
				const changed = random() < 0.5 ? shop.orders.pay(target) : shop.orders.update(target, { note: `round ${round}` });
				record(changed);
			}
			await shop.control.settleWebhooks(10_000);
			if (random() < 0.5) await shop.control.releaseHeldWebhooks();
			await shop.control.settleWebhooks(10_000);
			await workflow.settled();
			await workflow.poll(POLLER);
		}
		await shop.control.releaseHeldWebhooks();
		await shop.control.settleWebhooks(10_000);
		await workflow.settled();
		await workflow.poll(POLLER);

		const deliveries = await shop.control.webhookDeliveries();
		const dropped = deliveries.filter((delivery) => delivery.state === 'dropped').length;
		const emitted = workflow.executions.flatMap((execution) => execution.items as IDataObject[]);
		const emittedKeys = emitted.map((item) => orderChangeKey(item.id as string, item.updatedAt as string)!);
		const bySource = (source: string) => emitted.filter((item) => (item.event as IDataObject).source === source).length;

		expect(dropped / deliveries.length).toBeGreaterThanOrEqual(0.1);
		expect(deliveries.some((delivery) => delivery.state === 'delivered' && delivery.attempts.length > 0)).toBe(true);
		expect(new Set(emittedKeys).size).toBe(emittedKeys.length);
		expect(new Set(emittedKeys)).toEqual(changes);
		// Both paths contributed: webhooks carried most changes, polling recovered what was dropped.
		expect(bySource('webhook')).toBeGreaterThan(bySource('poll'));
		expect(bySource('poll')).toBeGreaterThan(0);
		console.log(
			`reconciliation: ${changes.size} changes, ${deliveries.length} deliveries (${dropped} dropped), ` +
				`${bySource('webhook')} emitted from webhooks, ${bySource('poll')} from polls`,
		);
	});
});
