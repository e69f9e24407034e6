import type { ShopifyResponse } from '../client';
import type { GraphqlClient } from '../orders/graphqlClient';
import {
	INVENTORY_LEVELS_BY_ID,
	INVENTORY_LEVELS_BY_ID_ALL_LOCATIONS,
	INVENTORY_LEVELS_BY_SKU,
	INVENTORY_LEVELS_BY_SKU_ALL_LOCATIONS,
} from '../operations/inventoryLevels';
import { itemWithLevelsCost, PageSizer, variantWithLevelsCost } from './levelPageSize';
import { rowsOfItem, type GqlItemLevels, type ItemIdentity } from './levelRows';
import { recordCall, type InventoryLevelRow, type LevelRequest, type LevelResult, type ReadStats } from './levelTypes';
import type { LocationRecord } from './resolveTargets';
import { MAX_SEARCH_QUERY_LENGTH, skuSearchChunks } from './skuSearch';
import { allPages, type PageInfo } from '../allPages';

type SkuPage = { productVariants: { nodes: GqlVariant[]; pageInfo: PageInfo } };
type GqlVariant = { id: string; sku: string | null; inventoryItem: { id: string; tracked: boolean } & GqlItemLevels };
type GqlIdNode =
	| ({ __typename: 'ProductVariant' } & GqlVariant)
	| ({ __typename: 'InventoryItem'; id: string; sku: string | null; tracked: boolean; variants: { nodes: { id: string }[] } | null } & GqlItemLevels)
	| { __typename: string; id: string }
	| null;

export interface LevelReadTarget {
	/** The locations to report, resolved; with `oneLocation` exactly one. */
	locations: ReadonlyArray<LocationRecord>;
	/** Every active location is wanted (or one of several): the levels list is read and filtered. */
	oneLocation: boolean;
	/** How many levels an item may have (the store's active locations), for the levels list's `first`. */
	storeLocationCount: number;
	names: ReadonlyArray<string>;
}

/** The level at one location, or the list of the item's levels: one per active location. */
function levelsFirstOf(target: LevelReadTarget): number | 'one' {
	return target.oneLocation ? 'one' : Math.min(250, Math.max(1, target.storeLocationCount));
}

function levelVariables(target: LevelReadTarget): Record<string, unknown> {
	const levelsFirst = levelsFirstOf(target);
	return levelsFirst === 'one' ? { locationId: target.locations[0].id, names: target.names } : { levelsFirst, names: target.names };
}

/** Every variant whose SKU is one of `skus`, with levels; SKUs in chunks sized to the cost budget. */
async function readBySku(client: GraphqlClient, skus: string[], target: LevelReadTarget, stats: ReadStats): Promise<GqlVariant[]> {
	const sizer = new PageSizer({ fixed: 2, perNode: variantWithLevelsCost(target.names.length, levelsFirstOf(target)) });
	const found: GqlVariant[] = [];
	let remaining = [...new Set(skus)];
	while (remaining.length > 0) {
		const [chunk] = skuSearchChunks(remaining, { maxSkusPerQuery: sizer.size(), maxQueryLength: MAX_SEARCH_QUERY_LENGTH });
		remaining = remaining.slice(chunk.skuCount);
		const variants = await allPages(async (after) => {
			// As many variants as SKUs: one page answers a chunk unless SKUs are shared.
			const first = Math.min(sizer.size(), chunk.skuCount);
			const response: ShopifyResponse<SkuPage> = await client.request<SkuPage>(
				target.oneLocation ? INVENTORY_LEVELS_BY_SKU : INVENTORY_LEVELS_BY_SKU_ALL_LOCATIONS,
				{ query: chunk.query, first, after, ...levelVariables(target) },
				{ estimatedCost: sizer.estimate(first) },
			);
			recordCall(stats, response);
			sizer.observe(response.extensions?.cost?.requestedQueryCost, first);
			return { items: response.data.productVariants.nodes, pageInfo: response.data.productVariants.pageInfo };
		});
		found.push(...variants);
	}
	return found;
}

async function readByIds(client: GraphqlClient, ids: string[], target: LevelReadTarget, stats: ReadStats): Promise<GqlIdNode[]> {
	const sizer = new PageSizer({ fixed: 0, perNode: itemWithLevelsCost(target.names.length, levelsFirstOf(target)) });
	const found: GqlIdNode[] = [];
	for (let start = 0; start < ids.length; ) {
		const chunk = ids.slice(start, start + sizer.size());
		start += chunk.length;
		const response = await client.request<{ nodes: GqlIdNode[] }>(
			target.oneLocation ? INVENTORY_LEVELS_BY_ID : INVENTORY_LEVELS_BY_ID_ALL_LOCATIONS,
			{ ids: chunk, ...levelVariables(target) },
			{ estimatedCost: sizer.estimate(chunk.length) },
		);
		recordCall(stats, response);
		sizer.observe(response.extensions?.cost?.requestedQueryCost, chunk.length);
		found.push(...response.data.nodes);
	}
	return found;
}

function notStocked(what: string, rows: InventoryLevelRow[], target: LevelReadTarget): LevelResult {
	if (rows.length > 0) return { ok: true, rows };
	const where = target.locations.map((location) => `"${location.name}"`).join(', ');
	return {
		ok: false,
		error: {
			code: 'ITEM_NOT_STOCKED_AT_LOCATION',
			message: `${what} is not stocked at ${where}, so Shopify has no quantity for it there. Stock it at the location in Shopify (product → Inventory → Edit locations) or choose another location.`,
		},
	};
}

function skuResult(sku: string, variants: GqlVariant[], target: LevelReadTarget): LevelResult {
	// Shopify's search may also match near spellings; only the exact SKU counts.
	const exact = variants.filter((variant) => variant.sku === sku);
	const unique = [...new Map(exact.map((variant) => [variant.id, variant])).values()];
	if (unique.length === 0) {
		return {
			ok: false,
			error: {
				code: 'UNKNOWN_SKU',
				message: `SKU "${sku}" is not in this store: no product variant has it. Check the spelling (SKUs are case-sensitive) or add the SKU to the product in Shopify.`,
				value: sku,
			},
		};
	}
	if (unique.length > 1) {
		return {
			ok: false,
			error: {
				code: 'AMBIGUOUS_SKU',
				message: `SKU "${sku}" is used by ${unique.length} product variants (${unique.map((variant) => variant.id).join(', ')}). Shopify does not require SKUs to be unique, so this node will not guess which one is meant: give each variant its own SKU, or ask by Variant ID.`,
				value: sku,
			},
		};
	}
	const variant = unique[0];
	const identity: ItemIdentity = { sku, variantId: variant.id, inventoryItemId: variant.inventoryItem.id, tracked: variant.inventoryItem.tracked };
	return notStocked(`SKU "${sku}"`, rowsOfItem(identity, variant.inventoryItem, target.locations, target.oneLocation), target);
}

function idResult(request: LevelRequest, node: GqlIdNode | undefined, target: LevelReadTarget): LevelResult {
	const kind = request.identifierType === 'variantId' ? 'ProductVariant' : 'InventoryItem';
	if (!node || node.__typename !== kind) {
		const label = kind === 'ProductVariant' ? 'Variant ID' : 'Inventory Item ID';
		return {
			ok: false,
			error: {
				code: kind === 'ProductVariant' ? 'UNKNOWN_VARIANT' : 'UNKNOWN_INVENTORY_ITEM',
				message: `${label} ${request.identifier} is not ${kind === 'ProductVariant' ? 'a product variant' : 'an inventory item'} of this store. Check the ID (the number at the end of the variant's URL in the Shopify admin).`,
				value: request.identifier,
			},
		};
	}
	let identity: ItemIdentity;
	let levels: GqlItemLevels;
	if (node.__typename === 'ProductVariant') {
		const variant = node as GqlVariant;
		identity = { sku: variant.sku, variantId: variant.id, inventoryItemId: variant.inventoryItem.id, tracked: variant.inventoryItem.tracked };
		levels = variant.inventoryItem;
	} else {
		const item = node as Extract<GqlIdNode, { __typename: 'InventoryItem' }>;
		identity = { sku: item.sku, variantId: item.variants?.nodes[0]?.id ?? null, inventoryItemId: item.id, tracked: item.tracked };
		levels = item;
	}
	const what = `${kind === 'ProductVariant' ? 'Variant' : 'Inventory item'} ${request.identifier}`;
	return notStocked(what, rowsOfItem(identity, levels, target.locations, target.oneLocation), target);
}

/**
 * Stock levels of the requested SKUs / variants / inventory items at the target locations: every SKU of a
 * run in `sku:'A' OR …` searches and every ID in `nodes(ids:)` calls, each sized so its requested cost fits
 * the budget. One result per request, in request order; an unknown or shared SKU is a failure, never a guess.
 */
export async function readLevelsByIdentifier(
	client: GraphqlClient,
	requests: ReadonlyArray<LevelRequest>,
	target: LevelReadTarget,
	stats: ReadStats,
): Promise<LevelResult[]> {
	const skus = requests.filter((request) => request.identifierType === 'sku').map((request) => request.identifier);
	const ids = [...new Set(requests.filter((request) => request.identifierType !== 'sku').map((request) => request.identifier))];
	const variants = skus.length > 0 ? await readBySku(client, skus, target, stats) : [];
	const nodes = ids.length > 0 ? await readByIds(client, ids, target, stats) : [];
	const variantsBySku = new Map<string, GqlVariant[]>();
	for (const variant of variants) {
		if (variant.sku === null) continue;
		variantsBySku.set(variant.sku, [...(variantsBySku.get(variant.sku) ?? []), variant]);
	}
	const nodesById = new Map<string, GqlIdNode>();
	ids.forEach((id, index) => nodesById.set(id, nodes[index]));
	return requests.map((request) =>
		request.identifierType === 'sku'
			? skuResult(request.identifier, variantsBySku.get(request.identifier) ?? [], target)
			: idResult(request, nodesById.get(request.identifier), target),
	);
}
