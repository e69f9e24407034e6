import { PosSimulator } from '../../../simulator/pos/posSimulator';
import { startShopifySimulator, type RunningShopifySimulator, type SeedSummary } from '../../../simulator/shopify';
import { posCredential } from '../workflows/posWorkflows';
import { countByStatus, executionsOf, failuresOf, waitForExecutionsToSettle, type ExecutionFailure, type ExecutionSummary } from './executions';
import { QueueCluster, type QueueClusterOptions } from './queueCluster';
import {
	BACKFILL_PATH,
	BACKFILL_TO_POS,
	backfillToPos,
	clientCredentialsShopify,
	TEMPLATE_POS_SALE_PATH,
	TEMPLATE_WORKFLOW,
	templateWorkflow,
} from './queueWorkflows';
import { waitFor as waitUntil } from '../harness';

// The scenarios of the queue-mode suite, shared by its test (which asserts on the figures) and by
// `npm run bench queueMode` (which prints them). Outcomes are read from the simulators, never n8n's logs.

const POS_TOKEN = 'pos-queue-token-5e1a';
const DAY_MS = 24 * 60 * 60 * 1000;

export interface QueueWorld {
	cluster: QueueCluster;
	shop: RunningShopifySimulator;
	pos: PosSimulator;
	seeded: SeedSummary;
	/** The window the seeded (backfill) orders were created in. */
	backfillWindow: { since: string; until: string };
	stop(): Promise<void>;
}

export const waitFor = async <T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 120_000): Promise<T> => await waitUntil(what, probe, timeoutMs);

/** Both simulators, the cluster, the credentials (client credentials for Shopify) and the three published workflows. */
export async function startQueueWorld(options: { backfillOrders?: number; cluster?: QueueClusterOptions } = {}): Promise<QueueWorld> {
	const shop = await startShopifySimulator({ seed: false });
	const pos = new PosSimulator({ config: { auth: { type: 'bearer', token: POS_TOKEN } } });
	let cluster: QueueCluster | undefined;
	try {
		const now = Date.now();
		const backfillWindow = { since: new Date(now - 30 * DAY_MS).toISOString(), until: new Date(now - DAY_MS).toISOString() };
		const seeded = await shop.control.seed({
			seed: 9,
			locations: 1,
			products: 60,
			maxVariantsPerProduct: 1,
			orders: options.backfillOrders ?? 200,
			posShare: 0,
			ordersFrom: backfillWindow.since,
			ordersTo: backfillWindow.until,
		});
		// Shopify's 5 s answer limit stays; its hours-long retry schedule is compressed to seconds.
		await shop.control.configureWebhooks({ retryDelaysMs: [1000, 1000, 2000, 2000, 4000, 4000, 8000, 8000], timeoutMs: 5000 });
		const posOrigin = await pos.start();
		cluster = await QueueCluster.start(options.cluster);
		await cluster.importCredentials([clientCredentialsShopify('shopifyCc', shop), posCredential('posSim', posOrigin, POS_TOKEN)]);
		// The generic REST template as shipped (both order triggers, loop guard, mapping, POS request with
		// its key, retry table, POS sales into Adjust Inventory), plus a backfill workflow of our own.
		await cluster.importWorkflows([
			templateWorkflow('generic-rest.json', TEMPLATE_WORKFLOW, { shopifyCredentialId: 'shopifyCc', posCredentialId: 'posSim', shopifyLocationId: seeded.locations[0].id }),
			backfillToPos('shopifyCc', 'posSim'),
		]);
		for (const workflowId of [TEMPLATE_WORKFLOW, BACKFILL_TO_POS]) await cluster.rest.publishWorkflow(workflowId);
		const running = cluster;
		return {
			cluster: running,
			shop,
			pos,
			seeded,
			backfillWindow,
			stop: async () => {
				await running.stop();
				await pos.stop();
				await shop.close();
			},
		};
	} catch (error) {
		// What each n8n process said last, read before stopping them (their folders go with the cluster).
		const tails = (cluster?.processes ?? []).map((process) => `--- ${process.name} (exit ${String(process.exitCode)}):\n${process.logTail(30)}`);
		await cluster?.stop();
		await pos.stop();
		await shop.close();
		if (tails.length > 0 && error instanceof Error) error.message += `\n${tails.join('\n')}`;
		throw error;
	}
}

function legacyIdOf(gid: string): string {
	return gid.split('/').pop() ?? gid;
}

function tally(values: string[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
	return counts;
}

function timesEach(keys: Array<string | null>, wanted: string[]): Map<string, number> {
	const counts = new Map(wanted.map((key) => [key, 0]));
	for (const key of keys) if (key !== null && counts.has(key)) counts.set(key, counts.get(key)! + 1);
	return counts;
}

export interface OrderDeliveryFigures {
	ordersCreated: number;
	duplicatedEvents: number;
	deliveriesSent: number;
	duplicateDeliveries: number;
	/** Events whose two copies reached different webhook processes through the proxy. */
	eventsSeenByBothWebhookProcesses: number;
	requestsPerWebhookProcess: number[];
	deliveriesNotAnswered2xx: number;
	/** Every delivery attempt's answer (HTTP status or the failure), as Shopify's side saw it. */
	attemptOutcomes: Record<string, number>;
	executions: Record<string, number>;
	/** Executions of the workflow this run started: one per order when no duplicate ran twice. */
	executionsStarted: number;
	/** Each failed execution's node and error message (empty when all succeeded). */
	failures: ExecutionFailure[];
	posCreateRequests: number;
	posOrders: number;
	posOrdersPerKey: { min: number; max: number };
	seconds: number;
}

/**
 * `orders` new Shopify orders; every `duplicateEvery`-th event is delivered twice at the same moment
 * (same X-Shopify-Event-Id); the proxy alternates, so the copies reach different webhook processes.
 */
export async function runOrderDeliveries(world: QueueWorld, orders = 200, duplicateEvery = 5): Promise<OrderDeliveryFigures> {
	const { shop, pos, cluster } = world;
	const started = Date.now();
	const proxyFrom = cluster.proxy.log.length;
	const deliveriesBefore = (await shop.control.webhookDeliveries()).length;
	const executionsBefore = new Set((await executionsOf(cluster.rest, TEMPLATE_WORKFLOW)).map((execution) => execution.id));
	const keys: string[] = [];
	let duplicatedEvents = 0;
	for (let i = 0; i < orders; i++) {
		if (i % duplicateEvery === 0) {
			// Consumed by the very next event's dispatch: this order's delivery goes out twice at once.
			await shop.control.webhookChaos({ duplicate: 1 });
			duplicatedEvents++;
		}
		const order = await shop.control.createOrder({
			lineItems: [{ title: `Queue order line ${i}`, quantity: 1 + (i % 3), price: '4.50' }],
			sourceName: 'web',
			financialStatus: 'PAID',
		});
		keys.push(`shopify-${legacyIdOf(String(order.id))}`);
	}
	// Done when Shopify has nothing left to send or retry and every execution has ended: a failed
	// execution shows in the counts below instead of a long wait for an order that will not come.
	await waitFor('Shopify to finish delivering', async () => ((await shop.control.settleWebhooks(30_000)).settled ? true : undefined), 600_000);
	const executions = await waitForExecutionsToSettle(cluster.rest, TEMPLATE_WORKFLOW);
	const deliveries = (await shop.control.webhookDeliveries()).slice(deliveriesBefore).filter((delivery) => delivery.topic === 'orders/create');
	const perKey = timesEach(pos.store.orders.map((order) => order.idempotencyKey), keys);
	const keySet = new Set(keys);
	const proxied = cluster.proxy.log.slice(proxyFrom);
	const upstreamsPerEvent = new Map<string, Set<number>>();
	for (const entry of proxied) {
		if (!entry.eventId) continue;
		const upstreams = upstreamsPerEvent.get(entry.eventId) ?? new Set<number>();
		upstreams.add(entry.upstream);
		upstreamsPerEvent.set(entry.eventId, upstreams);
	}
	return {
		ordersCreated: orders,
		duplicatedEvents,
		deliveriesSent: deliveries.length,
		duplicateDeliveries: deliveries.filter((delivery) => delivery.duplicate).length,
		eventsSeenByBothWebhookProcesses: [...upstreamsPerEvent.values()].filter((upstreams) => upstreams.size > 1).length,
		requestsPerWebhookProcess: cluster.webhooks.map((_, index) => proxied.filter((entry) => entry.upstream === index).length),
		deliveriesNotAnswered2xx: deliveries.filter((delivery) => delivery.state !== 'delivered').length,
		attemptOutcomes: tally(deliveries.flatMap((delivery) => delivery.attempts.map((attempt) => (attempt.status !== null ? String(attempt.status) : (attempt.error ?? 'no answer'))))),
		executions: countByStatus(executions),
		executionsStarted: executions.filter((execution) => !executionsBefore.has(execution.id)).length,
		failures: await failuresOf(cluster.rest, executions),
		posCreateRequests: pos.requests.filter(
			(request) => request.method === 'POST' && request.path === '/api/orders' && keySet.has(request.headers['idempotency-key'] ?? ''),
		).length,
		posOrders: pos.store.orders.filter((order) => order.idempotencyKey !== null && keySet.has(order.idempotencyKey)).length,
		posOrdersPerKey: { min: Math.min(...perKey.values()), max: Math.max(...perKey.values()) },
		seconds: (Date.now() - started) / 1000,
	};
}

export interface PosSaleFigures {
	saleEvents: number;
	duplicatedEvents: number;
	postsSent: number;
	postsNot2xx: number;
	executions: Record<string, number>;
	/** Each failed execution's node and error message (empty when all succeeded). */
	failures: ExecutionFailure[];
	skus: number;
	/** SKUs whose stock moved by exactly the sum of their sales (each sale applied once). */
	skusExact: number;
	stockDrift: Array<{ sku: string; expected: number; actual: number }>;
	adjustMutationsSent: number;
	shopifyAnswers: Record<string, number>;
	tokensExpiredMidRun: number;
	seconds: number;
}

/**
 * `skus` × 5 POS sale lines posted to the sale webhook through the proxy, 20 at a time; every
 * `duplicateEvery`-th sale is posted twice at the same moment (a POS retrying, at-least-once). The
 * five sales of a SKU take 1, 3, 9, 27 and 81 units: with each sale applied 0, 1 or 2 times, the SKU's
 * total movement is 121 only if every sale was applied exactly once (base-3 digits are unique).
 * Halfway, the shop invalidates every issued token.
 */
export async function runPosSales(world: QueueWorld, skus = 40, duplicateEvery = 5): Promise<PosSaleFigures> {
	const { shop, cluster, seeded } = world;
	const started = Date.now();
	const locationId = seeded.locations[0].id;
	const skuCounts = new Map<string, number>();
	for (const variant of seeded.variants) if (variant.sku) skuCounts.set(variant.sku, (skuCounts.get(variant.sku) ?? 0) + 1);
	const uniqueSkus = [...skuCounts].filter(([, count]) => count === 1).map(([sku]) => sku);
	if (uniqueSkus.length < skus) throw new Error(`the seeded store has ${uniqueSkus.length} unique SKUs, ${skus} needed`);
	const chosen = uniqueSkus.slice(0, skus);
	const START = 1000;
	const logFrom = (await shop.control.requests()).at(-1)?.sequence ?? 0;
	const executionsBefore = new Set((await waitForExecutionsToSettle(cluster.rest, TEMPLATE_WORKFLOW)).map((execution) => execution.id));
	for (const sku of chosen) await shop.control.setInventory({ sku, locationId, quantities: { available: START } });

	const sales = chosen.flatMap((sku, s) => [0, 1, 2, 3, 4].map((j) => ({ saleId: `Q${s}-${j}`, lineId: '1', sku, quantity: 3 ** j, locationId })));
	// Interleave SKUs so concurrent executions touch different items and the same item alike.
	sales.sort((a, b) => Number(a.saleId.split('-')[1]) - Number(b.saleId.split('-')[1]) || a.saleId.localeCompare(b.saleId));
	const post = async (sale: (typeof sales)[number]): Promise<number> => {
		// The template's sale shape: one sale per request, its lines split into items by the workflow.
		const response = await fetch(`${cluster.webhookUrl}/webhook/${TEMPLATE_POS_SALE_PATH}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-event-id': sale.saleId },
			body: JSON.stringify({ saleId: sale.saleId, reference: '', lines: [{ lineId: sale.lineId, sku: sale.sku, quantity: sale.quantity }] }),
		});
		await response.text();
		return response.status;
	};
	const statuses: number[] = [];
	let duplicatedEvents = 0;
	let tokensExpiredMidRun = 0;
	const WAVE = 20;
	for (let from = 0; from < sales.length; from += WAVE) {
		if (from === Math.floor(sales.length / 2 / WAVE) * WAVE) tokensExpiredMidRun = (await shop.control.expireTokens()).expired;
		const wave = sales.slice(from, from + WAVE).flatMap((sale, offset) => {
			if ((from + offset) % duplicateEvery !== 0) return [sale];
			duplicatedEvents++;
			return [sale, sale];
		});
		statuses.push(...(await Promise.all(wave.map(post))));
	}
	const expectedExecutions = statuses.length;
	const isNew = (execution: ExecutionSummary): boolean => !executionsBefore.has(execution.id);
	await waitFor(`${expectedExecutions} sale executions`, async () => {
		const executions = (await waitForExecutionsToSettle(cluster.rest, TEMPLATE_WORKFLOW)).filter(isNew);
		return executions.length >= expectedExecutions ? executions : undefined;
	}, 600_000);
	// The template's order poller may add executions of its own in this time; they count alike.
	const executions = (await waitForExecutionsToSettle(cluster.rest, TEMPLATE_WORKFLOW)).filter(isNew);
	const stockDrift: PosSaleFigures['stockDrift'] = [];
	for (const sku of chosen) {
		const actual = await shop.control.quantity(sku, locationId);
		const expected = START - (1 + 3 + 9 + 27 + 81);
		if (actual !== expected) stockDrift.push({ sku, expected, actual });
	}
	const requestLog = await shop.control.requests(logFrom);
	return {
		saleEvents: sales.length,
		duplicatedEvents,
		postsSent: statuses.length,
		postsNot2xx: statuses.filter((status) => status < 200 || status >= 300).length,
		executions: countByStatus(executions),
		failures: await failuresOf(cluster.rest, executions),
		skus: chosen.length,
		skusExact: chosen.length - stockDrift.length,
		stockDrift,
		adjustMutationsSent: requestLog.filter((entry) => entry.operationName === 'InventoryAdjustQuantities').length,
		shopifyAnswers: tally(requestLog.filter((entry) => entry.endpoint === 'graphql').map((entry) => `${entry.operationName}:${entry.outcome}`)),
		tokensExpiredMidRun,
		seconds: (Date.now() - started) / 1000,
	};
}

export interface BackfillFigures {
	windows: number;
	ordersInWindow: number;
	posOrders: number;
	posOrdersPerKey: { min: number; max: number };
	executions: Record<string, number>;
	/** Each failed execution's node and error message (empty when all succeeded). */
	failures: ExecutionFailure[];
	/** Which worker ran each window's execution (from the workers' own start lines). */
	workersUsed: string[];
	throttledAnswers: number;
	shopifyQueries: number;
	/** Shopify's answers per operation, from its request log. */
	shopifyAnswers: Record<string, number>;
	tokensExpiredMidRun: number;
	seconds: number;
	ordersPerSecond: number;
	shopifyTimeline?: string[];
}

/**
 * The seeded orders of the backfill window, read by Get Orders and pushed into the POS, posted as
 * `windows` equal slices at once (each slice is one execution; the queue hands them to the workers).
 * Optionally the shop invalidates every issued token once a third of the orders have reached the POS.
 */
export async function runBackfill(world: QueueWorld, windows: number, options: { expireTokensMidRun?: boolean } = {}): Promise<BackfillFigures> {
	const { shop, pos, cluster, backfillWindow } = world;
	const since = Date.parse(backfillWindow.since);
	const until = Date.parse(backfillWindow.until);
	const inWindow = [...shop.simulator.store.orders.values()].filter((order) => {
		const created = Date.parse(order.createdAt);
		return created >= since && created <= until;
	});
	const keys = inWindow.map((order) => `shopify-${order.legacyResourceId}`);
	// A clean POS, so what the backfill moves is counted alone (the template's poller may have sent some).
	pos.store.reset();
	const executionsBefore = new Set((await waitForExecutionsToSettle(cluster.rest, BACKFILL_TO_POS)).map((execution) => execution.id));
	const logFrom = (await shop.control.requests()).at(-1)?.sequence ?? 0;
	const slice = (until - since) / windows;
	const bodies = Array.from({ length: windows }, (_, i) => ({
		since: new Date(since + i * slice).toISOString(),
		// Slices meet at one instant: an order exactly there is in both, and its POS key keeps it single.
		until: new Date(i === windows - 1 ? until : since + (i + 1) * slice).toISOString(),
	}));
	const started = Date.now();
	const statuses = await Promise.all(
		bodies.map(async (body) => {
			const response = await fetch(`${cluster.webhookUrl}/webhook/${BACKFILL_PATH}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			await response.text();
			return response.status;
		}),
	);
	if (statuses.some((status) => status !== 200)) throw new Error(`backfill posts answered ${statuses.join(', ')}`);
	const inPos = (): number => {
		const have = new Set(pos.store.orders.map((order) => order.idempotencyKey));
		return keys.filter((key) => have.has(key)).length;
	};
	const ended = async (): Promise<ExecutionSummary[] | undefined> => {
		const executions = (await executionsOf(cluster.rest, BACKFILL_TO_POS)).filter((execution) => !executionsBefore.has(execution.id));
		return executions.length >= windows && executions.every((execution) => !['new', 'running', 'waiting'].includes(execution.status)) ? executions : undefined;
	};
	let tokensExpiredMidRun = 0;
	if (options.expireTokensMidRun) {
		await waitFor('a third of the backfill in the POS', async () => (inPos() >= keys.length / 3 || (await ended()) ? true : undefined), 600_000);
		tokensExpiredMidRun = (await shop.control.expireTokens()).expired;
	}
	// Each execution pushes its orders before it ends, so the POS is complete once both have ended well.
	const executions = await waitFor('the backfill executions to end', ended, 900_000);
	const seconds = (Date.now() - started) / 1000;
	const log = await shop.control.requests(logFrom);
	const failures = await failuresOf(cluster.rest, executions);
	const perKey = timesEach(pos.store.orders.map((order) => order.idempotencyKey), keys);
	const delivered = [...perKey.values()].filter((count) => count > 0).length;
	return {
		windows,
		ordersInWindow: keys.length,
		posOrders: [...perKey.values()].reduce((sum, count) => sum + count, 0),
		posOrdersPerKey: { min: Math.min(...perKey.values()), max: Math.max(...perKey.values()) },
		executions: countByStatus(executions),
		failures,
		// When a window failed: every Shopify answer of the run, to see who held the bucket.
		...(failures.length > 0
			? { shopifyTimeline: log.filter((entry) => entry.endpoint === 'graphql').map((entry) => `${((Date.parse(entry.at) - started) / 1000).toFixed(1)}s ${entry.operationName} ${entry.outcome} cost ${entry.requestedCost} ${JSON.stringify(entry.variables).slice(0, 80)}`) }
			: {}),
		workersUsed: executions.map((execution: ExecutionSummary) => cluster.workerThatRan(execution.id) ?? 'unknown'),
		throttledAnswers: log.filter((entry) => entry.outcome === 'THROTTLED').length,
		shopifyAnswers: tally(log.filter((entry) => entry.endpoint === 'graphql').map((entry) => `${entry.operationName}:${entry.outcome}`)),
		shopifyQueries: log.filter((entry) => entry.endpoint === 'graphql').length,
		tokensExpiredMidRun,
		seconds,
		// What reached the POS, not what was asked for: a half that gave up must not count as throughput.
		ordersPerSecond: delivered / seconds,
	};
}

/** Token requests (client credentials grants) and refused tokens the shop has seen so far. */
export async function tokenFigures(world: QueueWorld): Promise<{ tokenRequests: number; refusedTokenRequests: number }> {
	const log = await world.shop.control.requests();
	return {
		tokenRequests: log.filter((entry) => entry.endpoint === 'oauth').length,
		refusedTokenRequests: log.filter((entry) => entry.outcome === 'invalid_token').length,
	};
}
