import { existsSync } from 'node:fs';

import { ShopifyOrderTrigger } from '../../../nodes/ShopifyOrderTrigger/ShopifyOrderTrigger.node';
import { decideMemoryPlace, forgetMemoryPlace, n8nFolderOf } from '../../../nodes/shared/memoryPlace';
import { memoryFolderIn } from '../../../lib/shopify/webhooks/memory/fileMemories';
import { post, TriggerWorkflowHarness } from './triggerWorkflowHarness';
import { deliveryHeaders, examplePayloads, shopifyCredential } from './webhookFixtures';

// A queue-mode n8n process: the trigger's memory is in n8n's Redis (a real redis-server, started here).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startRedisServer } = require('../../../scripts/services') as {
	startRedisServer(options?: { password?: string }): Promise<{ host: string; port: number; stop(): Promise<void> }>;
};

const PASSWORD = 'queue-memory-redis-2b9c';
const QUEUE_ENV = ['EXECUTIONS_MODE', 'QUEUE_BULL_REDIS_HOST', 'QUEUE_BULL_REDIS_PORT', 'QUEUE_BULL_REDIS_PASSWORD'] as const;
let redis: { host: string; port: number; stop(): Promise<void> };
const saved: Partial<Record<(typeof QUEUE_ENV)[number], string | undefined>> = {};

function queueMode(port: number): void {
	Object.assign(process.env, { EXECUTIONS_MODE: 'queue', QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(port), QUEUE_BULL_REDIS_PASSWORD: PASSWORD });
	forgetMemoryPlace();
}

beforeAll(async () => {
	redis = await startRedisServer({ password: PASSWORD });
	for (const name of QUEUE_ENV) saved[name] = process.env[name];
}, 120_000);
afterEach(() => {
	for (const name of QUEUE_ENV) {
		if (saved[name] === undefined) delete process.env[name];
		else process.env[name] = saved[name];
	}
	forgetMemoryPlace();
});
afterAll(async () => redis?.stop());

async function withTrigger(run: (harness: TriggerWorkflowHarness, url: string) => Promise<void>): Promise<void> {
	const harness = new TriggerWorkflowHarness(
		[{ name: 'Shopify Order Trigger', type: new ShopifyOrderTrigger(), parameters: { topics: ['orders/create', 'orders/updated'] } }],
		{ shopifyAdminApi: shopifyCredential },
	);
	await harness.listen();
	try {
		await run(harness, harness.webhookUrl('Shopify Order Trigger'));
	} finally {
		await harness.close();
	}
}

const order = examplePayloads(['2026-07']).find((p) => p.topic === 'orders/create')!;

describe("Shopify Order Trigger in queue mode: its memory in n8n's Redis", () => {
	it('is where a queue-mode process keeps it; a Redis Cluster falls back to static data, a regular n8n to a file', () => {
		const place = decideMemoryPlace({ EXECUTIONS_MODE: 'queue', QUEUE_BULL_REDIS_PORT: '6390', N8N_REDIS_KEY_PREFIX: 'shop-n8n' });
		expect(place).toMatchObject({ kind: 'redis', keyPrefix: 'shop-n8n' });
		if (place.kind === 'redis') place.connection.close();
		expect(decideMemoryPlace({ EXECUTIONS_MODE: 'queue', QUEUE_BULL_REDIS_CLUSTER_NODES: 'a:1,b:2' })).toMatchObject({ kind: 'staticData', why: expect.stringContaining('Redis Cluster') });
		expect(decideMemoryPlace({ N8N_USER_FOLDER: '/srv/n8n' })).toEqual({ kind: 'file', folder: '/srv/n8n/.n8n/n8n-nodes-shopify-pos/order-memory' });
	});

	it('runs a delivery once, drops its repeat also after a restart, and keeps nothing in static data or files', async () => {
		queueMode(redis.port);
		await withTrigger(async (harness, url) => {
			const headers = deliveryHeaders(order.rawBody, 'orders/create');
			expect((await post(url, order.rawBody, headers)).status).toBe(200);
			expect((await post(url, order.rawBody, deliveryHeaders(order.rawBody, 'orders/updated'))).status).toBe(200);
			harness.restart();
			const again = await post(url, order.rawBody, headers);
			await harness.settled();
			expect(JSON.parse(again.body)).toMatchObject({ started: false, reason: expect.stringMatching(/^already received/) });
			expect(harness.executions).toHaveLength(1);
			expect(harness.executions[0].items[0].stockChanges).toEqual(expect.any(Array));
			expect(JSON.stringify(harness.storedStaticData)).not.toContain('shopifyOrders');
			expect(existsSync(memoryFolderIn(n8nFolderOf(process.env)))).toBe(false);
			expect(harness.logger.infos.join('\n')).toContain("keep their memory of deliveries in n8n's Redis");
		});
	});

	it("answers 503 while Redis is unreachable, so Shopify delivers again; the repeat then runs once", async () => {
		const stopped = await startRedisServer({ password: PASSWORD });
		const port = stopped.port;
		await stopped.stop();
		queueMode(port);
		await withTrigger(async (harness, url) => {
			const headers = deliveryHeaders(order.rawBody, 'orders/create');
			const refused = await post(url, order.rawBody, headers);
			await harness.settled();
			expect(refused.status).toBe(503);
			expect(refused.body).toContain("The trigger's memory of deliveries could not be reached: Redis at 127.0.0.1:");
			expect(harness.executions).toHaveLength(0);
			expect(refused.body + harness.logger.warnings.join('\n')).not.toContain(PASSWORD);
			// Shopify's retry reaches a process whose Redis is back.
			queueMode(redis.port);
			const retried = await post(url, order.rawBody, headers);
			await harness.settled();
			expect(retried.status).toBe(200);
			expect(harness.executions).toHaveLength(1);
		});
	});
});
