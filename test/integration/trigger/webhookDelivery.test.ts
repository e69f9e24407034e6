import { rmSync } from 'node:fs';

import { ShopifyOrderTrigger } from '../../../nodes/ShopifyOrderTrigger/ShopifyOrderTrigger.node';
import { startShopifySimulator, type RunningShopifySimulator } from '../../../simulator/shopify';
import { computeWebhookHmac } from '../../../lib/shopify/webhooks/hmac';
import { pageHashes } from '../../../lib/shopify/webhooks/memory/memoryPage';
import { KEY_HASH_LENGTH } from '../../../lib/shopify/webhooks/memory/keyHash';
import { memoryFolderIn } from '../../../lib/shopify/webhooks/memory/fileMemories';
import { n8nFolderOf } from '../../../nodes/shared/memoryPlace';
import { RELOAD_AFTER_REJECTION_INTERVAL_MS } from '../../../lib/shopify/webhooks/verificationKeysCache';
import { post, TriggerWorkflowHarness, withUserFolder } from './triggerWorkflowHarness';
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

/** Every clock API but Date, for fake timers that move only the date. */
const REAL_TIME_APIS: NonNullable<Extract<Parameters<typeof jest.useFakeTimers>[0], { doNotFake?: unknown }>['doNotFake']> = [
	'hrtime',
	'nextTick',
	'performance',
	'queueMicrotask',
	'requestAnimationFrame',
	'cancelAnimationFrame',
	'requestIdleCallback',
	'cancelIdleCallback',
	'setImmediate',
	'clearImmediate',
	'setInterval',
	'clearInterval',
	'setTimeout',
	'clearTimeout',
];

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
					triggeredAt: headers['x-shopify-triggered-at'],
				});
				// A short JSON answer, not n8n's default placeholder.
				expect(JSON.parse(response.body)).toEqual({ received: true });
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

	it.each(payloads.map((p) => [`${p.version} ${p.topic}`, p] as [string, ExamplePayload]))('%s forged is refused and runs nothing', async (_name, example) => {
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
			const statuses = [];
			for (const [, body, headers] of forgeries) statuses.push((await post(url, body, headers)).status);
			// The first refusal of a delivery naming this store and a subscribed topic is raised as a failed
			// execution (n8n answers it 500); the others within the alarm interval get a plain 401.
			expect(statuses).toEqual([500, 401, 401, 401, 401, 401, 401, 401]);
			await harness.settled();
			expect(harness.executions).toHaveLength(0);
			expect(harness.failedExecutions).toHaveLength(1);
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

	/** Runs `run` with the memory place n8n would choose for `userFolder` (restored afterwards). */
	/** An order change and a deletion, each delivered once with its event id: two executions. */
	async function deliverOrderAndDeletion(harness: TriggerWorkflowHarness, deletion: ExamplePayload): Promise<void> {
		const url = harness.webhookUrl('Shopify Order Trigger');
		await post(url, order.rawBody, deliveryHeaders(order.rawBody, 'orders/create', { 'x-shopify-event-id': 'event-saved' }));
		await post(url, deletion.rawBody, deliveryHeaders(deletion.rawBody, 'orders/delete', { 'x-shopify-event-id': 'deletion-saved' }));
		await harness.settled();
		expect(harness.executions).toHaveLength(2);
	}

	/** Both remembered kinds survive a restart: repeats of an order change and of a deletion are dropped. */
	async function dropsRepeatsAfterRestart(harness: TriggerWorkflowHarness, order: ExamplePayload, deletion: ExamplePayload): Promise<void> {
		const url = harness.webhookUrl('Shopify Order Trigger');
		harness.restart();
		const responses = [
			await post(url, order.rawBody, deliveryHeaders(order.rawBody, 'orders/create', { 'x-shopify-event-id': 'event-saved' })),
			await post(url, order.rawBody, deliveryHeaders(order.rawBody, 'orders/updated')),
			await post(url, deletion.rawBody, deliveryHeaders(deletion.rawBody, 'orders/delete', { 'x-shopify-event-id': 'deletion-saved' })),
		];
		await harness.settled();
		expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
		expect(responses.map((response) => JSON.parse(response.body))).toEqual(Array(3).fill({ received: true, started: false, reason: expect.stringMatching(/^already received/) }));
		expect(harness.executions).toHaveLength(2);
	}

	it('remembers deliveries and order changes in a file in n8n\'s folder, not in static data, so a restarted n8n still drops repeats', async () => {
		const deletion = payloads.find((p) => p.topic === 'orders/delete' && p.version === '2026-07')!;
		await withHarness(async (harness) => {
			await deliverOrderAndDeletion(harness, deletion);
			// An order change is remembered by the change alone (with the order's sale, so it moves POS stock once);
			// a deletion names none, so it is remembered by the deleted order's id (what the signature covers) and
			// its event id.
			expect(Object.values(harness.memoryFileLines(SHOP_DOMAIN)).map((lines) => lines.length)).toEqual([2, 2]);
			expect(JSON.stringify(harness.storedStaticData)).not.toContain('shopifyOrders');
			await dropsRepeatsAfterRestart(harness, order, deletion);
		});
	});

	it('keeps the memory in the static data n8n saves when n8n\'s folder cannot be written, and says so in the log', async () => {
		const deletion = payloads.find((p) => p.topic === 'orders/delete' && p.version === '2026-07')!;
		await withUserFolder('/dev/null', async () => {
			await withHarness(async (harness) => {
				await deliverOrderAndDeletion(harness, deletion);
				const stored = (harness.storedStaticData.global as Record<string, { deliveries: string[]; emittedChanges: string[] }>)[`shopifyOrders:${SHOP_DOMAIN}`];
				expect([stored.deliveries.map(pageHashes), stored.emittedChanges.map(pageHashes)].map((pages) => pages.join('').length)).toEqual([
					2 * KEY_HASH_LENGTH,
					2 * KEY_HASH_LENGTH,
				]);
				expect(harness.logger.warnings.join('\n')).toMatch(/static data, which costs time on every delivery: \/dev\/null\/\.n8n\/\S+ cannot be written/);
				await dropsRepeatsAfterRestart(harness, order, deletion);
			});
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

	// The trigger reads the time with `new Date()`: only Date is faked (timers and I/O stay real), so the
	// reload interval passes when the test says, not when the machine gets round to it.
	const T0 = Date.parse('2026-11-20T10:00:00.000Z');
	beforeEach(() => jest.useFakeTimers({ now: T0, doNotFake: REAL_TIME_APIS }));
	afterEach(() => jest.useRealTimers());

	it('takes a rotated webhook secret at once, and then refuses the old one', async () => {
		await withHarness(async (harness) => {
			const url = harness.webhookUrl('Shopify Order Trigger');
			expect((await post(url, order.rawBody, deliveryHeaders(order.rawBody, 'orders/create'))).status).toBe(200);
			harness.editCredential('shopifyAdminApi', { webhookSecret: 'whsec_rotated_9d41' });
			// Rejections reload the credential at most once per RELOAD_AFTER_REJECTION_INTERVAL_MS.
			jest.setSystemTime(T0 + RELOAD_AFTER_REJECTION_INTERVAL_MS);
			const rotated = deliveryHeaders(order.rawBody, 'orders/updated', {}, 'whsec_rotated_9d41');
			expect((await post(url, order.rawBody, rotated)).status).toBe(200);
			const stale = deliveryHeaders(order.rawBody, 'orders/paid', {}, WEBHOOK_SECRET);
			// Refused; as the first refusal here it is raised as a failed execution (n8n answers 500).
			expect((await post(url, order.rawBody, stale)).status).toBe(500);
			expect(harness.failedExecutions.map((failure) => failure.message)).toEqual([expect.stringContaining('signature does not match the Webhook Secret')]);
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
			// One is raised as a failed execution (500); the rest get 401.
			expect([...forged].sort()).toEqual([...Array(29).fill(401), 500]);
			expect(harness.failedExecutions).toHaveLength(1);
			jest.setSystemTime(T0 + RELOAD_AFTER_REJECTION_INTERVAL_MS - 1);
			expect((await post(url, order.rawBody, deliveryHeaders(order.rawBody, 'orders/paid', {}, 'not-the-secret'))).status).toBe(401);
			await harness.settled();
			expect(harness.credentialLoads).toBe(1);
			// Once the interval has passed, the next forgery may load it again, and only the first of a flood.
			jest.setSystemTime(T0 + RELOAD_AFTER_REJECTION_INTERVAL_MS);
			const later = await Promise.all(
				Array.from({ length: 10 }, async () => (await post(url, order.rawBody, deliveryHeaders(order.rawBody, 'orders/create', {}, 'not-the-secret'))).status),
			);
			expect(later).toEqual(Array(10).fill(401));
			await harness.settled();
			expect(harness.credentialLoads).toBe(2);
			expect(harness.executions).toHaveLength(1);
		});
	});
});

describe('Shopify Order Trigger: replays through unsigned headers', () => {
	const HOUR = 60 * 60 * 1000;
	const latest = payloads.filter((p) => p.version === '2026-07');

	it.each(latest.map((p) => [p.topic, p] as [string, ExamplePayload]))(
		'%s: the same signed body with a new Event-Id, Webhook-Id, Triggered-At or all three runs nothing',
		async (_topic, example) => {
			await withHarness(async (harness) => {
				const url = harness.webhookUrl('Shopify Order Trigger');
				const first = deliveryHeaders(example.rawBody, example.topic);
				expect((await post(url, example.rawBody, first)).status).toBe(200);
				const later = new Date(Date.now() + 60_000).toISOString();
				const replays = [
					{ ...first, 'x-shopify-event-id': 'replay-event-1' },
					{ ...first, 'x-shopify-webhook-id': 'replay-webhook-1' },
					{ ...first, 'x-shopify-triggered-at': later },
					{ ...first, 'x-shopify-event-id': 'replay-event-2', 'x-shopify-webhook-id': 'replay-webhook-2', 'x-shopify-triggered-at': later },
				];
				for (const headers of replays) {
					const response = await post(url, example.rawBody, headers);
					expect(response.status).toBe(200);
					expect(JSON.parse(response.body)).toMatchObject({ received: true, started: false });
				}
				await harness.settled();
				expect(harness.executions).toHaveLength(1);
			}, {}, credentialFor(example.topic));
		},
	);

	it('one refund re-posted six times with new event ids runs once, also after a restart', async () => {
		const refund = latest.find((p) => p.topic === 'refunds/create')!;
		await withHarness(async (harness) => {
			const url = harness.webhookUrl('Shopify Order Trigger');
			for (let i = 0; i < 3; i++) await post(url, refund.rawBody, deliveryHeaders(refund.rawBody, 'refunds/create'));
			harness.restart();
			for (let i = 0; i < 3; i++) await post(url, refund.rawBody, deliveryHeaders(refund.rawBody, 'refunds/create'));
			await harness.settled();
			expect(harness.executions).toHaveLength(1);
		});
	});

	it('a known Event-Id still marks a duplicate, but never makes a known body new', async () => {
		const refund = latest.find((p) => p.topic === 'refunds/create')!;
		const edit = latest.find((p) => p.topic === 'orders/edited')!;
		await withHarness(async (harness) => {
			const url = harness.webhookUrl('Shopify Order Trigger');
			await post(url, refund.rawBody, deliveryHeaders(refund.rawBody, 'refunds/create', { 'x-shopify-event-id': 'event-known' }));
			await post(url, edit.rawBody, deliveryHeaders(edit.rawBody, 'orders/edited', { 'x-shopify-event-id': 'event-known' }));
			await harness.settled();
			expect(harness.executions).toHaveLength(1);
			// Shopify's own redelivery of the edit carries its own event id: it runs.
			await post(url, edit.rawBody, deliveryHeaders(edit.rawBody, 'orders/edited'));
			await harness.settled();
			expect(harness.executions).toHaveLength(2);
		}, {}, credentialFor('orders/edited'));
	});

	it.each(examplePayloads(['2026-07'], new Date(Date.now() - 49 * HOUR)).filter((p) => p.topic !== 'orders/delete').map((p) => [p.topic, p] as [string, ExamplePayload]))(
		'%s whose body is older than the 48-hour memory is answered 200 and not run, also with an empty memory, and logged',
		async (_topic, stale) => {
			await withHarness(async (harness) => {
				const url = harness.webhookUrl('Shopify Order Trigger');
				const response = await post(url, stale.rawBody, deliveryHeaders(stale.rawBody, stale.topic));
				harness.restart();
				harness.storedStaticData = {};
				rmSync(memoryFolderIn(n8nFolderOf(process.env)), { recursive: true, force: true });
				const again = await post(url, stale.rawBody, deliveryHeaders(stale.rawBody, stale.topic));
				await harness.settled();
				expect([response.status, again.status]).toEqual([200, 200]);
				expect(JSON.parse(again.body)).toMatchObject({ received: true, started: false, reason: expect.stringContaining('older than the 48-hour memory') });
				expect(harness.executions).toHaveLength(0);
				expect(harness.logger.warnings.filter((line) => line.includes('older than the 48-hour memory'))).toHaveLength(2);
			});
		},
	);

	it('an X-Shopify-Triggered-At three days old is refused early, a fresh one proves nothing by itself', async () => {
		const order = latest.find((p) => p.topic === 'orders/create')!;
		await withHarness(async (harness) => {
			const url = harness.webhookUrl('Shopify Order Trigger');
			const old = new Date(Date.now() - 72 * HOUR).toISOString();
			const response = await post(url, order.rawBody, deliveryHeaders(order.rawBody, 'orders/create', { 'x-shopify-triggered-at': old }));
			await harness.settled();
			expect(response.status).toBe(200);
			expect(harness.executions).toHaveLength(0);
			expect(harness.logger.warnings.join('\n')).toContain('X-Shopify-Triggered-At');
		});
	});
});

describe('Shopify Order Trigger: topics not chosen', () => {
	it('answers 200 to signed deliveries of topics the node does not subscribe to, and runs nothing', async () => {
		const others = payloads.filter((p) => p.version === '2026-07' && ['orders/delete', 'refunds/create', 'orders/edited'].includes(p.topic));
		await withHarness(
			async (harness) => {
				const url = harness.webhookUrl('Shopify Order Trigger');
				for (const example of others) {
					const response = await post(url, example.rawBody, deliveryHeaders(example.rawBody, example.topic));
					expect(response.status).toBe(200);
					expect(JSON.parse(response.body)).toMatchObject({ received: true, started: false, reason: `not subscribed to ${example.topic}` });
				}
				// A forged one of those topics is refused, but never raised: it is not what this trigger waits for.
				const forged = deliveryHeaders(others[0].rawBody, others[0].topic, {}, 'not-the-secret');
				expect((await post(url, others[0].rawBody, forged)).status).toBe(401);
				await harness.settled();
				expect(harness.executions).toHaveLength(0);
				expect(harness.failedExecutions).toHaveLength(0);
			},
			{ topics: ['orders/create', 'orders/updated', 'orders/paid'] },
		);
	});
});

describe('Shopify Order Trigger: refused deliveries the shop owner must see', () => {
	const order = payloads.find((p) => p.topic === 'orders/create' && p.version === '2026-07')!;

	it('raises one failed execution naming the Webhook Secret and where to find it, then only 401s', async () => {
		await withHarness(async (harness) => {
			const url = harness.webhookUrl('Shopify Order Trigger');
			const statuses = [];
			for (let i = 0; i < 5; i++) statuses.push((await post(url, order.rawBody, deliveryHeaders(order.rawBody, 'orders/create', {}, 'an-old-secret'))).status);
			// Another store, or a delivery without any Shopify headers, is not the shop owner's problem: never raised.
			const otherShop = deliveryHeaders(order.rawBody, 'orders/create', { 'x-shopify-shop-domain': 'other.myshopify.com' }, 'an-old-secret');
			statuses.push((await post(url, order.rawBody, otherShop)).status);
			await harness.settled();
			expect(statuses).toEqual([500, 401, 401, 401, 401, 401]);
			expect(harness.executions).toHaveLength(0);
			expect(harness.failedExecutions).toHaveLength(1);
			const [failure] = harness.failedExecutions;
			expect(failure.message).toContain('Webhook Secret');
			expect(failure.description).toContain('API credentials → API secret key');
			expect(JSON.stringify(failure)).not.toContain(WEBHOOK_SECRET);
			expect(harness.logger.warnings.filter((line) => line.includes('bad-signature'))).toHaveLength(6);
		});
	});
});
