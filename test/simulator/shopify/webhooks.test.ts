import { createHmac, timingSafeEqual } from 'node:crypto';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { startShopifySimulator, type RunningShopifySimulator } from '../../../simulator/shopify';
import { payloadSchema } from '../../../simulator/shopify/webhooks/topics';
import { adminGraphql } from './helpers/adminApi';
import { startWebhookReceiver, type ReceivedWebhook } from './helpers/webhookReceiver';

const SUBSCRIBE = `mutation Subscribe($topic: WebhookSubscriptionTopic!, $sub: WebhookSubscriptionInput!) {
	webhookSubscriptionCreate(topic: $topic, webhookSubscription: $sub) { webhookSubscription { id topic uri format filter includeFields apiVersion { handle } createdAt } userErrors { field message } }
}`;

const FULL_ORDER = {
	lineItems: [{ sku: 'SIM-0001', quantity: 2 }, { sku: 'SIM-0002', quantity: 1 }],
	email: 'ada@example.com',
	phone: '+15555550100',
	customer: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+15555550100' },
	shippingAddress: { firstName: 'Ada', lastName: 'Lovelace', company: 'Engines Ltd', address1: '1 Analytical Way', address2: 'Unit 2', city: 'Austin', province: 'Texas', provinceCode: 'TX', country: 'United States', countryCode: 'US', zip: '73301', phone: '+15555550100' },
	billingAddress: { firstName: 'Ada', lastName: 'Lovelace', company: 'Engines Ltd', address1: '1 Analytical Way', address2: 'Unit 2', city: 'Austin', province: 'Texas', provinceCode: 'TX', country: 'United States', countryCode: 'US', zip: '73301', phone: '+15555550100' },
	discountCode: { code: 'WELCOME10', percentage: 10 },
	shippingPrice: '4.99',
	taxRate: 0.08,
	tags: ['web', 'vip'],
	note: 'ring twice',
	financialStatus: 'PENDING' as const,
};

describe('Shopify simulator: webhooks', () => {
	let sim: RunningShopifySimulator;
	let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
	const ajv = new Ajv2020({ strict: false, allErrors: true });
	addFormats(ajv);
	const validators = new Map<string, ReturnType<typeof ajv.compile>>();
	/** Compiled once per version and topic: the published schemas are large. */
	const validatorFor = (version: string, topic: string) => {
		const key = `${version}/${topic}`;
		if (!validators.has(key)) validators.set(key, ajv.compile(payloadSchema(version, topic) as object));
		return validators.get(key)!;
	};

	const subscribe = async (topic: string, sub: Record<string, unknown>, version = '2026-07') => {
		const response: any = await adminGraphql(sim, SUBSCRIBE, { topic, sub: { format: 'JSON', ...sub } }, { version });
		return response.body.data.webhookSubscriptionCreate;
	};
	const verify = (delivery: ReceivedWebhook): boolean => {
		const expected = createHmac('sha256', sim.clientSecret).update(delivery.rawBody).digest();
		const given = Buffer.from(String(delivery.headers['x-shopify-hmac-sha256']), 'base64');
		return given.length === expected.length && timingSafeEqual(given, expected);
	};

	beforeAll(async () => {
		sim = await startShopifySimulator({ seed: { seed: 11, products: 6, maxVariantsPerProduct: 1 } });
	});
	beforeEach(async () => {
		receiver = await startWebhookReceiver();
		await sim.control.reset({ seed: 11, products: 6, maxVariantsPerProduct: 1 });
		await sim.control.configureWebhooks({ retryDelaysMs: [5, 5, 5, 5, 5, 5, 5, 5], timeoutMs: 300 });
	});
	afterEach(async () => {
		await receiver.close();
	});
	afterAll(async () => {
		await sim.close();
	});

	it('delivers every order topic with signed, schema-valid REST payloads and all X-Shopify headers', async () => {
		for (const topic of ['ORDERS_CREATE', 'ORDERS_UPDATED', 'ORDERS_PAID', 'ORDERS_CANCELLED', 'ORDERS_FULFILLED'])
			expect((await subscribe(topic, { uri: receiver.url })).userErrors).toEqual([]);
		// the published schemas are inferred from examples without refunds, so the cancelled order is an unpaid one
		const order = await sim.control.createOrder(FULL_ORDER);
		const second = await sim.control.createOrder(FULL_ORDER);
		await sim.control.payOrder(second.id);
		await sim.control.fulfillOrder(second.id);
		await sim.control.cancelOrder(order.id, { reason: 'CUSTOMER' });
		await sim.control.settleWebhooks();
		const topics = receiver.received.map((d) => d.headers['x-shopify-topic']);
		expect(topics.filter((t) => t === 'orders/create')).toHaveLength(2);
		expect(topics).toEqual(expect.arrayContaining(['orders/paid', 'orders/cancelled', 'orders/fulfilled', 'orders/updated']));
		for (const delivery of receiver.received) {
			expect(verify(delivery)).toBe(true);
			expect(delivery.headers).toEqual(
				expect.objectContaining({
					'x-shopify-shop-domain': sim.shopDomain,
					'x-shopify-api-version': '2026-07',
					'content-type': 'application/json',
				}),
			);
			for (const header of ['x-shopify-webhook-id', 'x-shopify-event-id', 'x-shopify-triggered-at']) expect(delivery.headers[header]).toBeTruthy();
			const validate = validatorFor('2026-07', String(delivery.headers['x-shopify-topic']));
			const valid = validate(delivery.json);
			if (!valid) throw new Error(`${delivery.headers['x-shopify-topic']}: ${ajv.errorsText(validate.errors)}`);
		}
		const created = receiver.received.find((d) => d.headers['x-shopify-topic'] === 'orders/create')!.json;
		expect(created.admin_graphql_api_id).toBe(order.id);
		expect(created.name).toBe(order.name);
		expect((created.line_items as any[]).map((l) => [l.sku, l.quantity])).toEqual([['SIM-0001', 2], ['SIM-0002', 1]]);
		expect(created.total_price).toBe((order.totals.total / 100).toFixed(2));
		const cancelled = receiver.received.find((d) => d.headers['x-shopify-topic'] === 'orders/cancelled')!.json;
		expect(cancelled.cancel_reason).toBe('customer');
		expect(cancelled.financial_status).toBe('voided');
	});

	it.each(['2026-01', '2026-04', '2026-10'])('shapes orders/create for a %s subscription to that version and validates', async (version) => {
		expect((await subscribe('ORDERS_CREATE', { uri: receiver.url }, version)).userErrors).toEqual([]);
		await sim.control.createOrder(FULL_ORDER);
		await sim.control.settleWebhooks();
		expect(receiver.received).toHaveLength(1);
		expect(receiver.received[0].headers['x-shopify-api-version']).toBe(version);
		const validate = validatorFor(version, 'orders/create');
		if (!validate(receiver.received[0].json)) throw new Error(ajv.errorsText(validate.errors));
	});

	it('delivers orders/partially_fulfilled and orders/edited, valid against their schemas', async () => {
		for (const topic of ['ORDERS_PARTIALLY_FULFILLED', 'ORDERS_EDITED']) expect((await subscribe(topic, { uri: receiver.url })).userErrors).toEqual([]);
		const order = await sim.control.createOrder(FULL_ORDER);
		const fulfilled = await sim.control.fulfillOrder(order.id, [{ lineItemId: order.lineItems[0].id }]);
		expect(fulfilled.fulfillmentStatus).toBe('PARTIALLY_FULFILLED');
		await sim.control.updateOrder(order.id, { lineItemQuantities: [{ lineItemId: order.lineItems[1].id, currentQuantity: 0 }] });
		await sim.control.settleWebhooks();
		expect(receiver.received.map((d) => d.headers['x-shopify-topic'])).toEqual(['orders/partially_fulfilled', 'orders/edited']);
		for (const delivery of receiver.received) {
			const validate = validatorFor('2026-07', String(delivery.headers['x-shopify-topic']));
			if (!validate(delivery.json)) throw new Error(`${delivery.headers['x-shopify-topic']}: ${ajv.errorsText(validate.errors)}`);
		}
		expect((receiver.received[0].json.line_items as any[]).map((l) => l.fulfillment_status)).toEqual(['fulfilled', null]);
		expect((receiver.received[1].json.order_edit as any).line_items.removals).toEqual([{ id: order.lineItems[1].legacyResourceId, delta: 1 }]);
	});

	it('announces each order edit once with its own id and only its own line changes, the same for every subscription', async () => {
		for (const version of ['2026-04', '2026-07']) expect((await subscribe('ORDERS_EDITED', { uri: `${receiver.url}?version=${version}` }, version)).userErrors).toEqual([]);
		const order = await sim.control.createOrder({ lineItems: [{ sku: 'SIM-0001', quantity: 3 }, { sku: 'SIM-0002', quantity: 2 }] });
		await sim.control.updateOrder(order.id, { lineItemQuantities: [{ lineItemId: order.lineItems[0].id, currentQuantity: 1 }] });
		await sim.control.updateOrder(order.id, { lineItemQuantities: [{ lineItemId: order.lineItems[1].id, currentQuantity: 1 }] });
		await sim.control.updateOrder(order.id, { lineItemQuantities: [{ lineItemId: order.lineItems[0].id, currentQuantity: 2 }] });
		await sim.control.settleWebhooks();
		const edits = receiver.received.map((delivery) => delivery.json.order_edit as { id: number; line_items: unknown });
		expect(edits).toHaveLength(6);
		const byId = new Map(edits.map((edit) => [edit.id, edit.line_items]));
		expect([...byId.values()]).toEqual([
			{ additions: [], removals: [{ id: order.lineItems[0].legacyResourceId, delta: 2 }] },
			{ additions: [], removals: [{ id: order.lineItems[1].legacyResourceId, delta: 1 }] },
			{ additions: [{ id: order.lineItems[0].legacyResourceId, delta: 1 }], removals: [] },
		]);
	});

	it.each(['2026-01', '2026-04', '2026-07', '2026-10'])(
		'delivers refunds/create (a paid order cancelled) and orders/delete for a %s subscription, valid against their schemas',
		async (version) => {
			for (const topic of ['REFUNDS_CREATE', 'ORDERS_DELETE']) expect((await subscribe(topic, { uri: receiver.url }, version)).userErrors).toEqual([]);
			const order = await sim.control.createOrder({ ...FULL_ORDER, financialStatus: 'PAID' });
			const cancelled = await sim.control.cancelOrder(order.id, { restock: true });
			await sim.control.deleteOrder(order.id);
			await sim.control.settleWebhooks();
			expect(receiver.received.map((d) => d.headers['x-shopify-topic'])).toEqual(['refunds/create', 'orders/delete']);
			expect(receiver.received.every(verify)).toBe(true);
			for (const delivery of receiver.received) {
				const validate = validatorFor(version, String(delivery.headers['x-shopify-topic']));
				if (!validate(delivery.json)) throw new Error(`${delivery.headers['x-shopify-topic']}: ${ajv.errorsText(validate.errors)}`);
			}
			const [refund, deletion] = receiver.received.map((d) => d.json);
			const [refundRecord] = cancelled.refunds;
			expect(refund).toMatchObject({ admin_graphql_api_id: refundRecord.id, order_id: order.legacyResourceId, restock: true });
			expect((refund.refund_line_items as any[]).map((line) => [line.line_item_id, line.quantity])).toEqual(order.lineItems.map((line) => [line.legacyResourceId, line.quantity]));
			expect((refund.transactions as any[]).map((t) => [t.kind, t.amount])).toEqual([['refund', (refundRecord.amount / 100).toFixed(2)]]);
			expect(deletion).toEqual({ id: order.legacyResourceId });
			await expect(sim.control.getOrder(order.id)).rejects.toThrow(/does not exist/);
		},
	);

	it('delivers inventory_levels/update for stock changes, valid against its schema', async () => {
		expect((await subscribe('INVENTORY_LEVELS_UPDATE', { uri: receiver.url })).userErrors).toEqual([]);
		const [level] = await sim.control.inventory({ sku: 'SIM-0003' });
		await adminGraphql(
			sim,
			`mutation Adjust($id: ID!, $loc: ID!) { inventoryAdjustQuantities(input: {name: "available", reason: "correction", changes: [{inventoryItemId: $id, locationId: $loc, delta: -2, changeFromQuantity: null}]}) @idempotent(key: "wh-1") { userErrors { code } } }`,
			{ id: level.inventoryItemId, loc: level.locationId },
		);
		await sim.control.settleWebhooks();
		expect(receiver.received).toHaveLength(1);
		const payload = receiver.received[0].json;
		expect(payload.available).toBe(level.quantities.available - 2);
		expect(payload.admin_graphql_api_id).toContain('gid://shopify/InventoryLevel/');
		const validate = validatorFor('2026-07', 'inventory_levels/update');
		expect(validate(payload)).toBe(true);
	});

	it('finds, filters, narrows and deletes subscriptions; refuses plain http off loopback', async () => {
		const created = await subscribe('ORDERS_CREATE', { uri: receiver.url, filter: 'source_name:pos', includeFields: ['id', 'name', 'source_name'] });
		expect(created.webhookSubscription.apiVersion.handle).toBe('2026-07');
		const duplicate = await subscribe('ORDERS_CREATE', { uri: receiver.url, filter: 'source_name:pos' });
		expect(duplicate.userErrors[0].message).toBe('Address for this topic has already been taken');
		const insecure = await subscribe('ORDERS_CREATE', { uri: 'http://example.com/hooks' });
		expect(insecure.userErrors[0].message).toBe('Address protocol http:// is not supported');
		const found: any = await adminGraphql(
			sim,
			'query Find($uri: String, $topics: [WebhookSubscriptionTopic!]) { webhookSubscriptions(first: 10, uri: $uri, topics: $topics) { nodes { id uri topic } } }',
			{ uri: receiver.url, topics: ['ORDERS_CREATE'] },
		);
		expect(found.body.data.webhookSubscriptions.nodes).toEqual([{ id: created.webhookSubscription.id, uri: receiver.url, topic: 'ORDERS_CREATE' }]);
		await sim.control.createOrder({ lineItems: [{ sku: 'SIM-0001', quantity: 1 }], sourceName: 'web' });
		const pos = await sim.control.createOrder({ lineItems: [{ sku: 'SIM-0001', quantity: 1 }], sourceName: 'pos' });
		await sim.control.settleWebhooks();
		expect(receiver.received.map((d) => d.json)).toEqual([{ id: pos.legacyResourceId, name: pos.name, source_name: 'pos' }]);
		const deleted: any = await adminGraphql(sim, 'mutation Del($id: ID!) { webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId userErrors { message } } }', {
			id: created.webhookSubscription.id,
		});
		expect(deleted.body.data.webhookSubscriptionDelete.deletedWebhookSubscriptionId).toBe(created.webhookSubscription.id);
		expect(await sim.control.webhookSubscriptions()).toEqual([]);
	});

	it('retries failed and slow deliveries, then removes a subscription whose deliveries never succeed', async () => {
		await subscribe('ORDERS_CREATE', { uri: receiver.url });
		receiver.script.push(500, 'hang', 503);
		const order = await sim.control.createOrder({ lineItems: [{ sku: 'SIM-0001', quantity: 1 }] });
		await sim.control.settleWebhooks();
		const [delivery] = await sim.control.webhookDeliveries();
		expect(delivery.attempts.map((a) => a.status)).toEqual([500, null, 503, 200]);
		expect(delivery.state).toBe('delivered');
		expect(receiver.received.map((d) => [d.json.id, d.answeredWith])).toEqual([
			[order.legacyResourceId, 500],
			[order.legacyResourceId, 503],
			[order.legacyResourceId, 200],
		]);

		receiver.script.push(...Array.from({ length: 9 }, () => 500));
		await sim.control.createOrder({ lineItems: [{ sku: 'SIM-0001', quantity: 1 }] });
		await sim.control.settleWebhooks();
		const failing = (await sim.control.webhookDeliveries())[1];
		expect(failing.attempts).toHaveLength(9);
		expect(failing.state).toBe('failed');
		expect(await sim.control.webhookSubscriptions()).toEqual([]);
		expect(await sim.control.removedWebhookSubscriptions()).toHaveLength(1);
	});

	it('duplicates (same Event-Id), drops and reorders deliveries on demand', async () => {
		await subscribe('ORDERS_CREATE', { uri: receiver.url });
		await sim.control.webhookChaos({ duplicate: 1 });
		await sim.control.createOrder({ lineItems: [{ sku: 'SIM-0001', quantity: 1 }] });
		await sim.control.settleWebhooks();
		expect(receiver.received).toHaveLength(2);
		expect(receiver.received[0].headers['x-shopify-event-id']).toBe(receiver.received[1].headers['x-shopify-event-id']);
		expect(receiver.received[0].headers['x-shopify-webhook-id']).not.toBe(receiver.received[1].headers['x-shopify-webhook-id']);

		receiver.received.length = 0;
		await sim.control.webhookChaos({ drop: 1 });
		await sim.control.createOrder({ lineItems: [{ sku: 'SIM-0001', quantity: 1 }] });
		await sim.control.settleWebhooks();
		expect(receiver.received).toHaveLength(0);

		await sim.control.webhookChaos({ reorder: 3 });
		const names: string[] = [];
		for (let i = 0; i < 3; i++) names.push((await sim.control.createOrder({ lineItems: [{ sku: 'SIM-0001', quantity: 1 }] })).name);
		await sim.control.settleWebhooks();
		expect(receiver.received.map((d) => d.json.name)).toEqual([...names].reverse());
	});
});
