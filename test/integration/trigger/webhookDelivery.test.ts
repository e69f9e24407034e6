import { ShopifyOrderTrigger } from '../../../nodes/ShopifyOrderTrigger/ShopifyOrderTrigger.node';
import { startShopifySimulator, type RunningShopifySimulator } from '../../../simulator/shopify';
import { computeWebhookHmac } from '../../../lib/shopify/webhooks/hmac';
import { pageHashes } from '../../../lib/shopify/webhooks/ledgerPage';
import { KEY_HASH_LENGTH } from '../../../lib/shopify/webhooks/ledgerRecord';
import { RELOAD_AFTER_REJECTION_INTERVAL_MS } from '../../../lib/shopify/webhooks/verificationKeysCache';
import { post, TriggerWorkflowHarness } from './triggerWorkflowHarness';
import { deliveryHeaders, examplePayloads, SHOP_DOMAIN, shopifyCredential, WEBHOOK_SECRET, type ExamplePayload } from './webhookFixtures';

const ALL_TOPICS = [
	'orders/create',
	'orders/updated',
	'orders/paid',
	'orders/cancelled',
	'orders/fulfilled',
	'orders/partially_fulfilled',
	'orders/edited',
	'orders/delete',
	'refunds/create',
];

async function withHarness<T>(
	run: (harness: TriggerWorkflowHarness) => Promise<T>,
	parameters: Record<string, unknown> = {},
	credential: Record<string, string> = shopifyCredential,
): Promise<T> {
	const harness = new TriggerWorkflowHarness(
		[{ name: 'Shopify Order Trigger', type: new ShopifyOrderTrigger(), parameters: { topics: ALL_TOPICS, ...parameters } }],
		{ shopifyAdminApi: credential },
	);
	await harness.listen();
	try {
		return await run(harness);
	} finally {
		await harness.close();
	}
}

const payloads = examplePayloads();

// An orders/edited delivery makes the trigger read the edited lines' SKUs from Shopify: those cases run
// against a local store that calls itself acme.myshopify.com, so the deliveries' shop domain still matches.
let store: RunningShopifySimulator;
beforeAll(async () => {
	store = await startShopifySimulator({ seed: { orders: 0, myshopifyDomain: SHOP_DOMAIN } });
});
afterAll(async () => store.close());
const credentialFor = (topic: string) =>
	topic === 'orders/edited' ? { ...shopifyCredential, shop: store.url, accessToken: store.accessToken } : shopifyCredential;

describe('Shopify Order Trigger: deliveries through n8n-core', () => {
	it.each(payloads.map((p) => [`${p.version} ${p.topic}`, p] as [string, ExamplePayload]))(
		'%s signed correctly starts one execution with the normalised event',
		async (_name, example) => {
			await withHarness(async (harness) => {
				const url = harness.webhookUrl('Shopify Order Trigger');
				const headers = deliveryHeaders(example.rawBody, example.topic);
				const response = await post(url, example.rawBody, headers);
				await harness.settled();
				expect(response.status).toBe(200);
				expect(harness.executions).toHaveLength(1);
				const [item] = harness.executions[0].items;
				expect(item.event).toMatchObject({
					topic: example.topic,
					source: 'webhook',
					eventId: headers['x-shopify-event-id'],
					apiVersion: '2026-07',
					triggeredAt: '2026-11-20T10:00:00.000Z',
				});
				if (example.topic === 'orders/delete') {
					// The numeric id above 2^53 is read from the raw bytes, not from the parsed (rounded) number.
					const digits = /"id":(\d+)/.exec(example.rawBody.toString('utf8'))![1];
					expect(item).toMatchObject({ id: `gid://shopify/Order/${digits}`, deleted: true });
				} else if (example.topic === 'refunds/create' || example.topic === 'orders/edited') {
					const digits = /"order_id":(\d+)/.exec(example.rawBody.toString('utf8'))![1];
					expect(item.orderId).toBe(`gid://shopify/Order/${digits}`);
					expect(item[example.topic === 'refunds/create' ? 'refund' : 'orderEdit']).toBeTruthy();
				} else {
					expect(item.id).toBe(example.payload.admin_graphql_api_id);
					expect(item.legacyId).toBe(String(example.payload.admin_graphql_api_id).split('/').pop());
					expect(Array.isArray(item.lineItems)).toBe(true);
					expect(item.name).toBe(example.payload.name);
				}
				expect(Array.isArray(item.stockChanges)).toBe(true);
			}, {}, credentialFor(example.topic));
		},
	);

	it.each(payloads.map((p) => [`${p.version} ${p.topic}`, p] as [string, ExamplePayload]))('%s forged gets 401 and no execution', async (_name, example) => {
		await withHarness(async (harness) => {
			const url = harness.webhookUrl('Shopify Order Trigger');
			const good = deliveryHeaders(example.rawBody, example.topic);
			const signature = good['x-shopify-hmac-sha256'];
			const text = example.rawBody.toString('utf8');
			const forgeries: Array<[string, Buffer, Record<string, string>]> = [
				['wrong secret', example.rawBody, deliveryHeaders(example.rawBody, example.topic, {}, 'not-the-secret')],
				['body changed after signing', Buffer.from(text.replace(/\d/, (d) => String((Number(d) + 1) % 10))), good],
				['re-serialised body', Buffer.from(JSON.stringify(JSON.parse(text), null, 2)), good],
				['missing signature', example.rawBody, deliveryHeaders(example.rawBody, example.topic, { 'x-shopify-hmac-sha256': undefined })],
				['empty signature', example.rawBody, { ...good, 'x-shopify-hmac-sha256': '' }],
				['hex signature', example.rawBody, { ...good, 'x-shopify-hmac-sha256': Buffer.from(signature, 'base64').toString('hex') }],
				['truncated signature', example.rawBody, { ...good, 'x-shopify-hmac-sha256': signature.slice(0, 30) }],
				['other shop', example.rawBody, { ...good, 'x-shopify-shop-domain': 'evil.myshopify.com' }],
			];
			for (const [, body, headers] of forgeries) {
				const response = await post(url, body, headers);
				expect(response.status).toBe(401);
			}
			await harness.settled();
			expect(harness.executions).toHaveLength(0);
			// Then the genuine delivery still goes through: nothing was remembered from the forgeries.
			expect((await post(url, example.rawBody, good)).status).toBe(200);
			await harness.settled();
			expect(harness.executions).toHaveLength(1);
		}, {}, credentialFor(example.topic));
	});
});

describe('Shopify Order Trigger: duplicates', () => {
	const order = payloads.find((p) => p.topic === 'orders/create' && p.version === '2026-07')!;

	it('runs once for redeliveries of one event (same Event-Id, new Webhook-Id), sequential and simultaneous', async () => {
		await withHarness(async (harness) => {
			const url = harness.webhookUrl('Shopify Order Trigger');
			const first = deliveryHeaders(order.rawBody, 'orders/create');
			const eventId = first['x-shopify-event-id'];
			const again = () => deliveryHeaders(order.rawBody, 'orders/create', { 'x-shopify-event-id': eventId });
			expect((await post(url, order.rawBody, first)).status).toBe(200);
			const simultaneous = await Promise.all(Array.from({ length: 8 }, () => post(url, order.rawBody, again())));
			expect(simultaneous.map((r) => r.status)).toEqual(Array(8).fill(200));
			await harness.settled();
			expect(harness.executions).toHaveLength(1);
		});
	});

	it('lets exactly one of simultaneous first deliveries through', async () => {
		await withHarness(async (harness) => {
			const url = harness.webhookUrl('Shopify Order Trigger');
			const eventId = 'event-simultaneous';
			await Promise.all(
				Array.from({ length: 10 }, () => post(url, order.rawBody, deliveryHeaders(order.rawBody, 'orders/create', { 'x-shopify-event-id': eventId }))),
			);
			await harness.settled();
			expect(harness.executions).toHaveLength(1);
		});
	});

	it('emits one order change once even when several topics announce it', async () => {
		await withHarness(async (harness) => {
			const url = harness.webhookUrl('Shopify Order Trigger');
			for (const topic of ['orders/create', 'orders/updated', 'orders/paid']) await post(url, order.rawBody, deliveryHeaders(order.rawBody, topic));
			await harness.settled();
			expect(harness.executions).toHaveLength(1);
			expect(harness.executions[0].items[0].event).toMatchObject({ topic: 'orders/create' });
		});
	});

	it('answers 400 to a signed body it cannot read, and still takes the event when Shopify retries it readable', async () => {
		await withHarness(async (harness) => {
			const url = harness.webhookUrl('Shopify Order Trigger');
			const xml = Buffer.from('<order><id>1</id></order>');
			const first = deliveryHeaders(xml, 'orders/create');
			expect((await post(url, xml, first)).status).toBe(400);
			const retry = deliveryHeaders(order.rawBody, 'orders/create', { 'x-shopify-event-id': first['x-shopify-event-id'] });
			expect((await post(url, order.rawBody, retry)).status).toBe(200);
			await harness.settled();
			expect(harness.executions).toHaveLength(1);
		});
	});

	it('remembers deliveries and order changes in the static data n8n saves, so a restarted n8n still drops repeats', async () => {
		const deletion = payloads.find((p) => p.topic === 'orders/delete' && p.version === '2026-07')!;
		await withHarness(async (harness) => {
			const url = harness.webhookUrl('Shopify Order Trigger');
			await post(url, order.rawBody, deliveryHeaders(order.rawBody, 'orders/create', { 'x-shopify-event-id': 'event-saved' }));
			await post(url, deletion.rawBody, deliveryHeaders(deletion.rawBody, 'orders/delete', { 'x-shopify-event-id': 'deletion-saved' }));
			await harness.settled();
			expect(harness.executions).toHaveLength(2);
			// An order change is remembered by the change alone (with the order's sale, so it moves POS stock
			// once); a deletion names none, so its delivery is remembered by the event id.
			const stored = (harness.storedStaticData.global as Record<string, { deliveries: string[]; emittedChanges: string[] }>)[`shopifyOrders:${SHOP_DOMAIN}`];
			expect([stored.deliveries.map(pageHashes), stored.emittedChanges.map(pageHashes)].map((pages) => pages.join('').length)).toEqual([KEY_HASH_LENGTH, 2 * KEY_HASH_LENGTH]);

			harness.restart();
			const responses = [
				await post(url, order.rawBody, deliveryHeaders(order.rawBody, 'orders/create', { 'x-shopify-event-id': 'event-saved' })),
				await post(url, order.rawBody, deliveryHeaders(order.rawBody, 'orders/updated')),
				await post(url, deletion.rawBody, deliveryHeaders(deletion.rawBody, 'orders/delete', { 'x-shopify-event-id': 'deletion-saved' })),
			];
			await harness.settled();
			expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
			expect(responses.map((response) => response.body.split(':')[0])).toEqual(['Already emitted', 'Already emitted', 'Duplicate delivery']);
			expect(harness.executions).toHaveLength(2);
		});
	});

	it('skips orders rung up on Shopify POS unless told otherwise', async () => {
		const posBody = Buffer.from(JSON.stringify({ ...order.payload, source_name: 'pos' }));
		await withHarness(async (harness) => {
			const response = await post(harness.webhookUrl('Shopify Order Trigger'), posBody, deliveryHeaders(posBody, 'orders/create'));
			await harness.settled();
			expect(response.status).toBe(200);
			expect(harness.executions).toHaveLength(0);
		});
		await withHarness(
			async (harness) => {
				await post(harness.webhookUrl('Shopify Order Trigger'), posBody, deliveryHeaders(posBody, 'orders/create'));
				await harness.settled();
				expect(harness.executions).toHaveLength(1);
				expect(harness.executions[0].items[0].sourceName).toBe('pos');
			},
			{ options: { skipPosOrders: false } },
		);
	});

	it('emits Shopify\'s payload as sent with the raw output option', async () => {
		await withHarness(
			async (harness) => {
				await post(harness.webhookUrl('Shopify Order Trigger'), order.rawBody, deliveryHeaders(order.rawBody, 'orders/create'));
				await harness.settled();
				const [item] = harness.executions[0].items;
				expect(item.admin_graphql_api_id).toBe(order.payload.admin_graphql_api_id);
				expect(item.line_items).toEqual(order.payload.line_items);
				expect(item.event).toMatchObject({ topic: 'orders/create' });
			},
			{ output: 'raw' },
		);
	});

	it('never writes the webhook secret or a signature into logs or output', async () => {
		await withHarness(async (harness) => {
			const url = harness.webhookUrl('Shopify Order Trigger');
			const headers = deliveryHeaders(order.rawBody, 'orders/create');
			await post(url, order.rawBody, { ...headers, 'x-shopify-hmac-sha256': computeWebhookHmac(order.rawBody, 'x') });
			await post(url, order.rawBody, headers);
			await harness.settled();
			const everything = JSON.stringify([harness.executions, harness.logger.warnings, harness.storedStaticData]);
			expect(harness.logger.warnings.join('\n')).toContain('bad-signature');
			expect(everything).not.toContain(WEBHOOK_SECRET);
			expect(everything).not.toContain(headers['x-shopify-hmac-sha256']);
		});
	});
});

describe('Shopify Order Trigger: the credential', () => {
	const order = payloads.find((p) => p.topic === 'orders/create' && p.version === '2026-07')!;

	it('is loaded once for many deliveries, not once per delivery (each load costs n8n 2.x an expression isolate)', async () => {
		await withHarness(async (harness) => {
			const url = harness.webhookUrl('Shopify Order Trigger');
			const statuses = await Promise.all(Array.from({ length: 10 }, async () => (await post(url, order.rawBody, deliveryHeaders(order.rawBody, 'orders/create'))).status));
			for (let i = 0; i < 5; i++) statuses.push((await post(url, order.rawBody, deliveryHeaders(order.rawBody, 'orders/updated'))).status);
			await harness.settled();
			expect(statuses).toEqual(Array(15).fill(200));
			expect(harness.credentialLoads).toBe(1);
		});
	});

	it('takes a rotated webhook secret at once, and then refuses the old one', async () => {
		await withHarness(async (harness) => {
			const url = harness.webhookUrl('Shopify Order Trigger');
			expect((await post(url, order.rawBody, deliveryHeaders(order.rawBody, 'orders/create'))).status).toBe(200);
			harness.editCredential('shopifyAdminApi', { webhookSecret: 'whsec_rotated_9d41' });
			// Rejections reload the credential at most once per RELOAD_AFTER_REJECTION_INTERVAL_MS.
			await new Promise((resolve) => setTimeout(resolve, RELOAD_AFTER_REJECTION_INTERVAL_MS));
			const rotated = deliveryHeaders(order.rawBody, 'orders/updated', {}, 'whsec_rotated_9d41');
			expect((await post(url, order.rawBody, rotated)).status).toBe(200);
			const stale = deliveryHeaders(order.rawBody, 'orders/paid', {}, WEBHOOK_SECRET);
			expect((await post(url, order.rawBody, stale)).status).toBe(401);
			await harness.settled();
			expect(harness.credentialLoads).toBe(2);
		});
	});

	it('loads the credential again at most once per interval while forged deliveries keep coming', async () => {
		await withHarness(async (harness) => {
			const url = harness.webhookUrl('Shopify Order Trigger');
			expect((await post(url, order.rawBody, deliveryHeaders(order.rawBody, 'orders/create'))).status).toBe(200);
			const forged = await Promise.all(
				Array.from({ length: 30 }, async () => (await post(url, order.rawBody, deliveryHeaders(order.rawBody, 'orders/create', {}, 'not-the-secret'))).status),
			);
			expect(forged).toEqual(Array(30).fill(401));
			await harness.settled();
			// The first load, plus at most one when a rejection came after the interval (a slow machine).
			expect(harness.credentialLoads).toBeLessThanOrEqual(2);
			expect(harness.executions).toHaveLength(1);
		});
	});
});
