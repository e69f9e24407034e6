/**
 * 1,000 SKU adjustments at one location, 100 ms simulated latency on every Admin API call:
 * the Adjust Inventory flow (batched lookups + ≤ 250-change mutations) against a naive per-item baseline
 * (one SKU lookup + one single-change mutation per SKU), both against the same simulated store in this run.
 * `BENCH_NAIVE_ITEMS=200 npm run bench adjust` measures the baseline on a sample and scales it (printed so).
 */
import { nodeHttpSend } from '../lib/http/nodeHttpSend';
import { ShopifyClient, resetShopifyClientState } from '../lib/shopify/client';
import { applyInventoryChanges } from '../lib/shopify/inventory/applyInventoryChanges';
import { changeKey } from '../lib/shopify/inventory/idempotencyKey';
import { skuSearchQueries } from '../lib/shopify/inventory/skuSearch';
import type { RawInventoryChange } from '../lib/shopify/inventory/types';
import { validateChange } from '../lib/shopify/inventory/validateChange';
import { INVENTORY_ADJUST_QUANTITIES } from '../lib/shopify/operations/inventory';
import { ShopifySimulator } from '../simulator/shopify/simulator';
import { seedStore } from '../simulator/shopify/store/seed';
import { ShopStore } from '../simulator/shopify/store/shopStore';

const ITEMS = 1000;
const LATENCY_MS = 100;
const TOKEN = 'shpat_bench_adjust_inventory_0123456789';

/**
 * The baseline's own lookup, as small as a per-item lookup gets (3 cost points), so the baseline is not
 * slowed by throttling that a leaner query would avoid. Not part of the package.
 */
const NAIVE_ITEM_BY_SKU = /* GraphQL */ `
	query NaiveInventoryItemBySku($query: String!) {
		inventoryItems(first: 1, query: $query) {
			nodes {
				id
			}
		}
	}
`;

export async function run(): Promise<void> {
	const naiveItems = Math.min(ITEMS, Number(process.env.BENCH_NAIVE_ITEMS ?? ITEMS));
	resetShopifyClientState();
	const sim = new ShopifySimulator({ seed: false, accessToken: TOKEN });
	const seed = seedStore(sim.store, { seed: 11, locations: 1, products: ITEMS, maxVariantsPerProduct: 1, duplicateSku: false, orders: 0, maxAvailable: 50 });
	const origin = await sim.listen();
	try {
		sim.faults.add({ kind: 'latency', latencyMs: LATENCY_MS, count: 1_000_000, endpoint: 'graphql' });
		const location = seed.locations[0];
		const variants = seed.variants.filter((variant) => variant.sku).slice(0, ITEMS);
		const client = new ShopifyClient({
			shop: origin,
			apiVersion: '2026-10',
			credentials: { authentication: 'accessToken', accessToken: TOKEN },
			send: nodeHttpSend,
		});
		const request = <T>(document: string, variables: Record<string, unknown>, options?: { estimatedCost?: number }) =>
			client.request<T>(document, variables, options);
		const available = (inventoryItemId: string) => ShopStore.quantity(sim.store.inventoryItems.get(inventoryItemId)!.levels.get(location.id)!, 'available');
		const before = variants.map((variant) => available(variant.inventoryItemId));

		// The package's way.
		const raws: RawInventoryChange[] = variants.map((variant, itemIndex) => ({
			itemIndex,
			identifierType: 'sku',
			identifier: variant.sku,
			locationBy: 'id',
			location: location.id,
			mode: 'adjust',
			quantityName: 'available',
			quantity: -1,
			reason: 'correction',
			referenceDocumentUri: 'gid://n8n-shopify-pos/Bench/batched',
		}));
		let since = sim.log.list().at(-1)?.sequence ?? 0;
		let started = performance.now();
		const result = await applyInventoryChanges(raws, { request });
		const batchedMs = performance.now() - started;
		const batchedCalls = sim.log.list(since).filter((entry) => entry.endpoint === 'graphql').length;
		const applied = result.outcomes.filter((outcome) => outcome.status === 'applied').length;

		// The naive way: look each SKU up, then send its own single-change mutation.
		since = sim.log.list().at(-1)?.sequence ?? 0;
		started = performance.now();
		for (const variant of variants.slice(0, naiveItems)) {
			const [query] = skuSearchQueries([variant.sku!]);
			const { data } = await request<{ inventoryItems: { nodes: { id: string }[] } }>(NAIVE_ITEM_BY_SKU, { query });
			const raw = { ...raws[0], identifier: variant.sku, referenceDocumentUri: 'gid://n8n-shopify-pos/Bench/naive' };
			const checked = validateChange(raw);
			if (!checked.ok) throw new Error(checked.error.message);
			await request(INVENTORY_ADJUST_QUANTITIES, {
				input: {
					name: 'available',
					reason: 'correction',
					referenceDocumentUri: raw.referenceDocumentUri,
					changes: [{ inventoryItemId: data.inventoryItems.nodes[0].id, locationId: location.id, delta: -1, changeFromQuantity: null }],
				},
				idempotencyKey: `naive-${changeKey(checked.change)}`,
				quantityNames: ['available'],
			});
		}
		const naiveMeasuredMs = performance.now() - started;
		const naiveMeasuredCalls = sim.log.list(since).filter((entry) => entry.endpoint === 'graphql').length;
		const scale = ITEMS / naiveItems;
		const naiveMs = naiveMeasuredMs * scale;
		const naiveCalls = naiveMeasuredCalls * scale;

		const wrong = variants.filter((variant, i) => available(variant.inventoryItemId) !== before[i] - (i < naiveItems ? 2 : 1)).length;
		const lookups = result.calls.lookups;
		const mutations = result.calls.mutations;
		console.log(`${ITEMS} SKU adjustments at one location, ${LATENCY_MS} ms latency per call`);
		console.log(`  batched : ${batchedCalls} API calls (${lookups} lookups + ${mutations} mutations), ${(batchedMs / 1000).toFixed(2)} s, ${applied}/${ITEMS} applied`);
		console.log(
			`  naive   : ${Math.round(naiveCalls)} API calls (lookup + mutation per SKU), ${(naiveMs / 1000).toFixed(2)} s` +
				(scale === 1 ? '' : ` (measured ${naiveMeasuredCalls} calls / ${(naiveMeasuredMs / 1000).toFixed(2)} s on ${naiveItems} SKUs, scaled ×${scale.toFixed(2)})`),
		);
		console.log(`  ratio   : ${(naiveMs / batchedMs).toFixed(1)}× faster, ${(naiveCalls / batchedCalls).toFixed(0)}× fewer calls (targets: ≥ 50×, ≤ 8 calls)`);
		console.log(`  check   : ${wrong === 0 ? 'every quantity moved by exactly the deltas sent' : `${wrong} quantities are wrong`}`);
		if (wrong > 0 || applied !== ITEMS) process.exitCode = 1;
	} finally {
		await sim.close();
	}
}
