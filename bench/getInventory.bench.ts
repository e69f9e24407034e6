/**
 * 10,000 SKUs read at one location, 100 ms simulated latency on every Admin API call: Shopify Get Inventory's
 * read (SKU searches of up to 250 SKUs, pages sized by cost) and its bulk path, against a naive read (one query
 * per SKU), all against the same simulated store in this run. Also the throttle bound: the cost points each
 * read spends divided by Shopify's restore rates (100 / 200 / 1,000 / 2,000 points per second by plan), the
 * least time the read can take on a real store however fast the network is.
 * `BENCH_NAIVE_ITEMS=200` (default) measures the baseline on a sample and scales it (printed so);
 * `BENCH_INVENTORY_SKUS` changes the 10,000.
 */
import { nodeHttpSend } from '../lib/http/nodeHttpSend';
import { ShopifyClient, resetShopifyClientState } from '../lib/shopify/client';
import type { LevelRequest } from '../lib/shopify/inventory/levelTypes';
import { readInventoryOfItems } from '../lib/shopify/inventory/readInventory';
import { skuSearchQueries } from '../lib/shopify/inventory/skuSearch';
import { ShopifySimulator } from '../simulator/shopify/simulator';
import { seedStore } from '../simulator/shopify/store/seed';
import { ShopStore } from '../simulator/shopify/store/shopStore';

const SKUS = Number(process.env.BENCH_INVENTORY_SKUS ?? 10_000);
const LATENCY_MS = 100;
const TOKEN = 'shpat_bench_get_inventory_0123456789';
const RESTORE_RATES = [100, 200, 1000, 2000];

/** The baseline's own per-SKU query, as lean as one SKU's level gets. Not part of the package. */
const NAIVE_LEVEL_BY_SKU = /* GraphQL */ `
	query NaiveLevelBySku($query: String!, $locationId: ID!) {
		productVariants(first: 1, query: $query) {
			nodes {
				id
				inventoryItem {
					id
					inventoryLevel(locationId: $locationId) {
						quantities(names: ["available"]) {
							name
							quantity
						}
					}
				}
			}
		}
	}
`;

interface Measured {
	calls: number;
	requested: number;
	actual: number;
	ms: number;
}

function measure(sim: ShopifySimulator, since: number, ms: number, scale = 1): Measured {
	const entries = sim.log.list(since).filter((entry) => entry.endpoint === 'graphql');
	const sum = (pick: (entry: (typeof entries)[number]) => number | null) => entries.reduce((total, entry) => total + (pick(entry) ?? 0), 0);
	return { calls: entries.length * scale, requested: sum((e) => e.requestedCost) * scale, actual: sum((e) => e.actualCost) * scale, ms: ms * scale };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const bound = (points: number) => RESTORE_RATES.map((rate) => `${seconds((points / rate) * 1000)} at ${rate}/s`).join(', ');

export async function run(): Promise<void> {
	const naiveItems = Math.min(SKUS, Number(process.env.BENCH_NAIVE_ITEMS ?? 200));
	resetShopifyClientState();
	const sim = new ShopifySimulator({ seed: false, accessToken: TOKEN, maximumAvailable: 10_000_000, restoreRate: 10_000_000 });
	const seed = seedStore(sim.store, { seed: 12, locations: 1, products: SKUS, maxVariantsPerProduct: 1, duplicateSku: false, orders: 0, maxAvailable: 50 });
	const origin = await sim.listen();
	try {
		// The simulator's bucket never empties here: the runs are compared on calls and latency; the throttle
		// bound is computed from the cost points Shopify reported.
		sim.faults.add({ kind: 'latency', latencyMs: LATENCY_MS, count: 10_000_000, endpoint: 'graphql' });
		const location = seed.locations[0];
		const variants = seed.variants.filter((variant) => variant.sku).slice(0, SKUS);
		const client = new ShopifyClient({ shop: origin, apiVersion: '2026-10', credentials: { authentication: 'accessToken', accessToken: TOKEN }, send: nodeHttpSend });
		const requests: LevelRequest[] = variants.map((variant, itemIndex) => ({ itemIndex, identifierType: 'sku', identifier: variant.sku! }));
		const scope = { kind: 'some' as const, selectors: [{ by: 'id' as const, id: location.id }] };
		const bulkDeps = {
			download: async (url: string) => {
				const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
				return (async function* () {
					yield bytes;
				})();
			},
			pollDelayMs: () => 200,
		};

		let since = sim.log.list().at(-1)?.sequence ?? 0;
		let started = performance.now();
		const paged = await readInventoryOfItems(client, requests, { scope, names: ['available'], fetchMode: 'paged', bulk: bulkDeps });
		const batched = measure(sim, since, performance.now() - started);
		const expected = (inventoryItemId: string) => ShopStore.quantity(sim.store.inventoryItems.get(inventoryItemId)!.levels.get(location.id)!, 'available');
		const wrong = paged.result.filter((found, index) => !found.ok || found.rows[0].quantities.available !== expected(variants[index].inventoryItemId)).length;

		since = sim.log.list().at(-1)?.sequence ?? 0;
		started = performance.now();
		const bulk = await readInventoryOfItems(client, requests, { scope, names: ['available'], fetchMode: 'bulk', bulk: bulkDeps });
		const bulkRun = measure(sim, since, performance.now() - started);
		const bulkWrong = bulk.result.filter((found, index) => !found.ok || found.rows[0].quantities.available !== expected(variants[index].inventoryItemId)).length;

		since = sim.log.list().at(-1)?.sequence ?? 0;
		started = performance.now();
		for (const variant of variants.slice(0, naiveItems)) {
			const [query] = skuSearchQueries([variant.sku!]);
			await client.request(NAIVE_LEVEL_BY_SKU, { query, locationId: location.id });
		}
		const naive = measure(sim, since, performance.now() - started, SKUS / naiveItems);

		console.log(`${SKUS} SKUs read at one location (available), ${LATENCY_MS} ms latency per call`);
		const line = (name: string, m: Measured, note = '') =>
			console.log(`  ${name.padEnd(7)}: ${Math.round(m.calls)} API calls, ${seconds(m.ms)}, cost ${Math.round(m.requested)} requested / ${Math.round(m.actual)} actual points${note}`);
		line('paged', batched);
		line('bulk', bulkRun, ' (one bulk operation, polled every 200 ms, JSONL downloaded once)');
		line('naive', naive, naiveItems === SKUS ? '' : ` (measured on ${naiveItems} SKUs, scaled ×${(SKUS / naiveItems).toFixed(1)})`);
		console.log(`  ratio  : paged ${(naive.ms / batched.ms).toFixed(1)}× faster, ${(naive.calls / batched.calls).toFixed(0)}× fewer calls than naive`);
		console.log(`  throttle bound (actual points / restore rate): paged ${bound(batched.actual)}`);
		console.log(`                                                 naive ${bound(naive.actual)}`);
		console.log(`                                                 bulk  ${bound(bulkRun.actual)}`);
		console.log(`  check  : ${wrong === 0 && bulkWrong === 0 ? 'every quantity read matches the store' : `${wrong} paged / ${bulkWrong} bulk quantities are wrong`}`);
		if (wrong > 0 || bulkWrong > 0) process.exitCode = 1;
	} finally {
		await sim.close();
	}
}
