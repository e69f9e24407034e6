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
import type { PageInfo } from '../allPages';

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

	const items: InventoryItemRecord[] = [];
	const variantsById = new Map<string, VariantRecord>();
	const inventoryItemsById = new Map<string, InventoryItemRecord>();
	const locations: LocationRecord[] = [];
	if (changes.length === 0) return { itemsBySku: new Map(), variantsById, inventoryItemsById, locations };

	let locationsPage: PageInfo | undefined;
	const calls0 = Math.max(skuQueries.length, idChunks.length, 1);
	for (let round = 0; round < calls0; round++) {
		const skuQuery = skuQueries[round]?.query;
		// As many items as SKUs asked for: a chunk of 3 SKUs then costs ~10 points, not 250 (a SKU shared by
		// several items overflows into a next page, which the loop below reads).
		const pageSize = Math.min(limits.maxSkusPerQuery, Math.max(1, skuQueries[round]?.skuCount ?? 1));
		const idChunk = idChunks[round] ?? [];
		let after: string | null = null;
		for (let page = 0; ; page++) {
			const withSkus = skuQuery !== undefined;
			const withIds = page === 0 && idChunk.length > 0;
			const withLocations = round === 0 && page === 0;
			calls.lookups++;
			const response: { data: LookupPage; extensions?: unknown } = await request<LookupPage>(
				INVENTORY_TARGETS_LOOKUP,
				{ skuQuery: skuQuery ?? '', withSkus, first: pageSize, after, ids: withIds ? idChunk : [], withIds, withLocations, locationsAfter: null },
				{ estimatedCost: 2 + pageSize + (withIds ? idChunk.length * 2 : 0) + 2 + LOCATIONS_PAGE },
			);
			if (withSkus) handleSearchWarnings(response.extensions, SKU_SEARCH_HANDLING);
			const { data } = response;
			for (const item of data.inventoryItems?.nodes ?? []) items.push({ id: item.id, sku: item.sku });
			collectIdNodes(data, variantsById, inventoryItemsById);
			if (data.locations) {
				locations.push(...data.locations.nodes);
				locationsPage = data.locations.pageInfo;
			}
			// A chunk answers in one page unless SKUs are shared; further pages only re-ask for items.
			const next: PageInfo | undefined = data.inventoryItems?.pageInfo;
			if (!withSkus || !next?.hasNextPage || !next.endCursor) break;
			after = next.endCursor;
		}
	}
	locations.push(...(await remainingLocations(locationsPage, request, calls)));
	const itemsBySku = indexItemsBySku(skus, items);
	await labelSharedSkus(itemsBySku, request, calls);
	return { itemsBySku, variantsById, inventoryItemsById, locations };
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
	const locations: LocationRecord[] = [];
	let page = firstPage;
	while (page?.hasNextPage && page.endCursor) {
		calls.lookups++;
		const { data } = await request<LookupPage>(
			INVENTORY_TARGETS_LOOKUP,
			{ skuQuery: '', withSkus: false, first: 1, after: null, ids: [], withIds: false, withLocations: true, locationsAfter: page.endCursor },
			{ estimatedCost: 2 + 1 + 2 + LOCATIONS_PAGE },
		);
		locations.push(...(data.locations?.nodes ?? []));
		page = data.locations?.pageInfo;
	}
	return locations;
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
