import type { CatalogMatch } from '../catalog/skuMatch';
import type { PosJsonTransport } from '../inventory/posJsonTransport';
import { allPages, PAGE_LIMIT } from './cursorPages';

/**
 * Loyverse variants by SKU: `GET /v1.0/variants?sku=` takes one SKU a call; `variants_ids` a comma-separated list
 * ([3P] POS-VENDORS.md 4.2). A variant's id is what stock and receipts name (`variant_id`). Whether the SKU
 * match ignores case is unconfirmed: the answer is compared here (skuMatch), deleted variants never map.
 */
export const VARIANTS_PATH = '/v1.0/variants';
const MAX_PAGES = 20;

interface RawVariant {
	variant_id?: unknown;
	sku?: unknown;
	option1_value?: unknown;
	deleted_at?: unknown;
}

function matchOf(variant: RawVariant): CatalogMatch[] {
	if (typeof variant.variant_id !== 'string' || typeof variant.sku !== 'string' || (variant.deleted_at !== null && variant.deleted_at !== undefined)) return [];
	return [{ itemId: variant.variant_id, sku: variant.sku, ...(typeof variant.option1_value === 'string' && variant.option1_value !== '' ? { name: variant.option1_value } : {}) }];
}

export async function variantsBySku(transport: PosJsonTransport, skus: string[]): Promise<CatalogMatch[]> {
	const matches: CatalogMatch[] = [];
	for (const sku of skus) {
		const read = await allPages<RawVariant>(transport, VARIANTS_PATH, 'variants', { sku }, MAX_PAGES);
		matches.push(...read.records.flatMap(matchOf));
	}
	return matches;
}

export async function variantSkus(transport: PosJsonTransport, variantIds: string[]): Promise<CatalogMatch[]> {
	const matches: CatalogMatch[] = [];
	for (let start = 0; start < variantIds.length; start += PAGE_LIMIT) {
		const read = await allPages<RawVariant>(transport, VARIANTS_PATH, 'variants', { variants_ids: variantIds.slice(start, start + PAGE_LIMIT).join(',') }, MAX_PAGES);
		matches.push(...read.records.flatMap(matchOf));
	}
	return matches;
}
