import { INVENTORY_ITEM_VARIANTS, INVENTORY_TARGETS_LOOKUP } from '../operations/inventory';
import { handleSearchWarnings, type SearchWarningHandling } from '../searchWarnings';
import {
	indexItemsBySku,
	type InventoryItemRecord,
	type LocationRecord,
	type LookupResults,
	type VariantRecord,
} from './resolveTargets';
import { MAX_SEARCH_QUERY_LENGTH, MAX_SKUS_PER_QUERY, skuSearchChunks, type SkuSearchLimits } from './skuSearch';
import type { GraphqlClient } from '../orders/graphqlClient';
import type { InventoryChangeRequest } from './types';
import { allPages, LAST_PAGE, type PageInfo } from '../allPages';

/**
 * The SKU searches are the package's own (`sku:'A' OR …`): a field Shopify ignored there would make the
 * lookup read the whole catalog and guess nothing, so it always stops, naming the field.
 */
const SKU_SEARCH_HANDLING: SearchWarningHandling = {
	policy: 'error',
	advice:
		'Nothing was sent to Shopify. Shopify no longer accepts this search field for inventory items in the credential\'s API Version: choose another API Version in the credential, or identify items by Inventory Item ID or Variant ID.',
};

/** nodes(ids:) rows cost 2 points each (the node and its inventory item). */
export const IDS_PER_LOOKUP = 250;
const LOCATIONS_PAGE = 50;
/** Names of the variants behind a shared SKU cost 4 points per item (item + a one-variant connection). */
const LABELS_PER_LOOKUP = 200;


interface LookupPage {
	inventoryItems?: { nodes: { id: string; sku: string | null }[]; pageInfo: PageInfo };
	nodes?: (
		| { __typename: 'ProductVariant'; id: string; sku: string | null; displayName: string; inventoryItem: { id: string } }
		| { __typename: 'InventoryItem'; id: string; sku: string | null }
		| { __typename: string; id: string }
		| null
	)[];
	locations?: { nodes: LocationRecord[]; pageInfo: PageInfo };
}

function chunk<T>(items: ReadonlyArray<T>, size: number): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
	return chunks;
}

/**
 * Resolves every SKU, ID and the locations of a run together: call i carries SKU chunk i and ID chunk i,
 * call 0 also the locations. 1,000 SKUs → 4 calls. Requested costs are stated up front (counting the parts
 * skipped with @include, as a static cost analysis may), so the client paces instead of being throttled.
 */
export async function lookUpTargets(
	changes: ReadonlyArray<InventoryChangeRequest>,
	request: GraphqlClient['request'],
	calls: { lookups: number },
	limits: SkuSearchLimits = { maxSkusPerQuery: MAX_SKUS_PER_QUERY, maxQueryLength: MAX_SEARCH_QUERY_LENGTH },
): Promise<LookupResults> {
	const skus = changes.filter((change) => change.identifierType === 'sku').map((change) => change.identifier);
	const ids = [...new Set(changes.filter((change) => change.identifierType !== 'sku').map((change) => change.identifier))];
	const skuQueries = skuSearchChunks(skus, limits);
	const idChunks = chunk(ids, IDS_PER_LOOKUP);

	const found: Found = { items: [], variantsById: new Map(), inventoryItemsById: new Map(), locations: [] };
	if (changes.length === 0) return { itemsBySku: new Map(), variantsById: found.variantsById, inventoryItemsById: found.inventoryItemsById, locations: found.locations };

	const rounds = Math.max(skuQueries.length, idChunks.length, 1);
	for (let round = 0; round < rounds; round++) {
		// As many items as SKUs asked for: a chunk of 3 SKUs then costs ~10 points, not 250 (a SKU shared by
		// several items overflows into a next page).
		const pageSize = Math.min(limits.maxSkusPerQuery, Math.max(1, skuQueries[round]?.skuCount ?? 1));
		await lookUpRound({ skuQuery: skuQueries[round]?.query, pageSize, ids: idChunks[round] ?? [], withLocations: round === 0 }, found, request, calls);
	}
	found.locations.push(...(await remainingLocations(found.locationsPage, request, calls)));
	const itemsBySku = indexItemsBySku(skus, found.items);
	await labelSharedSkus(itemsBySku, request, calls);
	return { itemsBySku, variantsById: found.variantsById, inventoryItemsById: found.inventoryItemsById, locations: found.locations };
}

/** What the lookup calls found, filled in as their answers arrive. */
interface Found {
	items: InventoryItemRecord[];
	variantsById: Map<string, VariantRecord>;
	inventoryItemsById: Map<string, InventoryItemRecord>;
	locations: LocationRecord[];
	/** The locations connection's pageInfo after its first page (which rides on the first call). */
	locationsPage?: PageInfo;
}

/**
 * One call's worth: its SKU search read to the last page, its IDs (and in the first round the locations)
 * riding on the first page. A chunk answers in one page unless SKUs are shared; further pages only re-ask
 * for items.
 */
async function lookUpRound(
	round: { skuQuery: string | undefined; pageSize: number; ids: string[]; withLocations: boolean },
	found: Found,
	request: GraphqlClient['request'],
	calls: { lookups: number },
): Promise<void> {
	const withSkus = round.skuQuery !== undefined;
	const items = await allPages(async (after) => {
		const firstPage = after === null;
		const withIds = firstPage && round.ids.length > 0;
		const withLocations = firstPage && round.withLocations;
		calls.lookups++;
		const response = await request<LookupPage>(
			INVENTORY_TARGETS_LOOKUP,
			{ skuQuery: round.skuQuery ?? '', withSkus, first: round.pageSize, after, ids: withIds ? round.ids : [], withIds, withLocations, locationsAfter: null },
			{ estimatedCost: 2 + round.pageSize + (withIds ? round.ids.length * 2 : 0) + 2 + LOCATIONS_PAGE },
		);
		if (withSkus) handleSearchWarnings(response.extensions, SKU_SEARCH_HANDLING);
		const { data } = response;
		collectIdNodes(data, found.variantsById, found.inventoryItemsById);
		if (data.locations) {
			found.locations.push(...data.locations.nodes);
			found.locationsPage = data.locations.pageInfo;
		}
		const page = (data.inventoryItems?.nodes ?? []).map((item) => ({ id: item.id, sku: item.sku }));
		return { items: page, pageInfo: (withSkus && data.inventoryItems?.pageInfo) || LAST_PAGE };
	});
	found.items.push(...items);
}

/** The variants and inventory items asked for by ID, by their IDs. */
function collectIdNodes(data: LookupPage, variantsById: Map<string, VariantRecord>, inventoryItemsById: Map<string, InventoryItemRecord>): void {
	for (const node of data.nodes ?? []) {
		if (node?.__typename === 'ProductVariant' && 'inventoryItem' in node) {
			variantsById.set(node.id, { id: node.id, sku: node.sku, displayName: node.displayName, inventoryItemId: node.inventoryItem.id });
		} else if (node?.__typename === 'InventoryItem' && 'sku' in node) {
			inventoryItemsById.set(node.id, { id: node.id, sku: node.sku });
		}
	}
}

/** A store with more than 50 active locations: the ones after the first page, page by page. */
async function remainingLocations(firstPage: PageInfo | undefined, request: GraphqlClient['request'], calls: { lookups: number }): Promise<LocationRecord[]> {
	if (!firstPage?.hasNextPage || !firstPage.endCursor) return [];
	return await allPages(async (locationsAfter) => {
		calls.lookups++;
		const { data } = await request<LookupPage>(
			INVENTORY_TARGETS_LOOKUP,
			{ skuQuery: '', withSkus: false, first: 1, after: null, ids: [], withIds: false, withLocations: true, locationsAfter },
			{ estimatedCost: 2 + 1 + 2 + LOCATIONS_PAGE },
		);
		return { items: data.locations?.nodes ?? [], pageInfo: data.locations?.pageInfo ?? LAST_PAGE };
	}, firstPage.endCursor);
}

/** A SKU several variants share is refused; the message names those variants, so look their names up. */
async function labelSharedSkus(itemsBySku: Map<string, InventoryItemRecord[]>, request: GraphqlClient['request'], calls: { lookups: number }): Promise<void> {
	const shared = [...itemsBySku.values()].filter((list) => list.length > 1).flat();
	for (const idChunk of chunk(shared.map((item) => item.id), LABELS_PER_LOOKUP)) {
		calls.lookups++;
		const { data } = await request<{ nodes: ({ id: string; variants?: { nodes: { id: string; displayName: string }[] } } | null)[] }>(
			INVENTORY_ITEM_VARIANTS,
			{ ids: idChunk },
			{ estimatedCost: idChunk.length * 4 },
		);
		for (const node of data.nodes) {
			const variant = node?.variants?.nodes[0];
			const item = node && shared.find((candidate) => candidate.id === node.id);
			if (item && variant) item.label = `"${variant.displayName}" (${variant.id})`;
		}
	}
}
