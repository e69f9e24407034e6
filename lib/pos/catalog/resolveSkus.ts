import { decideSku, isSkuProblem, type CatalogMatch, type SkuComparison, type SkuProblem } from './skuMatch';
import type { SkuCache } from './skuCache';

/** The vendor's catalog search: every entry whose SKU matches one of `skus` (one POS call, or paged). */
export type CatalogLookup = (skus: string[]) => Promise<CatalogMatch[]>;

export interface ResolveSkusOptions {
	cache: SkuCache;
	/** See catalogCacheScope. */
	scope: string;
	ttlMs: number;
	lookup: CatalogLookup;
	/** Most SKUs one lookup may carry (Square: 250 values in a CatalogQuerySet). */
	batchSize: number;
	comparison: SkuComparison;
}

export interface SkuResolution {
	/** Shopify SKU as given → POS item id. */
	mapped: Map<string, string>;
	/** SKU as given → why it has no POS item. */
	problems: Map<string, SkuProblem>;
	/** Catalog lookups sent (0 when the map was warm). */
	lookups: number;
}

function chunks<T>(values: T[], size: number): T[][] {
	const result: T[][] = [];
	for (let start = 0; start < values.length; start += size) result.push(values.slice(start, start + size));
	return result;
}

/**
 * Maps SKUs to POS item ids: cached ones cost nothing; the rest are asked in batches of `batchSize`,
 * only those. A lookup failure rejects (the caller decides which items it affects).
 */
export async function resolveSkus(skus: Iterable<string>, options: ResolveSkusOptions): Promise<SkuResolution> {
	const mapped = new Map<string, string>();
	const problems = new Map<string, SkuProblem>();
	const toAsk: string[] = [];
	for (const sku of new Set(skus)) {
		if (sku.trim() === '') {
			problems.set(sku, decideSku(sku, [], options.comparison) as SkuProblem);
			continue;
		}
		const cached = options.cache.get(options.scope, sku, options.ttlMs);
		if (cached !== undefined) mapped.set(sku, cached);
		else toAsk.push(sku);
	}
	let lookups = 0;
	for (const batch of chunks(toAsk, Math.max(1, options.batchSize))) {
		lookups++;
		const matches = await options.lookup(batch);
		for (const sku of batch) {
			const decision = decideSku(sku, matches, options.comparison);
			if (isSkuProblem(decision)) {
				problems.set(sku, decision);
				continue;
			}
			mapped.set(sku, decision.itemId);
			options.cache.set(options.scope, sku, decision.itemId);
		}
	}
	return { mapped, problems, lookups };
}
