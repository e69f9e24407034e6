/**
 * SKU → inventory item lookups as few as Shopify's search syntax allows: one
 * `productVariants(query: "sku:'A' OR sku:'B' …")` per chunk. A chunk is bounded by the page size (one page
 * of ≤ 250 variants answers it when SKUs are unique, which keeps the requested cost at ≈ 2 + 250 × 2 points)
 * and by the length of the search string.
 */
export const MAX_SKUS_PER_QUERY = 250;
/**
 * Shopify documents no length limit for `query`; we stay far below any URL or parser limit. 250 typical SKUs
 * (`sku:'ABC-123-XL' OR `) take about 5,000 characters, so this bound rarely splits a chunk.
 */
export const MAX_SEARCH_QUERY_LENGTH = 10_000;

/** Search syntax quoting: a value in single quotes, with `\` and `'` escaped by a backslash. */
export function skuTerm(sku: string): string {
	return `sku:'${sku.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export interface SkuSearchLimits {
	maxSkusPerQuery: number;
	maxQueryLength: number;
}

/** Distinct SKUs (first-seen order) split into search strings within the limits. */
export function skuSearchQueries(
	skus: ReadonlyArray<string>,
	limits: SkuSearchLimits = { maxSkusPerQuery: MAX_SKUS_PER_QUERY, maxQueryLength: MAX_SEARCH_QUERY_LENGTH },
): string[] {
	return skuSearchChunks(skus, limits).map((chunk) => chunk.query);
}

export interface SkuSearchChunk {
	query: string;
	/** Distinct SKUs in the query: the page size to ask for, so the requested cost fits the chunk, not 250. */
	skuCount: number;
}

export function skuSearchChunks(
	skus: ReadonlyArray<string>,
	limits: SkuSearchLimits = { maxSkusPerQuery: MAX_SKUS_PER_QUERY, maxQueryLength: MAX_SEARCH_QUERY_LENGTH },
): SkuSearchChunk[] {
	const distinct = [...new Set(skus)];
	const queries: SkuSearchChunk[] = [];
	let terms: string[] = [];
	let length = 0;
	for (const sku of distinct) {
		const term = skuTerm(sku);
		if (term.length > limits.maxQueryLength) {
			throw new Error(`SKU "${sku.slice(0, 40)}…" is too long to search for (${sku.length} characters).`);
		}
		const added = terms.length === 0 ? term.length : term.length + 4; // " OR "
		if (terms.length > 0 && (terms.length >= limits.maxSkusPerQuery || length + added > limits.maxQueryLength)) {
			queries.push({ query: terms.join(' OR '), skuCount: terms.length });
			terms = [];
			length = 0;
		}
		length += terms.length === 0 ? term.length : term.length + 4;
		terms.push(term);
	}
	if (terms.length > 0) queries.push({ query: terms.join(' OR '), skuCount: terms.length });
	return queries;
}
