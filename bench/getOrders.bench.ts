/**
 * Shopify Get Orders throughput against the simulator, at Shopify's standard restore rate (100 points/s,
 * bucket 2,000) on a compressed clock: the store and the clients share one clock that runs SPEED× faster
 * than the wall clock, so hours of Shopify time fit in a minute and every wait is a real (shortened) wait.
 *
 * Figures, all in store time:
 * - the throttle bound: restore rate ÷ actual cost points per order (what even a perfect client gets);
 * - the package's throughput in orders/s, as a percentage of that bound;
 * - a naive baseline measured in the same run: fixed-size pages of the same rich order selection, sent
 *   back to back, sleeping 2 s on THROTTLED; and the ratio between the two.
 * THROTTLED answers are counted on both sides (the package's client retries them; the target is that
 * none reaches the node).
 *
 * Then 100,000 orders through bulk mode, the reader alone in its own process (the simulator in another, so
 * its memory does not count): that process's peak RSS against the 300 MB target.
 *
 * Environment: GET_ORDERS_BENCH_ORDERS (default 10000), GET_ORDERS_BENCH_BASELINE_ORDERS (default 2000),
 * GET_ORDERS_BENCH_SPEED (default 100), GET_ORDERS_BENCH_BULK_ORDERS (default 100000; 0 skips bulk),
 * GET_ORDERS_BENCH_RESTORE and GET_ORDERS_BENCH_BUCKET (default 100 points/s and 2000 points).
 */
import { spawn } from 'node:child_process';
import * as http from 'node:http';
import * as readline from 'node:readline';
import { nodeHttpSend } from '../lib/http/nodeHttpSend';
import { ShopifyClient, resetShopifyClientState } from '../lib/shopify/client';
import {
	DISCOUNT_APPLICATION_FIELDS,
	FULFILLMENT_ORDER_FIELDS,
	LINE_ITEM_FIELDS,
	ORDER_FIELDS,
	SHIPPING_LINE_FIELDS,
} from '../lib/shopify/orders/orderSelection';
import { OrdersReader } from '../lib/shopify/orders/ordersReader';
import { startShopifySimulator, type RunningShopifySimulator } from '../simulator/shopify';

/** Shopify's standard plan by default; GET_ORDERS_BENCH_RESTORE / _BUCKET try others (Plus: 1000 / 20000). */
const RESTORE_RATE = Number(process.env.GET_ORDERS_BENCH_RESTORE) || 100;
const BUCKET = Number(process.env.GET_ORDERS_BENCH_BUCKET) || 2000;

/** A clock shared by the simulated store and the clients, running `speed`× faster than real time. */
class CompressedClock {
	private readonly realStart = Date.now();
	constructor(
		private readonly storeStart: number,
		private readonly speed: number,
	) {}

	readonly now = (): number => this.storeStart + (Date.now() - this.realStart) * this.speed;

	readonly sleep = (ms: number): Promise<void> =>
		new Promise((resolve) => setTimeout(resolve, Math.max(0, ms / this.speed)));
}

interface Measured {
	orders: number;
	storeSeconds: number;
	actualCost: number;
	throttled: number;
	requests: number;
}

function env(name: string, fallback: number): number {
	const value = Number(process.env[name]);
	return Number.isFinite(value) && value > 0 ? value : fallback;
}

async function seed(shop: RunningShopifySimulator, clock: CompressedClock, count: number): Promise<void> {
	const start = clock.now() - count * 1000;
	for (let index = 0; index < count; index++) {
		const at = new Date(start + index * 1000).toISOString();
		shop.orders.create({
			createdAt: at,
			processedAt: at,
			updatedAt: at,
			lineItems: [
				{ title: 'Espresso', quantity: 2, price: '3.50' },
				{ title: 'Croissant', quantity: 1, price: '2.25' },
				{ title: `Mug ${index % 40}`, quantity: 1, price: '12.00' },
			],
			email: `buyer${index}@example.com`,
		});
	}
}

async function measurePackage(shop: RunningShopifySimulator, clock: CompressedClock, limit: number): Promise<Measured> {
	resetShopifyClientState();
	await shop.control.clearRequests();
	shop.simulator.bucket.drainTo(0);
	const client = new ShopifyClient({
		shop: shop.url,
		apiVersion: '2026-10',
		credentials: { authentication: 'accessToken', accessToken: shop.accessToken },
		send: nodeHttpSend,
		now: clock.now,
		sleep: clock.sleep,
	});
	const reader = new OrdersReader(
		client,
		{ filters: {}, sortKey: 'UPDATED_AT', reverse: false, mode: 'paged', olderThanVisible: 'warn', limit },
		{ download: async () => Promise.reject(new Error('paged only')), now: clock.now, sleep: clock.sleep },
	);
	const started = clock.now();
	let orders = 0;
	for await (const order of reader.orders()) if (order.lineItems.nodes.length === 3) orders++;
	const storeSeconds = (clock.now() - started) / 1000;
	const log = shop.simulator.log.list();
	return {
		orders,
		storeSeconds,
		actualCost: reader.summary.stats.actualCost,
		throttled: log.filter((entry) => entry.outcome === 'THROTTLED').length,
		requests: reader.summary.stats.requests,
	};
}

function naiveDocument(): string {
	return `query NaiveOrdersPage($first: Int!, $after: String) {
	orders(first: $first, after: $after, sortKey: UPDATED_AT) {
		nodes {
			${ORDER_FIELDS}
			lineItems(first: 10) { nodes { ${LINE_ITEM_FIELDS} } }
			discountApplications(first: 5) { nodes { ${DISCOUNT_APPLICATION_FIELDS} } }
			shippingLines(first: 3) { nodes { ${SHIPPING_LINE_FIELDS} } }
			fulfillmentOrders(first: 3) { nodes { ${FULFILLMENT_ORDER_FIELDS} } }
		}
		pageInfo { hasNextPage endCursor }
	}
}`;
}

interface NaiveAnswer {
	data?: { orders: { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
	errors?: Array<{ extensions?: { code?: string; cost?: number } }>;
	extensions?: { cost?: { actualQueryCost?: number | null } };
}

/** What a first attempt usually looks like: a fixed page, no cost reading, a fixed sleep when refused. */
async function measureNaive(shop: RunningShopifySimulator, clock: CompressedClock, limit: number): Promise<Measured & { pageSize: number; note: string }> {
	await shop.control.clearRequests();
	shop.simulator.bucket.drainTo(BUCKET);
	const document = naiveDocument();
	const post = async (first: number, after: string | null): Promise<NaiveAnswer> => {
		const response = await nodeHttpSend({
			method: 'POST',
			url: `${shop.url}/admin/api/2026-10/graphql.json`,
			headers: { 'content-type': 'application/json', 'x-shopify-access-token': shop.accessToken },
			body: JSON.stringify({ query: document, variables: { first, after } }),
		});
		return JSON.parse(response.body) as NaiveAnswer;
	};
	let pageSize = 50;
	let note = 'first: 50';
	const probe = await post(pageSize, null);
	const refusal = probe.errors?.find((error) => error.extensions?.code === 'MAX_COST_EXCEEDED');
	if (refusal?.extensions?.cost) {
		// Shopify refuses any query above 1000 points: the naive client is stuck with the largest fixed page that passes.
		pageSize = Math.max(1, Math.floor((1000 / refusal.extensions.cost) * 50));
		note = `first: 50 refused (requested ${refusal.extensions.cost} > 1000); largest fixed page that passes: first: ${pageSize}`;
	}
	shop.simulator.bucket.drainTo(0);
	await shop.control.clearRequests();
	const started = clock.now();
	let orders = 0;
	let actualCost = 0;
	let throttled = 0;
	let requests = 0;
	let after: string | null = null;
	while (orders < limit) {
		requests++;
		const answer = await post(pageSize, after);
		if (answer.errors?.some((error) => error.extensions?.code === 'THROTTLED')) {
			throttled++;
			await clock.sleep(2000);
			continue;
		}
		if (!answer.data) throw new Error(`naive baseline failed: ${JSON.stringify(answer.errors)}`);
		actualCost += answer.extensions?.cost?.actualQueryCost ?? 0;
		orders += answer.data.orders.nodes.length;
		if (!answer.data.orders.pageInfo.hasNextPage) break;
		after = answer.data.orders.pageInfo.endCursor;
	}
	return { orders, storeSeconds: (clock.now() - started) / 1000, actualCost, throttled, requests, pageSize, note };
}

/** Streams a download with node:http (the bulk result URL points at the simulator). */
function httpDownload(url: string): Promise<AsyncIterable<Uint8Array>> {
	return new Promise((resolve, reject) => {
		http.get(url, (response) => {
			if (response.statusCode !== 200) reject(new Error(`download answered ${response.statusCode}`));
			else resolve(response);
		}).on('error', reject);
	});
}

/** Child role: read every order in bulk mode and report the count and this process's peak RSS. */
async function bulkReaderRole(shopUrl: string, accessToken: string): Promise<void> {
	const client = new ShopifyClient({
		shop: shopUrl,
		apiVersion: '2026-10',
		credentials: { authentication: 'accessToken', accessToken },
		send: nodeHttpSend,
	});
	const reader = new OrdersReader(
		client,
		{ filters: {}, sortKey: 'UPDATED_AT', reverse: false, mode: 'bulk', olderThanVisible: 'warn' },
		{ download: httpDownload, pollDelayMs: () => 200 },
	);
	const started = Date.now();
	let orders = 0;
	let lines = 0;
	for await (const order of reader.orders()) {
		orders++;
		lines += order.lineItems.nodes.length;
	}
	const peakRssMb = process.resourceUsage().maxRSS / 1024;
	console.log(JSON.stringify({ orders, lines, seconds: (Date.now() - started) / 1000, peakRssMb }));
}

/** Child role: a simulator seeded with `count` orders, its address on the first line of stdout. */
async function simulatorRole(count: number): Promise<void> {
	const shop = await startShopifySimulator({ seed: { orders: 0, locations: 2, products: 10 }, maximumAvailable: 20_000, restoreRate: 10_000 });
	const clock = new CompressedClock(Date.now(), 1);
	await seed(shop, clock, count);
	console.log(JSON.stringify({ url: shop.url, accessToken: shop.accessToken }));
}

function child(role: string, args: string[]): { lines: AsyncIterableIterator<string>; stop: () => void } {
	const process_ = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', __filename, role, ...args], {
		stdio: ['ignore', 'pipe', 'inherit'],
		env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
	});
	return { lines: readline.createInterface({ input: process_.stdout })[Symbol.asyncIterator](), stop: () => process_.kill() };
}

async function measureBulkMemory(count: number): Promise<void> {
	const simulator = child('simulator', [String(count)]);
	try {
		const first = await simulator.lines.next();
		if (first.done) throw new Error('the simulator process ended before it was ready');
		const { url, accessToken } = JSON.parse(first.value) as { url: string; accessToken: string };
		const reader = child('bulk-reader', [url, accessToken]);
		const result = await reader.lines.next();
		reader.stop();
		if (result.done) {
			console.log('bulk: the reader process failed (see above); the simulator may not offer bulk operations yet');
			return;
		}
		const figures = JSON.parse(result.value) as { orders: number; lines: number; seconds: number; peakRssMb: number };
		console.log(
			`bulk: ${figures.orders} orders (${figures.lines} lines) in ${figures.seconds.toFixed(1)} s; ` +
				`reader peak RSS ${figures.peakRssMb.toFixed(0)} MB (target < 300 MB)`,
		);
	} finally {
		simulator.stop();
	}
}

export async function run(): Promise<void> {
	const total = env('GET_ORDERS_BENCH_ORDERS', 10_000);
	const baselineOrders = Math.min(total, env('GET_ORDERS_BENCH_BASELINE_ORDERS', 2000));
	const speed = env('GET_ORDERS_BENCH_SPEED', 100);
	const clock = new CompressedClock(Date.parse('2026-11-20T00:00:00Z'), speed);
	const shop = await startShopifySimulator({
		seed: { orders: 0, locations: 2, products: 10 },
		clock: clock.now,
		maximumAvailable: BUCKET,
		restoreRate: RESTORE_RATE,
	});
	try {
		const seeding = Date.now();
		await seed(shop, clock, total);
		console.log(`store: ${total} orders × 3 lines seeded in ${((Date.now() - seeding) / 1000).toFixed(1)} s; bucket ${BUCKET}, restore ${RESTORE_RATE} points/s, clock ×${speed}`);

		const ours = await measurePackage(shop, clock, total);
		const pointsPerOrder = ours.actualCost / ours.orders;
		const bound = RESTORE_RATE / pointsPerOrder;
		const throughput = ours.orders / ours.storeSeconds;
		console.log(
			`package:  ${ours.orders} orders in ${ours.storeSeconds.toFixed(0)} store-s, ${ours.requests} requests, ` +
				`${pointsPerOrder.toFixed(1)} actual points/order → ${throughput.toFixed(3)} orders/s`,
		);
		console.log(`throttle bound: ${RESTORE_RATE} points/s ÷ ${pointsPerOrder.toFixed(1)} points/order = ${bound.toFixed(3)} orders/s`);
		console.log(`package throughput: ${((throughput / bound) * 100).toFixed(1)} % of the bound (target ≥ 90 %)`);
		console.log(`THROTTLED answers from the store: ${ours.throttled} (retried inside the client; 0 reached the node)`);

		const naive = await measureNaive(shop, clock, baselineOrders);
		const naiveThroughput = naive.orders / naive.storeSeconds;
		console.log(
			`baseline: ${naive.note}; ${naive.orders} orders in ${naive.storeSeconds.toFixed(0)} store-s, ${naive.requests} requests, ` +
				`${naive.throttled} THROTTLED, ${(naive.actualCost / naive.orders).toFixed(1)} actual points/order → ${naiveThroughput.toFixed(3)} orders/s`,
		);
		console.log(`package ÷ baseline: ${(throughput / naiveThroughput).toFixed(2)}× (target ≥ 2×)`);
	} finally {
		await shop.close();
	}
	const bulkOrders = process.env.GET_ORDERS_BENCH_BULK_ORDERS === '0' ? 0 : env('GET_ORDERS_BENCH_BULK_ORDERS', 100_000);
	if (bulkOrders > 0) await measureBulkMemory(bulkOrders);
}

if (require.main === module) {
	const [role, ...args] = process.argv.slice(2);
	const work = role === 'simulator' ? simulatorRole(Number(args[0])) : role === 'bulk-reader' ? bulkReaderRole(args[0], args[1]) : run();
	work.catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
}
