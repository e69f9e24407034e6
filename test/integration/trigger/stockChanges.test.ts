import type { IDataObject } from 'n8n-workflow';
import { resetShopifyClientState } from '../../../lib/shopify/client';
import { parseJsonWithExactIds } from '../../../lib/shopify/orders/exactIdJson';
import { computeWebhookHmac } from '../../../lib/shopify/webhooks/hmac';
import { ShopifyOrderPollingTrigger } from '../../../nodes/ShopifyOrderTrigger/ShopifyOrderPollingTrigger.node';
import { ShopifyOrderTrigger } from '../../../nodes/ShopifyOrderTrigger/ShopifyOrderTrigger.node';
import { startShopifySimulator, type RunningShopifySimulator } from '../../../simulator/shopify';
import { exampleText } from '../../unit/lib/shopify/orders/stockChanges/webhookExamples';
import { post, TriggerWorkflowHarness } from './triggerWorkflowHarness';

const WEBHOOK = 'Shopify Order Trigger';
const POLLER = 'Shopify Order Polling Trigger';

interface EmittedChange {
	key: string;
	sku: string | null;
	quantity: number;
	lineItemId: string;
	orderId: string;
	orderName: string | null;
	cause: string;
	occurredAt: string;
	reference: string;
}

const changesOf = (item: IDataObject) => item.stockChanges as unknown as EmittedChange[];

/**
 * The Shopify refunds/create example (2026-07) made to refund `lines` of a real order of the simulated store,
 * with the given restock type and time: the exact text a delivery carries, ids as exact JSON numbers.
 */
function refundBody(
	refundId: string,
	orderLegacyId: number,
	lines: Array<{ refundLineId: string; legacyId: number; sku: string | null; quantity: number }>,
	type: string,
	processedAt: string,
): string {
	const example = JSON.parse(exampleText('2026-07', 'refunds/create')) as Record<string, unknown> & { refund_line_items: Array<Record<string, unknown>> };
	const template = example.refund_line_items[0];
	const refundLines = lines.map((line) => ({
		...template,
		id: `@${line.refundLineId}@`,
		quantity: line.quantity,
		line_item_id: line.legacyId,
		restock_type: type,
		line_item: { ...(template.line_item as object), id: line.legacyId, sku: line.sku, quantity: line.quantity, admin_graphql_api_id: `gid://shopify/LineItem/${line.legacyId}` },
	}));
	const refund = {
		...example,
		id: `@${refundId}@`,
		order_id: orderLegacyId,
		created_at: processedAt,
		processed_at: processedAt,
		admin_graphql_api_id: `gid://shopify/Refund/${refundId}`,
		refund_line_items: refundLines,
	};
	// Shopify writes ids as JSON numbers; these are above 2^53, so they are spliced in as digits.
	return JSON.stringify(refund).replace(/"@(\d+)@"/g, '$1');
}

describe('stock changes on the items of the Shopify order triggers, in n8n-core', () => {
	let shop: RunningShopifySimulator;
	let at = 0;
	const workflows: TriggerWorkflowHarness[] = [];

	function credential() {
		return { shop: shop.url, apiVersion: '2026-10', authentication: 'accessToken', accessToken: shop.accessToken, clientSecret: shop.clientSecret };
	}

	async function workflow(nodes: Array<'webhook' | 'poller'>): Promise<TriggerWorkflowHarness> {
		const harness = new TriggerWorkflowHarness(
			nodes.map((node) =>
				node === 'webhook'
					? { name: WEBHOOK, type: new ShopifyOrderTrigger(), parameters: { topics: ['orders/create', 'orders/updated', 'orders/edited', 'orders/cancelled', 'refunds/create'] } }
					: { name: POLLER, type: new ShopifyOrderPollingTrigger(), parameters: {} },
			),
			{ shopifyAdminApi: credential() },
		);
		await harness.listen();
		workflows.push(harness);
		return harness;
	}

	/** A delivery signed as Shopify signs it (the app's client secret), for topics the store does not send. */
	function signed(body: string, topic: string, eventId: string): Record<string, string> {
		return {
			'x-shopify-hmac-sha256': computeWebhookHmac(Buffer.from(body), shop.clientSecret),
			'x-shopify-topic': topic,
			'x-shopify-shop-domain': shop.shopDomain,
			'x-shopify-api-version': '2026-10',
			'x-shopify-webhook-id': `webhook-${eventId}`,
			'x-shopify-event-id': eventId,
			'x-shopify-triggered-at': new Date(at).toISOString(),
		};
	}

	async function settle(...harnesses: TriggerWorkflowHarness[]): Promise<void> {
		await shop.control.settleWebhooks(10_000);
		for (const harness of harnesses) await harness.settled();
	}

	const items = (harness: TriggerWorkflowHarness) => harness.executions.flatMap((execution) => execution.items);

	beforeEach(async () => {
		resetShopifyClientState();
		at = Math.floor(Date.now() / 1000) * 1000 - 60_000;
		shop = await startShopifySimulator({ seed: { orders: 0, products: 3, locations: 1 }, clock: () => at });
	});

	afterEach(async () => {
		for (const harness of workflows.splice(0)) await harness.close();
		await shop.close();
	});

	function skus(): string[] {
		return [...shop.simulator.store.variants.values()].map((variant) => variant.sku!).slice(0, 2);
	}

	it('orders/create: one sale per line; an edit: the difference, with SKUs read from Shopify; a refund with restock: the units back', async () => {
		const harness = await workflow(['webhook']);
		await harness.publish();
		const [skuA, skuB] = skus();
		const order = shop.orders.create({ lineItems: [{ sku: skuA, quantity: 3 }, { sku: skuB, quantity: 1 }, { title: 'Gift wrap', quantity: 1, price: '2.00' }], financialStatus: 'PAID' });
		await settle(harness);

		const [created] = items(harness);
		expect((created.event as IDataObject).topic).toBe('orders/create');
		const [lineA, lineB, wrap] = order.lineItems;
		expect(changesOf(created)).toEqual([
			{
				key: `sale:${order.legacyResourceId}:${lineA.legacyResourceId}`,
				sku: skuA,
				quantity: -3,
				lineItemId: lineA.id,
				orderId: order.id,
				orderName: order.name,
				cause: 'sale',
				occurredAt: created.processedAt,
				reference: `Shopify order ${order.name}, line ${lineA.legacyResourceId}`,
			},
			expect.objectContaining({ key: `sale:${order.legacyResourceId}:${lineB.legacyResourceId}`, sku: skuB, quantity: -1 }),
			expect.objectContaining({ key: `sale:${order.legacyResourceId}:${wrap.legacyResourceId}`, sku: null, quantity: -1 }),
		]);

		// The edit takes 2 of line A off the order: the POS gets them back, once.
		at += 1000;
		await shop.control.clearRequests();
		shop.orders.update(order.id, { lineItemQuantities: [{ lineItemId: lineA.id, currentQuantity: 1 }] });
		await settle(harness);
		const edited = items(harness).find((item) => (item.event as IDataObject).topic === 'orders/edited')!;
		expect(changesOf(edited)).toEqual([
			expect.objectContaining({ sku: skuA, quantity: 2, lineItemId: lineA.id, orderId: order.id, orderName: order.name, cause: 'edit' }),
		]);
		expect(changesOf(edited)[0].key).toMatch(new RegExp(`^edit:\\d+:${lineA.legacyResourceId}$`));
		// The one extra call the edit costs: OrderEditLines.
		const calls = (await shop.control.requests()).map((entry) => entry.operationName);
		expect(calls).toEqual(['OrderEditLines']);

		// A second edit puts one unit of line A back on the order: only that difference moves.
		at += 1000;
		shop.orders.update(order.id, { lineItemQuantities: [{ lineItemId: lineA.id, currentQuantity: 2 }] });
		await settle(harness);
		const edits = items(harness).filter((item) => (item.event as IDataObject).topic === 'orders/edited').map(changesOf);
		expect(edits).toHaveLength(2);
		expect(edits[1]).toEqual([expect.objectContaining({ sku: skuA, quantity: -1, lineItemId: lineA.id, cause: 'edit' })]);
		expect(edits[1][0].key).not.toBe(edits[0][0].key);

		// A refund that restocks line B (returned) and, per Shopify's example, nothing for a no_restock line.
		const refundId = '890088186047892319';
		const refundedAt = new Date(at).toISOString();
		const body = refundBody(refundId, order.legacyResourceId, [{ refundLineId: '487817672276298627', legacyId: lineB.legacyResourceId, sku: skuB, quantity: 1 }], 'return', refundedAt);
		expect((await post(harness.webhookUrl(WEBHOOK), Buffer.from(body), signed(body, 'refunds/create', 'refund-1'))).status).toBe(200);
		const noRestock = refundBody('890088186047892320', order.legacyResourceId, [{ refundLineId: '487817672276298628', legacyId: wrap.legacyResourceId, sku: null, quantity: 1 }], 'no_restock', refundedAt);
		expect((await post(harness.webhookUrl(WEBHOOK), Buffer.from(noRestock), signed(noRestock, 'refunds/create', 'refund-2'))).status).toBe(200);
		// Shopify delivers the first refund again: nothing runs.
		expect((await post(harness.webhookUrl(WEBHOOK), Buffer.from(body), signed(body, 'refunds/create', 'refund-1'))).body).toMatch(/already received/);
		await harness.settled();
		const refunds = items(harness).filter((item) => (item.event as IDataObject).topic === 'refunds/create');
		expect(refunds.map(changesOf)).toEqual([
			[
				{
					key: `restock:${refundId}:487817672276298627`,
					sku: skuB,
					quantity: 1,
					lineItemId: lineB.id,
					orderId: order.id,
					orderName: null,
					cause: 'restock',
					occurredAt: refundedAt.replace('.000Z', 'Z'),
					reference: `Shopify order ${order.legacyResourceId} refund ${refundId}, line ${lineB.legacyResourceId}`,
				},
			],
			[],
		]);

		// Over the whole story the POS's stock follows the order: SKU A -3 + 2 - 1 (2 kept), SKU B -1 + 1 (returned).
		const net = new Map<string, number>();
		for (const change of items(harness).flatMap(changesOf)) net.set(String(change.sku), (net.get(String(change.sku)) ?? 0) + change.quantity);
		expect(Object.fromEntries(net)).toEqual({ [skuA]: -2, [skuB]: 0, null: -1 });
	});

	it('an order whose orders/updated arrives before its orders/create still carries its sale, once', async () => {
		const harness = await workflow(['webhook']);
		await harness.publish();
		await shop.control.webhookChaos({ reorder: 2 }); // orders/create and orders/updated, sent newest first
		const [skuA] = skus();
		const order = shop.orders.create({ lineItems: [{ sku: skuA, quantity: 2 }] });
		await settle(harness);
		const deliveries = await shop.control.webhookDeliveries();
		expect(deliveries.map((delivery) => delivery.topic)).toEqual(['orders/create', 'orders/updated']);
		expect(items(harness).map((item) => (item.event as IDataObject).topic)).toEqual(['orders/updated']);
		expect(items(harness).flatMap(changesOf)).toEqual([
			expect.objectContaining({ key: `sale:${order.legacyResourceId}:${order.lineItems[0].legacyResourceId}`, sku: skuA, quantity: -2 }),
		]);
	});

	it('an edit whose lines cannot be read answers 503, remembers nothing, and goes through when Shopify delivers it again', async () => {
		const harness = await workflow(['webhook']);
		await harness.publish();
		await shop.control.configureWebhooks({ retryDelaysMs: [0, 0, 0] });
		const [skuA] = skus();
		const order = shop.orders.create({ lineItems: [{ sku: skuA, quantity: 2 }] });
		await settle(harness);
		// Shopify refuses the one lookup (a revoked token answers 401 for the static token: no renewal, no retry).
		await shop.control.injectFaults({ kind: 'unauthorized', operationName: 'OrderEditLines', count: 1 });
		at += 1000;
		shop.orders.update(order.id, { lineItemQuantities: [{ lineItemId: order.lineItems[0].id, currentQuantity: 1 }] });
		await settle(harness);
		const delivery = (await shop.control.webhookDeliveries()).find((record) => record.topic === 'orders/edited')!;
		expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([503, 200]);
		const edited = items(harness).filter((item) => (item.event as IDataObject).topic === 'orders/edited');
		expect(edited.map(changesOf)).toEqual([[expect.objectContaining({ sku: skuA, quantity: 1, cause: 'edit' })]]);
		expect(harness.logger.warnings.join('\n')).toMatch(/stock changes of this orders\/edited delivery could not be read/);
	});

	it("a paid order cancelled with restock in the store: the store's refunds/create puts every unit back once", async () => {
		const harness = await workflow(['webhook']);
		await harness.publish();
		const [skuA, skuB] = skus();
		const order = shop.orders.create({ lineItems: [{ sku: skuA, quantity: 2 }, { sku: skuB, quantity: 1 }], financialStatus: 'PAID' });
		await settle(harness);
		at += 1000;
		shop.orders.cancel(order.id, { restock: true });
		await settle(harness);
		const byTopic = (topic: string) => items(harness).filter((item) => (item.event as IDataObject).topic === topic).flatMap(changesOf);
		expect(byTopic('refunds/create')).toEqual(
			order.lineItems.map((line) => expect.objectContaining({ sku: line.sku, quantity: line.quantity, lineItemId: line.id, cause: 'restock', orderId: order.id })),
		);
		expect(byTopic('refunds/create')[0].key).toMatch(/^restock:\d+:\d+$/);
		const net = new Map<string, number>();
		for (const change of items(harness).flatMap(changesOf)) net.set(String(change.sku), (net.get(String(change.sku)) ?? 0) + change.quantity);
		expect(Object.fromEntries(net)).toEqual({ [skuA]: 0, [skuB]: 0 });
	});

	it('a cancellation with restock moves stock back once, whether its refund arrives as refunds/create or on orders/cancelled', async () => {
		const harness = await workflow(['webhook']);
		await harness.publish();
		const [skuA] = skus();
		const order = shop.orders.create({ lineItems: [{ sku: skuA, quantity: 2 }], financialStatus: 'PENDING' });
		await settle(harness);
		const [line] = order.lineItems;

		// Ids above 2^53 travel as exact JSON numbers: kept as digits while the test builds the bodies.
		// The order's cancelled payload holding the refund Shopify records for a cancellation with restock.
		const refund = parseJsonWithExactIds(
			refundBody('990088186047892319', order.legacyResourceId, [{ refundLineId: '587817672276298627', legacyId: line.legacyResourceId, sku: skuA, quantity: 2 }], 'cancel', new Date(at).toISOString()),
		) as Record<string, unknown>;
		refund.processed_at = new Date(at).toISOString();
		refund.created_at = refund.processed_at;
		at += 1000;
		const cancelledOrder = shop.orders.cancel(order.id, { restock: true });
		const cancelled = { ...(JSON.parse(exampleText('2026-07', 'orders/cancelled')) as Record<string, unknown>), id: order.legacyResourceId, admin_graphql_api_id: order.id, name: order.name, created_at: order.createdAt, updated_at: cancelledOrder.updatedAt, refunds: [refund] };
		const cancelledBody = JSON.stringify(cancelled).replace(/"(\d{16,})"/g, '$1');
		const refundText = JSON.stringify(refund).replace(/"(\d{16,})"/g, '$1');

		expect((await post(harness.webhookUrl(WEBHOOK), Buffer.from(cancelledBody), signed(cancelledBody, 'orders/cancelled', 'cancel-1'))).status).toBe(200);
		expect((await post(harness.webhookUrl(WEBHOOK), Buffer.from(refundText), signed(refundText, 'refunds/create', 'refund-1'))).status).toBe(200);
		await harness.settled();

		const restocks = items(harness).flatMap(changesOf).filter((change) => change.cause === 'restock');
		expect(restocks).toEqual([expect.objectContaining({ key: 'restock:990088186047892319:587817672276298627', sku: skuA, quantity: 2, orderName: order.name })]);
		// Both deliveries ran the workflow (each is an event); only the first carried the restock.
		expect(items(harness).map((item) => [(item.event as IDataObject).topic, changesOf(item).length])).toEqual([
			['orders/create', 1],
			['orders/cancelled', 1],
			['refunds/create', 0],
		]);
	});

	it('a webhook and a poll name the same sale with the same keys, and one workflow emits it once', async () => {
		const webhookOnly = await workflow(['webhook']);
		const pollOnly = await workflow(['poller']);
		const both = await workflow(['webhook', 'poller']);
		for (const harness of [webhookOnly, pollOnly, both]) await harness.publish();
		await pollOnly.poll(POLLER); // the pollers start watching now
		await both.poll(POLLER);
		at = Math.max(at, Math.ceil(Date.now() / 1000) * 1000 + 1000);

		const [skuA, skuB] = skus();
		const order = shop.orders.create({ lineItems: [{ sku: skuA, quantity: 2 }, { sku: skuB, quantity: 5 }], financialStatus: 'PENDING' });
		at += 1000;
		shop.orders.pay(order.id);
		await settle(webhookOnly, both);
		await pollOnly.poll(POLLER);
		await both.poll(POLLER);
		await settle(webhookOnly, pollOnly, both);

		const keysOf = (harness: TriggerWorkflowHarness) => items(harness).flatMap(changesOf).map((change) => change.key);
		const expected = order.lineItems.map((line) => `sale:${order.legacyResourceId}:${line.legacyResourceId}`);
		expect(keysOf(webhookOnly)).toEqual(expected);
		expect(keysOf(pollOnly)).toEqual(expected);
		expect(items(pollOnly).flatMap(changesOf)).toEqual(items(webhookOnly).flatMap(changesOf).map((change) => ({ ...change })));
		// One workflow with both triggers: the order's changes are emitted by both paths, its sale once.
		expect(keysOf(both)).toEqual(expected);
		expect(items(both).length).toBeGreaterThan(1);

		// A later change of the order is not a sale again, by webhook or by poll.
		at += 1000;
		shop.orders.update(order.id, { note: 'gift' });
		await settle(webhookOnly, both);
		await pollOnly.poll(POLLER);
		await both.poll(POLLER);
		await settle(pollOnly, both);
		expect(items(pollOnly).length).toBeGreaterThan(1);
		expect(keysOf(webhookOnly)).toEqual(expected);
		expect(keysOf(pollOnly)).toEqual(expected);
		expect(keysOf(both)).toEqual(expected);
	});

	it('an order whose orders/create was lost gets its sale from the next poll, keyed the same', async () => {
		const both = await workflow(['webhook', 'poller']);
		await both.publish();
		await both.poll(POLLER);
		at = Math.max(at, Math.ceil(Date.now() / 1000) * 1000 + 1000);
		await shop.control.webhookChaos({ drop: 2 }); // orders/create and orders/updated of the new order
		const [skuA] = skus();
		const order = shop.orders.create({ lineItems: [{ sku: skuA, quantity: 4 }] });
		await settle(both);
		expect(both.executions).toHaveLength(0);
		await both.poll(POLLER);
		await both.settled();
		expect(items(both).flatMap(changesOf)).toEqual([
			expect.objectContaining({ key: `sale:${order.legacyResourceId}:${order.lineItems[0].legacyResourceId}`, sku: skuA, quantity: -4, cause: 'sale' }),
		]);
	});
});
