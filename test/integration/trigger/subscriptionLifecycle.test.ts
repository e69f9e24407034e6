import type { INodeParameters } from 'n8n-workflow';
import { startShopifySimulator, type RunningShopifySimulator } from '../../../simulator/shopify';
import { ShopifyOrderTrigger } from '../../../nodes/ShopifyOrderTrigger/ShopifyOrderTrigger.node';
import { resetShopifyClientState } from '../../../lib/shopify/client';
import { ORDER_WEBHOOK_TOPICS } from '../../../lib/shopify/webhooks/topics';
import { TriggerWorkflowHarness } from './triggerWorkflowHarness';

const TRIGGER = 'Shopify Order Trigger';

describe('Shopify Order Trigger subscriptions against the simulator', () => {
	let shop: RunningShopifySimulator;
	const open: TriggerWorkflowHarness[] = [];

	beforeEach(async () => {
		resetShopifyClientState();
		shop = await startShopifySimulator({ seed: { orders: 0, products: 2, locations: 1 } });
	});

	afterEach(async () => {
		for (const workflow of open.splice(0)) await workflow.close();
		await shop.close();
	});

	async function workflowWith(parameters: INodeParameters, credential: Record<string, unknown> = {}): Promise<TriggerWorkflowHarness> {
		const workflow = new TriggerWorkflowHarness([{ name: TRIGGER, type: new ShopifyOrderTrigger(), parameters }], {
			shopifyAdminApi: {
				shop: shop.url,
				apiVersion: '2026-10',
				authentication: 'accessToken',
				accessToken: shop.accessToken,
				clientSecret: shop.clientSecret,
				...credential,
			},
		});
		open.push(workflow);
		await workflow.listen();
		return workflow;
	}

	const ours = async (workflow: TriggerWorkflowHarness) =>
		(await shop.control.webhookSubscriptions()).filter((subscription) => subscription.uri === workflow.webhookUrl(TRIGGER));

	it('registers one subscription per topic, never twice, re-creates one Shopify removed, and removes all on unpublish', async () => {
		const workflow = await workflowWith({ topics: ['orders/create', 'orders/paid'], options: { filter: 'financial_status:paid' } });
		await workflow.publish();
		const created = await ours(workflow);
		expect(created.map((s) => s.topic).sort()).toEqual(['orders/create', 'orders/paid']);
		expect(created.every((s) => s.filter === 'financial_status:paid' && s.format === 'JSON')).toBe(true);

		// n8n restarts and publishes again: checkExists finds both, nothing is created.
		await workflow.publish();
		expect((await ours(workflow)).map((s) => s.id).sort()).toEqual(created.map((s) => s.id).sort());

		// n8n is unreachable long enough for Shopify to give up and delete the subscription.
		await shop.control.configureWebhooks({ retryDelaysMs: [5, 5, 5, 5, 5, 5, 5, 5], timeoutMs: 1000 });
		workflow.unavailable = true;
		shop.orders.create({ lineItems: [{ title: 'Tea', quantity: 1, price: '2.00' }], financialStatus: 'PAID' });
		await shop.control.settleWebhooks(10_000);
		const removed = await shop.control.removedWebhookSubscriptions();
		expect(removed.map((s) => s.topic).sort()).toEqual(['orders/create', 'orders/paid']);
		expect(await ours(workflow)).toEqual([]);

		workflow.unavailable = false;
		await workflow.publish();
		expect((await ours(workflow)).map((s) => s.topic).sort()).toEqual(['orders/create', 'orders/paid']);

		await workflow.unpublish();
		expect(await ours(workflow)).toEqual([]);
	});

	it('changes only what differs when the topics or filter change', async () => {
		const workflow = await workflowWith({ topics: ['orders/create', 'orders/cancelled'] });
		await workflow.publish();
		const createId = (await ours(workflow)).find((s) => s.topic === 'orders/create')!.id;

		workflow.setParameters(TRIGGER, { topics: ['orders/create', 'orders/fulfilled'] });
		await workflow.publish();
		const after = await ours(workflow);
		expect(after.map((s) => s.topic).sort()).toEqual(['orders/create', 'orders/fulfilled']);
		expect(after.find((s) => s.topic === 'orders/create')!.id).toBe(createId);

		workflow.setParameters(TRIGGER, { topics: ['orders/create', 'orders/fulfilled'], options: { includeFields: 'id, name' } });
		await workflow.publish();
		const narrowed = await ours(workflow);
		expect(narrowed).toHaveLength(2);
		expect(narrowed.every((s) => s.id !== createId && s.includeFields.includes('admin_graphql_api_id') && s.includeFields.includes('name'))).toBe(true);
	});

	it('explains a webhook URL Shopify cannot reach before calling Shopify', async () => {
		// A real store: n8n on plain http://127.0.0.1 can never receive its deliveries.
		const workflow = await workflowWith({ topics: ['orders/create'] }, { shop: 'acme.myshopify.com' });
		await expect(workflow.publish()).rejects.toThrow(/HTTPS.*WEBHOOK_URL|WEBHOOK_URL/s);
	});

	it('names the missing read_orders scope', async () => {
		const config = await shop.control.config();
		await shop.control.configure({ scopes: config.scopes.filter((scope) => !/orders/.test(scope)) });
		const workflow = await workflowWith({ topics: ['orders/create'] });
		const failure = workflow.publish();
		await expect(failure).rejects.toThrow(/read_orders/);
		await expect(failure).rejects.not.toThrow(new RegExp(shop.accessToken));
	});

	it('delivers a signed order event from the simulator into one execution', async () => {
		const workflow = await workflowWith({ topics: ['orders/create'] });
		await workflow.publish();
		const order = shop.orders.create({ lineItems: [{ title: 'Latte', quantity: 2, price: '4.25' }], email: 'ada@example.com' });
		await shop.control.settleWebhooks(10_000);
		await workflow.settled();
		expect(workflow.executions).toHaveLength(1);
		const [item] = workflow.executions[0].items;
		expect(item).toMatchObject({ id: order.id, email: 'ada@example.com', event: { topic: 'orders/create', source: 'webhook', shopDomain: shop.shopDomain } });
		expect((item.lineItems as Array<{ quantity: number }>)[0].quantity).toBe(2);
	});

	it('accepts deliveries through a loopback address even when the store name was not saved at subscription', async () => {
		const workflow = await workflowWith({ topics: ['orders/create'] });
		await workflow.publish();
		const nodeData = workflow.storedStaticData[`node:${TRIGGER}`] as { shopDomain?: string };
		expect(nodeData.shopDomain).toBe(shop.shopDomain);
		delete nodeData.shopDomain;
		const order = shop.orders.create({ lineItems: [{ title: 'Chai', quantity: 1, price: '3.00' }] });
		await shop.control.settleWebhooks(10_000);
		await workflow.settled();
		expect(workflow.executions.map((execution) => execution.items[0].id)).toEqual([order.id]);
	});

	it('runs once per event when the simulator sends every delivery twice (same Event-Id, new Webhook-Id)', async () => {
		const workflow = await workflowWith({ topics: ['orders/create', 'orders/updated'] });
		await workflow.publish();
		await shop.control.webhookChaos({ duplicate: 10 });
		const orders = Array.from({ length: 5 }, (_, i) => shop.orders.create({ lineItems: [{ title: `Cup ${i}`, quantity: 1, price: '1.00' }] }));
		await shop.control.settleWebhooks(10_000);
		await workflow.settled();
		const deliveries = await shop.control.webhookDeliveries();
		expect(deliveries.filter((delivery) => delivery.duplicate).length).toBe(10);
		expect(deliveries.every((delivery) => delivery.state === 'delivered')).toBe(true);
		// Five orders, each announced by two topics, each delivery sent twice: five executions.
		const emitted = workflow.executions.flatMap((execution) => execution.items.map((item) => item.id));
		expect(emitted.sort()).toEqual(orders.map((order) => order.id).sort());
	});

	it('refuses deliveries signed with another secret', async () => {
		const workflow = await workflowWith({ topics: ['orders/create'] }, { webhookSecret: 'not-the-app-secret' });
		await workflow.publish();
		await shop.control.configureWebhooks({ retryDelaysMs: [], timeoutMs: 1000 });
		shop.orders.create({ lineItems: [{ title: 'Mocha', quantity: 1, price: '4.00' }] });
		await shop.control.settleWebhooks(10_000);
		await workflow.settled();
		const deliveries = await shop.control.webhookDeliveries();
		// Refused; the first refusal is raised as a failed execution, which n8n answers 500.
		expect(deliveries.at(-1)!.attempts.map((attempt) => attempt.status)).toEqual([500]);
		expect(workflow.executions).toHaveLength(0);
		expect(workflow.failedExecutions.map((failure) => failure.message)).toEqual([expect.stringContaining('Webhook Secret')]);
	});

	it('refuses to publish with an access token and no Webhook Secret, naming the field and where Shopify shows it', async () => {
		const workflow = await workflowWith({ topics: ['orders/create'] }, { clientSecret: '', webhookSecret: '' });
		const failure = workflow.publish();
		await expect(failure).rejects.toThrow(/no Webhook Secret.*custom app → API credentials → API secret key/s);
		expect(await ours(workflow)).toEqual([]);
	});

	it('subscribes to every offered topic, and the simulator delivers each into the workflow', async () => {
		const workflow = await workflowWith({ topics: [...ORDER_WEBHOOK_TOPICS] });
		await workflow.publish();
		expect((await ours(workflow)).map((s) => s.topic).sort()).toEqual([...ORDER_WEBHOOK_TOPICS].sort());
		const order = shop.orders.create({ lineItems: [{ title: 'Flat white', quantity: 2, price: '4.00' }], financialStatus: 'PAID' });
		await shop.control.settleWebhooks(10_000);
		await shop.control.cancelOrder(order.id);
		await shop.control.settleWebhooks(10_000);
		await shop.control.deleteOrder(order.id);
		await shop.control.settleWebhooks(10_000);
		await workflow.settled();
		const runs = workflow.executions.map((execution) => execution.items[0]);
		const ofTopic = (topic: string) => runs.filter((item) => (item.event as { topic: string }).topic === topic);
		// The refund the cancellation issued and the deletion run once each. The order topics name one or two
		// order changes (the simulator's updated_at has whole seconds, so a cancellation within the second of the
		// order's creation is the same change).
		expect(ofTopic('refunds/create')).toEqual([expect.objectContaining({ orderId: order.id })]);
		expect(ofTopic('orders/delete')).toEqual([expect.objectContaining({ id: order.id, deleted: true })]);
		expect(runs.length - 2).toBeGreaterThanOrEqual(1);
		expect(runs.length - 2).toBeLessThanOrEqual(2);
	});
});
