import type { BulkDeps } from '../orders/bulkOrders';
import type { GraphqlClient } from '../orders/graphqlClient';
import { PRODUCT_VARIANTS_COUNT } from '../operations/inventoryLevels';
import { bulkInventoryRead } from './bulkInventoryRead';
import { newReadStats, recordCall, type InventoryLevelRow, type LevelRequest, type LevelResult, type LocationScope, type ReadStats } from './levelTypes';
import { checkQuantityNames } from './quantityNames';
import { readLevelsByIdentifier } from './readLevelsByIdentifier';
import { readLocationInventory } from './readLocationInventory';
import type { LocationRecord } from './resolveTargets';
import { activeLocations, locationsInScope } from './storeLocations';

export type FetchMode = 'auto' | 'paged' | 'bulk';

/**
 * Above this many items, Auto reads through a bulk operation: paged, 10,000 items cost ~40,000 points, which
 * a standard plan (100 points/s) restores in ~7 minutes; a bulk query costs ~10 points and runs at Shopify.
 */
export const DEFAULT_BULK_THRESHOLD = 5000;

export interface ReadInventoryOptions {
	scope: LocationScope;
	names: ReadonlyArray<string>;
	fetchMode?: FetchMode;
	bulkThreshold?: number;
	bulk: BulkDeps;
}

export interface ReadInventoryResult<T> {
	result: T;
	locations: LocationRecord[];
	stats: ReadStats;
}

function checkedNames(names: ReadonlyArray<string>): string[] {
	const checked = checkQuantityNames(names);
	if (!checked.ok) throw new Error(checked.message);
	return checked.names;
}

/** Matches requests against rows read in bulk, with the same rules as the paged read. */
export function resultsFromRows(requests: ReadonlyArray<LevelRequest>, rows: ReadonlyArray<InventoryLevelRow>, locations: ReadonlyArray<LocationRecord>): LevelResult[] {
	const where = locations.map((location) => `"${location.name}"`).join(', ');
	return requests.map((request) => {
		const field = request.identifierType === 'sku' ? 'sku' : request.identifierType === 'variantId' ? 'variantId' : 'inventoryItemId';
		const matching = rows.filter((row) => row[field] === request.identifier);
		const items = new Set(matching.map((row) => row.inventoryItemId));
		if (items.size > 1) {
			return {
				ok: false,
				error: {
					code: 'AMBIGUOUS_SKU',
					message: `SKU "${request.identifier}" is used by ${items.size} inventory items (${[...items].join(', ')}). Shopify does not require SKUs to be unique, so this node will not guess which one is meant: give each variant its own SKU, or ask by Variant ID.`,
					value: request.identifier,
				},
			};
		}
		if (matching.length > 0) return { ok: true, rows: matching };
		return {
			ok: false,
			error: {
				code: request.identifierType === 'sku' ? 'UNKNOWN_SKU' : 'NOT_FOUND',
				message: `${request.identifierType === 'sku' ? `SKU "${request.identifier}"` : request.identifier} has no tracked stock at ${where}: it is not in this store, not stocked there, or its quantity is not tracked.`,
				value: request.identifier,
			},
		};
	});
}

/** Stock levels of listed items: paged and batched, or from one bulk read when the list is long. */
export async function readInventoryOfItems(
	client: GraphqlClient,
	requests: ReadonlyArray<LevelRequest>,
	options: ReadInventoryOptions,
): Promise<ReadInventoryResult<LevelResult[]>> {
	const names = checkedNames(options.names);
	const stats = newReadStats();
	const storeLocations = await activeLocations(client, stats);
	const locations = locationsInScope(options.scope, storeLocations);
	const distinct = new Set(requests.map((request) => `${request.identifierType}:${request.identifier}`)).size;
	const mode = options.fetchMode ?? 'auto';
	if (mode === 'bulk' || (mode === 'auto' && distinct > (options.bulkThreshold ?? DEFAULT_BULK_THRESHOLD))) {
		const rows = await bulkInventoryRead(client, locations, names, options.bulk, stats);
		return { result: resultsFromRows(requests, rows, locations), locations, stats };
	}
	const oneLocation = locations.length === 1;
	const result = await readLevelsByIdentifier(client, requests, { locations, oneLocation, storeLocationCount: storeLocations.length, names }, stats);
	return { result, locations, stats };
}

/** Every tracked item at the scope's locations: page by page, or one bulk read for a large catalogue. */
export async function readInventoryAtLocations(client: GraphqlClient, options: ReadInventoryOptions): Promise<ReadInventoryResult<InventoryLevelRow[]>> {
	const names = checkedNames(options.names);
	const stats = newReadStats();
	const locations = locationsInScope(options.scope, await activeLocations(client, stats));
	let mode = options.fetchMode ?? 'auto';
	if (mode === 'auto') {
		const threshold = options.bulkThreshold ?? DEFAULT_BULK_THRESHOLD;
		const response = await client.request<{ productVariantsCount: { count: number } | null }>(PRODUCT_VARIANTS_COUNT, { limit: threshold + 1 }, { estimatedCost: 1 });
		recordCall(stats, response);
		mode = (response.data.productVariantsCount?.count ?? 0) > threshold ? 'bulk' : 'paged';
	}
	if (mode === 'bulk') return { result: await bulkInventoryRead(client, locations, names, options.bulk, stats), locations, stats };
	const rows: InventoryLevelRow[] = [];
	for (const location of locations) rows.push(...(await readLocationInventory(client, location, names, stats)));
	return { result: rows, locations, stats };
}
