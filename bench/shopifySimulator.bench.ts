/**
 * The Shopify simulator must never be what limits another benchmark. Figures:
 * - small queries per second (`{ shop { name } }` and a 10-order page) from CONCURRENCY clients, against a
 *   bare node:http server answering a fixed JSON body on the same machine in the same run (the HTTP floor),
 *   printed as a ratio; target ≥ 500 queries/s;
 * - seeding 100,000 orders in a separate process: seconds, heap and RSS growth (target < 1 GB), and how long
 *   a 50-order page filtered on updated_at takes at that size.
 *
 * Environment: SIM_BENCH_SECONDS (default 3), SIM_BENCH_CONCURRENCY (default 8), SIM_BENCH_ORDERS (default 100000).
 */
import { spawnSync } from 'node:child_process';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { startShopifySimulator } from '../simulator/shopify';

function env(name: string, fallback: number): number {
	const value = Number(process.env[name]);
	return Number.isFinite(value) && value > 0 ? value : fallback;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function post(url: string, headers: Record<string, string>, body: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } }, (response) => {
			response.resume();
			response.on('end', () => resolve(response.statusCode ?? 0));
		});
		request.on('error', reject);
		request.end(body);
	});
}

async function throughput(url: string, headers: Record<string, string>, body: string, seconds: number, concurrency: number): Promise<number> {
	const until = Date.now() + seconds * 1000;
	let done = 0;
	const worker = async (): Promise<void> => {
		while (Date.now() < until) {
			const status = await post(url, headers, body);
			if (status !== 200) throw new Error(`unexpected status ${status}`);
			done++;
		}
	};
	const started = Date.now();
	await Promise.all(Array.from({ length: concurrency }, worker));
	return done / ((Date.now() - started) / 1000);
}

/** Runs in a child process so the memory figure is the simulator's alone. */
export function seedMeasurement(orders: number): void {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { ShopifySimulator } = require('../simulator/shopify/simulator') as typeof import('../simulator/shopify/simulator');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { seedStore } = require('../simulator/shopify/store/seed') as typeof import('../simulator/shopify/store/seed');
	const before = process.memoryUsage();
	const started = Date.now();
	const sim = new ShopifySimulator({ seed: false, maximumAvailable: 1e9, restoreRate: 1e9 });
	seedStore(sim.store, { seed: 1, orders, products: 200, locations: 3, ordersFrom: '2026-08-01T00:00:00Z', ordersTo: '2026-11-01T00:00:00Z' });
	const seconds = (Date.now() - started) / 1000;
	(globalThis as { gc?: () => void }).gc?.();
	const after = process.memoryUsage();
	void sim
		.listen()
		.then(async (origin) => {
			const body = JSON.stringify({ query: `{ orders(first: 50, sortKey: UPDATED_AT, query: "updated_at:>='2026-10-15T00:00:00Z' financial_status:paid") { nodes { id name updatedAt } } }` });
			const times: number[] = [];
			for (let i = 0; i < 20; i++) {
				const t = process.hrtime.bigint();
				await post(`${origin}/admin/api/2026-10/graphql.json`, { 'x-shopify-access-token': sim.accessToken }, body);
				times.push(Number(process.hrtime.bigint() - t) / 1e6);
			}
			times.sort((a, b) => a - b);
			await sim.close();
			agent.destroy();
			console.log(
				JSON.stringify({
					seconds,
					heapMb: (after.heapUsed - before.heapUsed) / 1048576,
					rssMb: after.rss / 1048576,
					rssGrowthMb: (after.rss - before.rss) / 1048576,
					pageMedianMs: times[Math.floor(times.length / 2)],
				}),
			);
		});
}

export async function run(): Promise<void> {
	const seconds = env('SIM_BENCH_SECONDS', 3);
	const concurrency = env('SIM_BENCH_CONCURRENCY', 8);
	const orders = env('SIM_BENCH_ORDERS', 100000);

	const sim = await startShopifySimulator({ seed: { seed: 1, orders: 500 }, maximumAvailable: 1e9, restoreRate: 1e9 });
	const floor = http.createServer((_request, response) => {
		const text = '{"data":{"shop":{"name":"Simulated Store"}}}';
		response.writeHead(200, { 'content-type': 'application/json', 'content-length': text.length }).end(text);
	});
	await new Promise<void>((resolve) => floor.listen(0, '127.0.0.1', resolve));
	const floorUrl = `http://127.0.0.1:${(floor.address() as AddressInfo).port}/`;
	const auth = { 'x-shopify-access-token': sim.accessToken };
	const graphqlUrl = `${sim.url}/admin/api/2026-10/graphql.json`;
	try {
		// warm-up: schema build and JIT
		await throughput(graphqlUrl, auth, JSON.stringify({ query: '{ shop { name } }' }), 0.5, concurrency);
		const baseline = await throughput(floorUrl, {}, '{}', seconds, concurrency);
		const shop = await throughput(graphqlUrl, auth, JSON.stringify({ query: 'query Shop { shop { name } }' }), seconds, concurrency);
		const page = await throughput(graphqlUrl, auth, JSON.stringify({ query: 'query Page { orders(first: 10, sortKey: UPDATED_AT) { nodes { id name updatedAt } } }' }), seconds, concurrency);
		console.log(`small queries/s, ${concurrency} clients, ${seconds} s each (target >= 500):`);
		console.log(`  { shop { name } }                 ${shop.toFixed(0).padStart(7)}/s  (${((shop / baseline) * 100).toFixed(1)} % of the bare HTTP floor)`);
		console.log(`  orders(first: 10) page            ${page.toFixed(0).padStart(7)}/s  (${((page / baseline) * 100).toFixed(1)} % of the bare HTTP floor)`);
		console.log(`  baseline: bare node:http server   ${baseline.toFixed(0).padStart(7)}/s`);
	} finally {
		agent.destroy();
		await sim.close();
		await new Promise<void>((resolve) => floor.close(() => resolve()));
	}

	const child = spawnSync(
		process.execPath,
		['--expose-gc', '-r', 'ts-node/register/transpile-only', '-e', `require(${JSON.stringify(path.join(__dirname, 'shopifySimulator.bench.ts'))}).seedMeasurement(${orders})`],
		{ encoding: 'utf8', cwd: path.join(__dirname, '..'), maxBuffer: 1 << 20 },
	);
	if (child.status !== 0) throw new Error(`seeding process failed: ${child.stderr}`);
	const figures = JSON.parse(child.stdout.trim().split('\n').pop()!) as { seconds: number; heapMb: number; rssMb: number; rssGrowthMb: number; pageMedianMs: number };
	console.log(`${orders.toLocaleString('en-US')} seeded orders (own process, target < 1024 MB):`);
	console.log(`  seeding ${figures.seconds.toFixed(1)} s, heap +${figures.heapMb.toFixed(0)} MB, RSS ${figures.rssMb.toFixed(0)} MB (+${figures.rssGrowthMb.toFixed(0)} MB)`);
	console.log(`  50-order page filtered on updated_at + financial_status: median ${figures.pageMedianMs.toFixed(1)} ms`);
}
