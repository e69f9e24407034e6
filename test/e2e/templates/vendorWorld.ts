import { PosSimulator } from '../../../simulator/pos/posSimulator';
import { PosSimulatorClient } from '../../../simulator/pos/client';
import { startShopifySimulator, type RunningShopifySimulator } from '../../../simulator/shopify';
import { N8nInstance } from '../harness';

/** What every vendor template world starts from: a seeded Shopify store, a POS simulator, a real n8n. */
export interface VendorWorldParts {
	n8n: N8nInstance;
	shop: RunningShopifySimulator;
	pos: PosSimulator;
	client: PosSimulatorClient;
	origin: string;
	shopifyLocationId: string;
	/** Up to six SKUs each only one Shopify variant has. */
	skus: string[];
	variants: Array<{ sku: string | null; price: string }>;
}

/**
 * Starts the three and hands them to `build` (which stocks both systems and publishes the templates); whatever
 * fails on the way stops everything that started.
 */
export async function openVendorWorld<W>(shopSeed: number, posToken: string, log: (line: string) => void, build: (parts: VendorWorldParts) => Promise<W>): Promise<W> {
	const shop = await startShopifySimulator({ seed: false });
	const pos = new PosSimulator({ config: { auth: { type: 'bearer', token: posToken } } });
	let n8n: N8nInstance | undefined;
	try {
		const seeded = await shop.control.seed({ seed: shopSeed, locations: 1, products: 5, orders: 0, posShare: 0, maxAvailable: 50 });
		await shop.control.configureWebhooks({ retryDelaysMs: [200, 200, 200, 200, 200, 200, 200, 200], timeoutMs: 5000 });
		const counts = new Map<string, number>();
		for (const variant of seeded.variants) if (variant.sku) counts.set(variant.sku, (counts.get(variant.sku) ?? 0) + 1);
		const skus = [...counts].filter(([, count]) => count === 1).map(([sku]) => sku).slice(0, 6);
		if (skus.length < 4) throw new Error('the seeded store has fewer than 4 unique SKUs');
		const origin = await pos.start();
		n8n = await N8nInstance.create({ log });
		return await build({ n8n, shop, pos, client: new PosSimulatorClient(origin), origin, shopifyLocationId: seeded.locations[0].id, skus, variants: seeded.variants });
	} catch (error) {
		await n8n?.dispose();
		await pos.stop();
		await shop.close();
		throw error;
	}
}

/** The Shopify side and the teardown every vendor world shares. */
export class VendorWorld {
	/** What each SKU started with (the same in both systems). */
	readonly start = new Map<string, number>();
	readonly n8n: N8nInstance;
	readonly shop: RunningShopifySimulator;
	readonly pos: PosSimulator;
	readonly shopifyLocationId: string;
	readonly skus: string[];

	protected constructor(parts: VendorWorldParts) {
		this.n8n = parts.n8n;
		this.shop = parts.shop;
		this.pos = parts.pos;
		this.shopifyLocationId = parts.shopifyLocationId;
		this.skus = parts.skus;
	}

	/** Shopify's stock of each SKU at `startStock` plus its index, remembered as the start. */
	protected async stockShopify(startStock: number): Promise<void> {
		for (const [index, sku] of this.skus.entries()) {
			this.start.set(sku, startStock + index);
			await this.shop.control.setInventory({ sku, locationId: this.shopifyLocationId, quantities: { available: startStock + index } });
		}
	}

	async shopifyStock(): Promise<Map<string, number>> {
		return new Map(await Promise.all(this.skus.map(async (sku) => [sku, await this.shop.control.quantity(sku, this.shopifyLocationId)] as const)));
	}

	/** The ids after `gid://n8n-shopify-pos/<kind>/` in the inventory writes Shopify accepted. */
	protected async referencesWrittenToShopify(kind: string): Promise<string[]> {
		const named = new RegExp(`${kind}\\/([A-Za-z0-9:-]+)`, 'g');
		const requests = await this.shop.control.requests();
		return requests
			.filter((request) => request.operationType === 'mutation' && request.status === 200)
			.flatMap((request) => [...JSON.stringify(request.variables).matchAll(named)].map((match) => match[1]));
	}

	async dispose(): Promise<void> {
		await this.n8n.dispose();
		await this.pos.stop();
		await this.shop.close();
	}
}
