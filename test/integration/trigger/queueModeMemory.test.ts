import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';

import { PosTrigger } from '../../../nodes/PosTrigger/PosTrigger.node';
import { ShopifyOrderTrigger } from '../../../nodes/ShopifyOrderTrigger/ShopifyOrderTrigger.node';
import { decideMemoryPlace, forgetMemoryPlace, n8nFolderOf } from '../../../nodes/shared/memoryPlace';
import { memoryFolderIn } from '../../../lib/shopify/webhooks/memory/fileMemories';
import { post, TriggerWorkflowHarness } from './triggerWorkflowHarness';
import { deliveryHeaders, examplePayloads, shopifyCredential } from './webhookFixtures';

// A queue-mode n8n process: the triggers' memory is in n8n's Redis (a real redis-server, started here).
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
			expect(harness.logger.infos.join('\n')).toContain("keep their memory of deliveries (and POS their record of stock writes) in n8n's Redis");
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

describe("POS Trigger in queue mode: its memory in n8n's Redis", () => {
	const SECRET = 'loyverse-client-secret-queue-7d1';
	const body = Buffer.from(
		'{"merchant_id":"b1c2d3e4","type":"inventory_levels.update","created_at":"2026-11-20T10:00:00.000Z","inventory_levels":[{"variant_id":"0a1b2c3d-var-1","store_id":"5e6f-store-1","in_stock":7,"updated_at":"2026-11-20T09:59:58.000Z"}]}',
	);
	const headers = { 'x-loyverse-signature': createHmac('sha1', SECRET).update(body).digest('hex') };

	/** One webhook process of a queue-mode n8n: the same workflow as every other, its own static data and memory in the process. */
	function webhookProcess(workflowId: string): TriggerWorkflowHarness {
		return new TriggerWorkflowHarness([{ name: 'POS Trigger', type: new PosTrigger(), parameters: { pos: 'loyverse' } }], { posWebhookApi: { secret: SECRET } }, workflowId);
	}

	it('of one event delivered to two webhook processes at the same instant, one runs; a copy reaching the process that never saw it is a repeat; nothing in static data or files', async () => {
		queueMode(redis.port);
		const workflowId = `wf-pos-queue-${Date.now()}`;
		const processes = [webhookProcess(workflowId), webhookProcess(workflowId)];
		await Promise.all(processes.map(async (one) => await one.listen()));
		try {
			const first = await Promise.all(processes.map(async (one) => await post(one.webhookUrl('POS Trigger'), body, headers)));
			// One runs it; the other finds its claim pending (503: the POS delivers it again) or already made (a repeat).
			const ran = first.filter((answer) => answer.body === JSON.stringify({ received: true }));
			const other = first.filter((answer) => !ran.includes(answer));
			expect(ran).toHaveLength(1);
			expect([503, JSON.stringify({ received: true, duplicate: true })]).toContainEqual(other[0].status === 503 ? 503 : other[0].body);
			// Another event reaches one process only; a copy of it later reaches the other, where nothing of the
			// first process (its static data, its memory in the process) is: Redis alone can tell it is a repeat.
			const next = Buffer.from(body.toString('utf8').replace('"in_stock":7', '"in_stock":6').replace('09:59:58', '10:00:05'));
			const nextHeaders = { 'x-loyverse-signature': createHmac('sha1', SECRET).update(next).digest('hex') };
			expect(await post(processes[0].webhookUrl('POS Trigger'), next, nextHeaders)).toEqual({ status: 200, body: JSON.stringify({ received: true }) });
			for (const one of processes) one.restart();
			const later = await Promise.all([
				post(processes[1].webhookUrl('POS Trigger'), next, nextHeaders),
				post(processes[1].webhookUrl('POS Trigger'), body, headers),
				post(processes[0].webhookUrl('POS Trigger'), body, headers),
			]);
			await Promise.all(processes.map(async (one) => await one.settled()));
			expect(later).toEqual(Array(3).fill({ status: 200, body: JSON.stringify({ received: true, duplicate: true }) }));
			expect(processes.flatMap((one) => one.executions)).toHaveLength(2);
			for (const one of processes) expect(JSON.stringify(one.storedStaticData)).not.toContain('posEvents');
			expect(existsSync(memoryFolderIn(n8nFolderOf(process.env)))).toBe(false);
		} finally {
			await Promise.all(processes.map(async (one) => await one.close()));
		}
	});

	it('answers 503 while Redis is unreachable, so the POS delivers again; the repeat then runs once', async () => {
		const stopped = await startRedisServer({ password: PASSWORD });
		await stopped.stop();
		queueMode(stopped.port);
		const one = webhookProcess(`wf-pos-down-${Date.now()}`);
		await one.listen();
		try {
			const refused = await post(one.webhookUrl('POS Trigger'), body, headers);
			await one.settled();
			expect(refused.status).toBe(503);
			expect(refused.body).toContain("The trigger's memory of events could not be reached: Redis at 127.0.0.1:");
			expect(refused.body + one.logger.warnings.join('\n')).not.toContain(PASSWORD);
			expect(one.executions).toHaveLength(0);
			queueMode(redis.port);
			expect((await post(one.webhookUrl('POS Trigger'), body, headers)).status).toBe(200);
			await one.settled();
			expect(one.executions).toHaveLength(1);
		} finally {
			await one.close();
		}
	});
});
