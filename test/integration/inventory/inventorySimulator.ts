import { clearAccessTokenCache } from '../../../lib/shopify/accessToken';
import { resetShopifyClientState } from '../../../lib/shopify/client';
import { ShopifySimulator } from '../../../simulator/shopify/simulator';
import { seedStore, type SeedSummary } from '../../../simulator/shopify/store/seed';
import { ShopStore } from '../../../simulator/shopify/store/shopStore';

export const TOKEN = 'shpat_inventory_tests_0123456789abcdef';

export interface InventoryStore {
	sim: ShopifySimulator;
	origin: string;
	seed: SeedSummary;
	/** Distinct-SKU variants (the seed adds one SKU shared by two variants; it is excluded here). */
	uniqueSkus: { sku: string; inventoryItemId: string; variantId: string }[];
	sharedSku: string | undefined;
	credentials: { shopifyAdminApi: Record<string, string> };
	available(inventoryItemId: string, locationId: string): number;
	/** Moves the store's clock (its `createdAt` values and `Date` headers) forward. */
	advanceClock(ms: number): void;
	close(): Promise<void>;
}

/** A simulated store with `products` single-variant products, two locations and one shared SKU. */
export async function startInventoryStore(products: number, apiVersion = '2026-10'): Promise<InventoryStore> {
	resetShopifyClientState();
	clearAccessTokenCache();
	let clockOffset = 0;
	const sim = new ShopifySimulator({ seed: false, accessToken: TOKEN, clock: () => Date.now() + clockOffset });
	const seed = seedStore(sim.store, { seed: 7, locations: 2, products, maxVariantsPerProduct: 1, duplicateSku: true, orders: 0, maxAvailable: 40 });
	const origin = await sim.listen();
	const counts = new Map<string, number>();
	for (const variant of seed.variants) if (variant.sku) counts.set(variant.sku, (counts.get(variant.sku) ?? 0) + 1);
	return {
		sim,
		origin,
		seed,
		uniqueSkus: seed.variants
			.filter((variant) => variant.sku && counts.get(variant.sku) === 1)
			.map((variant) => ({ sku: variant.sku!, inventoryItemId: variant.inventoryItemId, variantId: variant.id })),
		sharedSku: [...counts].find(([, count]) => count > 1)?.[0],
		credentials: { shopifyAdminApi: { shop: origin, apiVersion, authentication: 'accessToken', accessToken: TOKEN } },
		available(inventoryItemId, locationId) {
			const level = sim.store.inventoryItems.get(inventoryItemId)?.levels.get(locationId);
			if (!level) throw new Error(`no level for ${inventoryItemId} at ${locationId}`);
			return ShopStore.quantity(level, 'available');
		},
		advanceClock(ms) {
			clockOffset += ms;
		},
		close: () => sim.close(),
	};
}
