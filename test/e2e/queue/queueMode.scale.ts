import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { E2E_CACHE } from '../harness';
import { runBackfill, runOrderDeliveries, runPosSales, startQueueWorld, tokenFigures, type QueueWorld } from './queueScenarios';

// templates/generic-rest.json (and a backfill workflow) in n8n 2.41.1 queue mode on this machine: PostgreSQL + Redis (Debian's packages, loopback, temporary),
// one main, two webhook processes behind a round-robin proxy, two workers; the package installed as a
// community package in every process. Booted once for the whole file. Outcomes are counted in the
// simulators (POS orders, Shopify stock, Shopify's request log), not in n8n's logs.

const figures: Record<string, unknown> = {};
const log = (line: string): void => {
	process.stdout.write(`${line}\n`);
};

describe('queue mode: 1 main, 2 webhook processes behind a round-robin proxy, 2 workers', () => {
	let world: QueueWorld;

	beforeAll(async () => {
		world = await startQueueWorld({ cluster: { log } });
	}, 600_000);

	afterAll(async () => {
		if (world) figures.tokens = await tokenFigures(world).catch(() => undefined);
		await world?.stop();
		mkdirSync(E2E_CACHE, { recursive: true });
		writeFileSync(join(E2E_CACHE, 'queue-mode-figures.json'), JSON.stringify(figures, null, 2));
		log(`[queue] figures: ${JSON.stringify(figures, null, 2)}`);
	}, 120_000);

	it('200 Shopify orders with 20 % of deliveries duplicated at once to both webhook processes: exactly 200 executions and 200 POS orders', async () => {
		const result = await runOrderDeliveries(world, 200, 5);
		figures.orders = result;
		expect(result.duplicatedEvents).toBe(40);
		expect(result.duplicateDeliveries).toBe(40);
		expect(result.deliveriesSent).toBeGreaterThanOrEqual(240);
		// The copies really were handled by two processes at once; the trigger's memory in n8n's Redis is shared by
		// both, so one copy starts an execution and the other none (the POS key would still keep a second run single).
		expect(result.eventsSeenByBothWebhookProcesses).toBeGreaterThan(0);
		expect(result.requestsPerWebhookProcess.every((count) => count > 0)).toBe(true);
		expect(result.executionsStarted).toBe(200);
		// Not asserted: whether n8n answered within Shopify's 5 s. On the shared 2-core test machine the two
		// webhook processes answer a 240-delivery burst too slowly, so Shopify retries every delivery (see
		// attemptOutcomes); the retries must change nothing, which the counts below check.
		expect(result.failures).toEqual([]);
		expect(result.executions.error ?? 0).toBe(0);
		expect(result.posOrders).toBe(200);
		expect(result.posOrdersPerKey).toEqual({ min: 1, max: 1 });
	}, 900_000);

	it('200 POS sales with 20 % posted twice at once, tokens invalidated midway: each sale moves Shopify stock exactly once', async () => {
		const before = await tokenFigures(world);
		const result = await runPosSales(world, 40, 5);
		const after = await tokenFigures(world);
		figures.sales = { ...result, tokenRequests: after.tokenRequests - before.tokenRequests, refusedTokens: after.refusedTokenRequests - before.refusedTokenRequests };
		expect(result.saleEvents).toBe(200);
		expect(result.duplicatedEvents).toBe(40);
		expect(result.postsSent).toBe(240);
		expect(result.postsNot2xx).toBe(0);
		expect(result.tokensExpiredMidRun).toBeGreaterThan(0);
		// Every execution succeeded: the ones that met an invalidated token renewed it and carried on.
		expect(result.failures).toEqual([]);
		expect(result.executions.error ?? 0).toBe(0);
		expect(result.executions.success).toBeGreaterThanOrEqual(240);
		expect(result.stockDrift).toEqual([]);
		expect(result.skusExact).toBe(40);
		// At most one renewal per process after the invalidation (each of the five may hold a token: the
		// main subscribes and polls, webhook processes read the shop's name once): not one per execution.
		expect(after.tokenRequests - before.tokenRequests).toBeLessThanOrEqual(world.cluster.processes.length);
	}, 900_000);

	it('a backfill split across two workers on one Shopify bucket: 0 THROTTLED errors surfaced, every order in the POS once', async () => {
		const result = await runBackfill(world, 2, { expireTokensMidRun: true });
		figures.backfill = result;
		expect(result.ordersInWindow).toBe(world.seeded.orders);
		expect(result.failures).toEqual([]);
		expect(result.executions).toEqual({ success: 2 });
		expect(new Set(result.workersUsed)).toEqual(new Set(['worker-1', 'worker-2']));
		expect(result.posOrders).toBe(result.ordersInWindow);
		expect(result.posOrdersPerKey).toEqual({ min: 1, max: 1 });
	}, 900_000);

	it('token requests stay small: one per process that calls Shopify, plus one per renewal', async () => {
		const { tokenRequests } = await tokenFigures(world);
		figures.tokenRequestsSoFar = tokenRequests;
		// One per process, and each again after each of the two invalidations, at most.
		expect(tokenRequests).toBeGreaterThanOrEqual(3);
		expect(tokenRequests).toBeLessThanOrEqual(world.cluster.processes.length * (1 + 2));
	});
});
