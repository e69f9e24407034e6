import { ORDER_WEBHOOK_TOPICS } from '../../lib/shopify/webhooks/topics';
import { startShopifySimulator, type RunningShopifySimulator } from '../../simulator/shopify';
import { N8nInstance, type N8nRest } from './harness';
import { signedTopicDelivery, type SignedDelivery } from './harness/signedOrderDelivery';
import { executionsOf, waitForExecutionsToSettle, type ExecutionSummary } from './queue/executions';
import { orderTriggerWorkflow, shopifyCredential, shopifyCredentialWithoutWebhookSecret } from './workflows/shopifyWorkflows';
import { waitFor as waitUntil } from './harness';

// The Shopify Order Trigger inside a real n8n 2.41.1, published with every topic it offers against the Shopify
// simulator: each topic runs once per event, and a captured signed body runs nothing again whatever its unsigned
// headers say, nor when it is older than the trigger's memory; topics not chosen run nothing; a credential that
// cannot verify deliveries is refused at publishing; refused deliveries show as one failed execution.
const HOUR = 60 * 60 * 1000;
const ALL_TOPICS_HOOK = '0d7c6c1e-2f1a-4f55-9a3e-5b8e7e0a4c11';
const ORDER_TOPICS_HOOK = '7a4f3b9e-1c2d-4e5f-8a6b-9c0d1e2f3a4b';
const NO_SECRET_HOOK = 'c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f';

const waitFor = async <T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> => await waitUntil(what, probe, timeoutMs);

/** The topic of the event an execution's trigger emitted, read through the public API. */
async function triggerTopicOf(rest: N8nRest, execution: ExecutionSummary): Promise<string | undefined> {
	const response = await rest.publicApi<{ data?: unknown }>('GET', `/executions/${execution.id}?includeData=true`);
	const text = JSON.stringify(response.body.data ?? '');
	return /"topic":"([a-z_]+\/[a-z_]+)"/.exec(text)?.[1];
}

describe('Shopify Order Trigger inside n8n: every offered topic, replays and refusals', () => {
	let n8n: N8nInstance;
	let shop: RunningShopifySimulator;
	let nextId = 7_500_000_000_000;

	const url = (hook: string) => `${n8n.baseUrl}/webhook/${hook}/shopify-orders`;
	const send = async (hook: string, delivery: SignedDelivery) => {
		const response = await fetch(url(hook), { method: 'POST', headers: delivery.headers, body: new Uint8Array(delivery.body) });
		return { status: response.status, text: await response.text() };
	};
	const delivery = (topic: string, happenedAt = new Date()) =>
		signedTopicDelivery(topic, { secret: shop.clientSecret, shopDomain: shop.shopDomain, uniqueId: nextId++, happenedAt });
	const successful = async (workflowId: string) => (await waitForExecutionsToSettle(n8n.rest, workflowId)).filter((e) => e.status === 'success');

	beforeAll(async () => {
		shop = await startShopifySimulator({ seed: false });
		await shop.control.seed({ seed: 17, locations: 1, products: 3, orders: 0 });
		n8n = await N8nInstance.create({ log: (line) => process.stdout.write(`${line}\n`) });
		await n8n.importCredentials([shopifyCredential('shopifySim', shop), shopifyCredentialWithoutWebhookSecret('shopifyNoSecret', shop)]);
		await n8n.importWorkflows([
			orderTriggerWorkflow('e2eAllTopics', 'shopifySim', ALL_TOPICS_HOOK, ORDER_WEBHOOK_TOPICS),
			orderTriggerWorkflow('e2eOrderTopics', 'shopifySim', ORDER_TOPICS_HOOK, ['orders/create', 'orders/updated', 'orders/paid']),
			orderTriggerWorkflow('e2eNoSecret', 'shopifyNoSecret', NO_SECRET_HOOK, ['orders/create']),
		]);
		await n8n.start();
		await n8n.rest.publishWorkflow('e2eAllTopics');
		await n8n.rest.publishWorkflow('e2eOrderTopics');
	}, 300_000);

	afterAll(async () => {
		await n8n?.dispose();
		await shop?.close();
	}, 60_000);

	it('publishing subscribes the trigger to every offered topic in the simulator', async () => {
		const subscriptions = (await shop.control.webhookSubscriptions()).filter((s) => s.uri === url(ALL_TOPICS_HOOK));
		expect(subscriptions.map((s) => s.topic).sort()).toEqual([...ORDER_WEBHOOK_TOPICS].sort());
	});

	it('the simulator\'s refunds/create and orders/delete deliveries each start one run', async () => {
		const order = await shop.control.createOrder({ lineItems: [{ title: 'Espresso', quantity: 2, price: '3.00' }], financialStatus: 'PAID' });
		await shop.control.settleWebhooks();
		await shop.control.cancelOrder(order.id);
		await shop.control.settleWebhooks();
		await shop.control.deleteOrder(order.id);
		const { deliveries } = await shop.control.settleWebhooks();
		const ours = deliveries.filter((d) => d.uri === url(ALL_TOPICS_HOOK) && ['refunds/create', 'orders/delete'].includes(d.topic));
		expect(ours.map((d) => [d.topic, d.state]).sort()).toEqual([
			['orders/delete', 'delivered'],
			['refunds/create', 'delivered'],
		]);
		const runs = await successful('e2eAllTopics');
		const topics = await Promise.all(runs.map((run) => triggerTopicOf(n8n.rest, run)));
		expect(topics.filter((topic) => topic === 'refunds/create')).toHaveLength(1);
		expect(topics.filter((topic) => topic === 'orders/delete')).toHaveLength(1);
	}, 120_000);

	it('for every offered topic, a signed delivery runs once; the same body with a new Event-Id, Webhook-Id, Triggered-At or all three runs nothing', async () => {
		const before = (await successful('e2eAllTopics')).length;
		const firsts = ORDER_WEBHOOK_TOPICS.map((topic) => delivery(topic));
		for (const first of firsts) {
			const response = await send(ALL_TOPICS_HOOK, first);
			expect(response.status).toBe(200);
			// A short JSON answer, not n8n's placeholder `firstEntryJson`.
			expect(JSON.parse(response.text)).toEqual({ received: true });
		}
		const runs = await waitFor('one run per topic', async () => {
			const done = await successful('e2eAllTopics');
			return done.length >= before + firsts.length ? done : undefined;
		});
		const topics = await Promise.all(runs.slice(0, runs.length - before).map((run) => triggerTopicOf(n8n.rest, run)));
		expect(topics.sort()).toEqual([...ORDER_WEBHOOK_TOPICS].sort());

		const later = new Date(Date.now() + 60_000).toISOString();
		for (const first of firsts) {
			const replays: Array<Record<string, string>> = [
				{ 'x-shopify-event-id': `${first.key}-replay` },
				{ 'x-shopify-webhook-id': `${first.key}-replay` },
				{ 'x-shopify-triggered-at': later },
				{ 'x-shopify-event-id': `${first.key}-all`, 'x-shopify-webhook-id': `${first.key}-all`, 'x-shopify-triggered-at': later },
			];
			for (const headers of replays) {
				const response = await send(ALL_TOPICS_HOOK, { ...first, headers: { ...first.headers, ...headers } });
				expect(response.status).toBe(200);
				expect(JSON.parse(response.text)).toMatchObject({ received: true, started: false, reason: expect.stringContaining('already received') });
			}
		}
		// Each replay was answered by the trigger itself ("already received"): the executions are final.
		expect((await successful('e2eAllTopics')).length).toBe(before + firsts.length);
	}, 180_000);

	it('a signed body older than the 48-hour memory runs nothing, though the memory has never seen it', async () => {
		const before = (await successful('e2eAllTopics')).length;
		// orders/delete carries no time of its own: it is recognised by the deleted order's id only.
		const dated = ORDER_WEBHOOK_TOPICS.filter((topic) => topic !== 'orders/delete');
		for (const topic of dated) {
			const response = await send(ALL_TOPICS_HOOK, delivery(topic, new Date(Date.now() - 49 * HOUR)));
			expect(response.status).toBe(200);
			expect(JSON.parse(response.text)).toMatchObject({ started: false, reason: expect.stringContaining('older than the 48-hour memory') });
		}
		// A delivery Shopify triggered three days ago is refused on its header alone.
		const late = delivery('orders/create');
		const old = { ...late, headers: { ...late.headers, 'x-shopify-triggered-at': new Date(Date.now() - 72 * HOUR).toISOString() } };
		expect(JSON.parse((await send(ALL_TOPICS_HOOK, old)).text)).toMatchObject({ started: false, reason: expect.stringContaining('X-Shopify-Triggered-At') });
		expect((await successful('e2eAllTopics')).length).toBe(before);
	}, 120_000);

	it('topics the trigger does not subscribe to are answered 200 and run nothing', async () => {
		const before = (await executionsOf(n8n.rest, 'e2eOrderTopics')).length;
		for (const topic of ['orders/delete', 'refunds/create', 'orders/edited', 'orders/cancelled']) {
			const response = await send(ORDER_TOPICS_HOOK, delivery(topic));
			expect(response.status).toBe(200);
			expect(JSON.parse(response.text)).toMatchObject({ started: false, reason: `not subscribed to ${topic}` });
		}
		expect((await waitForExecutionsToSettle(n8n.rest, 'e2eOrderTopics')).length).toBe(before);
	}, 120_000);

	it('publishing with an access-token credential and no Webhook Secret fails with a message naming the field and where Shopify shows it', async () => {
		const failure = n8n.rest.publishWorkflow('e2eNoSecret');
		await expect(failure).rejects.toThrow(/Webhook Secret.*API credentials → API secret key/s);
		expect((await shop.control.webhookSubscriptions()).filter((s) => s.uri === url(NO_SECRET_HOOK))).toEqual([]);
	}, 120_000);

	it('deliveries signed with another key show as one failed execution naming the Webhook Secret, then get 401', async () => {
		const before = await executionsOf(n8n.rest, 'e2eAllTopics');
		const statuses = [];
		for (let i = 0; i < 4; i++) {
			const forged = signedTopicDelivery('orders/create', { secret: 'an-old-secret', shopDomain: shop.shopDomain, uniqueId: nextId++, happenedAt: new Date() });
			statuses.push((await send(ALL_TOPICS_HOOK, forged)).status);
		}
		expect(statuses).toEqual([500, 401, 401, 401]);
		const failed = await waitFor('the failed execution', async () => {
			const all = await executionsOf(n8n.rest, 'e2eAllTopics');
			const fresh = all.filter((e) => !before.some((b) => b.id === e.id) && e.status === 'error');
			return fresh.length > 0 ? fresh : undefined;
		});
		const settled = await waitForExecutionsToSettle(n8n.rest, 'e2eAllTopics');
		expect(settled.length).toBe(before.length + 1);
		expect(failed).toHaveLength(1);
		const details = await n8n.rest.publicApi<{ data?: unknown }>('GET', `/executions/${failed[0].id}?includeData=true`);
		const text = JSON.stringify(details.body);
		expect(text).toContain('signature does not match the Webhook Secret');
		expect(text).not.toContain(shop.clientSecret);
		expect(n8n.logTail(400)).toContain('rejected a delivery: bad-signature');
	}, 120_000);
});
