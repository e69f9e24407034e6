/**
 * Deciding which POS item a Shopify SKU names, from what the POS's catalog search returned. Pure.
 * Never a guess: no item is "missing", several items are "ambiguous", and both name the SKU(s).
 */

/** One catalog entry the POS returned: its own item id and the SKU as the POS spells it. */
export interface CatalogMatch {
	itemId: string;
	sku: string;
	/** What the shop owner sees in the POS (item and variation name), for messages. */
	name?: string;
}

export type SkuProblemKind = 'empty' | 'missing' | 'ambiguous';

export interface SkuProblem {
	sku: string;
	kind: SkuProblemKind;
	/** The POS items involved (ambiguous only). */
	candidates: CatalogMatch[];
	message: string;
}

export type SkuDecision = { sku: string; itemId: string } | SkuProblem;

export function isSkuProblem(decision: SkuDecision): decision is SkuProblem {
	return 'kind' in decision;
}

/** How a vendor compares SKUs: Square matches "exact and case insensitive" (CatalogQuerySet). */
export interface SkuComparison {
	caseInsensitive: boolean;
	/** For messages: "Square". */
	vendorName: string;
}

export function skuKey(sku: string, comparison: SkuComparison): string {
	return comparison.caseInsensitive ? sku.toLowerCase() : sku;
}

function describe(match: CatalogMatch): string {
	return match.name ? `"${match.sku}" (${match.name}, id ${match.itemId})` : `"${match.sku}" (id ${match.itemId})`;
}

/** The POS item for one SKU, or the reason there is none. */
export function decideSku(sku: string, matches: CatalogMatch[], comparison: SkuComparison): SkuDecision {
	const vendor = comparison.vendorName;
	if (sku.trim() === '') {
		return { sku, kind: 'empty', candidates: [], message: 'A line has an empty SKU: give the product variant a SKU in Shopify, the same as in the POS.' };
	}
	const key = skuKey(sku, comparison);
	const candidates = matches.filter((match) => skuKey(match.sku, comparison) === key);
	const distinct = [...new Map(candidates.map((match) => [match.itemId, match])).values()];
	if (distinct.length === 1) return { sku, itemId: distinct[0].itemId };
	if (distinct.length === 0) {
		return {
			sku,
			kind: 'missing',
			candidates: [],
			message: `SKU "${sku}" is not in ${vendor}'s catalog: give the ${vendor} item variation the same SKU as in Shopify, then send this item again.`,
		};
	}
	const why = comparison.caseInsensitive && new Set(distinct.map((match) => match.sku)).size > 1 ? ` (${vendor} compares SKUs ignoring case)` : '';
	return {
		sku,
		kind: 'ambiguous',
		candidates: distinct,
		message: `SKU "${sku}" matches ${distinct.length} ${vendor} item variations${why}: ${distinct.map(describe).join(', ')}. Give each its own SKU in ${vendor}; the node never guesses.`,
	};
}
