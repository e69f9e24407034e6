import type { CatalogMatch } from '../catalog/skuMatch';
import { callOrThrow, PosCallFailedError, type PosJsonTransport } from '../inventory/posJsonTransport';
import { versionPages } from './versionPages';

/**
 * Lightspeed X products by SKU: `GET /api/2.0/products?sku=` takes one SKU a call
 * (https://x-series-api.lightspeedhq.com/changelog/2024-05-sku-based-product-lookup); whether it matches
 * ignoring case is unconfirmed, so the answer is compared here (skuMatch) and a deleted product never maps.
 * A product's id is Lightspeed's UUID, which sales name in `line_items[].product.id`.
 */
export const PRODUCTS_PATH = '/api/2.0/products';

interface RawProduct {
	id?: unknown;
	sku?: unknown;
	name?: unknown;
	variant_name?: unknown;
	deleted_at?: unknown;
}

function matchOf(product: RawProduct): CatalogMatch | undefined {
	if (typeof product.id !== 'string' || typeof product.sku !== 'string' || (product.deleted_at !== null && product.deleted_at !== undefined)) return undefined;
	const names = [product.name, product.variant_name].filter((name): name is string => typeof name === 'string' && name !== '');
	return { itemId: product.id, sku: product.sku, ...(names.length > 0 ? { name: names.join(' / ') } : {}) };
}

function productsIn(body: unknown): RawProduct[] {
	const data = (body ?? {}) as { data?: unknown };
	if (Array.isArray(data.data)) return data.data as RawProduct[];
	return data.data && typeof data.data === 'object' ? [data.data as RawProduct] : [];
}

export async function productsBySku(transport: PosJsonTransport, skus: string[]): Promise<CatalogMatch[]> {
	const matches: CatalogMatch[] = [];
	for (const sku of skus) {
		const body = await callOrThrow(transport, { method: 'GET', path: PRODUCTS_PATH, query: { sku }, safeToRepeat: true });
		matches.push(...productsIn(body).map(matchOf).filter((match) => match !== undefined));
	}
	return matches;
}

/** Above this many ids, one read of the whole product list (200 a page) costs fewer calls than one call an id. */
const IDS_READ_ONE_BY_ONE = 20;

/** The SKUs of products by id; a product Lightspeed no longer has (404) gives no match, so its change is reported unmapped. */
export async function productSkus(transport: PosJsonTransport, productIds: string[]): Promise<CatalogMatch[]> {
	if (productIds.length > IDS_READ_ONE_BY_ONE) {
		const wanted = new Set(productIds);
		const all = await versionPages<RawProduct>(transport, PRODUCTS_PATH, '0', 1000);
		return all.records.filter((product) => wanted.has(product.id as string)).flatMap((product) => matchOf(product) ?? []);
	}
	const matches: CatalogMatch[] = [];
	for (const id of productIds) {
		const result = await transport({ method: 'GET', path: `${PRODUCTS_PATH}/${encodeURIComponent(id)}`, safeToRepeat: true });
		if (!result.ok && result.status === 404) continue;
		if (!result.ok) throw new PosCallFailedError(result);
		matches.push(...productsIn(result.body).map(matchOf).filter((match) => match !== undefined));
	}
	return matches;
}
