import type { ShopifyResponse } from '../client';
import type { ItemFailure, ItemIdentifierType, LocationSelector } from './types';

/** One item's stock at one location, with every identifier a POS mapping needs. */
export interface InventoryLevelRow {
	sku: string | null;
	variantId: string | null;
	inventoryItemId: string;
	locationId: string;
	locationName: string;
	/** false: Shopify does not track this item's stock, so its quantities say nothing. */
	tracked: boolean;
	/** name → quantity, for the names asked for. */
	quantities: Record<string, number>;
	/** When the level last changed at Shopify. */
	updatedAt: string | null;
}

/** Which locations a read covers. */
export type LocationScope = { kind: 'all' } | { kind: 'some'; selectors: LocationSelector[] };

/** One requested item, from one input item. */
export interface LevelRequest {
	itemIndex: number;
	identifierType: ItemIdentifierType;
	/** A SKU as given, or a normalized gid. */
	identifier: string;
}

/** What a read found for one request: its rows (one per location), or why there are none. */
export type LevelResult = { ok: true; rows: InventoryLevelRow[] } | { ok: false; error: ItemFailure };

/** Calls and cost of a read, for the output's summary and the benchmark. */
export interface ReadStats {
	calls: number;
	requestedCost: number;
	actualCost: number;
	bulk: boolean;
}

export function newReadStats(): ReadStats {
	return { calls: 0, requestedCost: 0, actualCost: 0, bulk: false };
}

/** Counts a call and its reported cost. */
export function recordCall(stats: ReadStats, response: ShopifyResponse<unknown>): void {
	stats.calls++;
	stats.requestedCost += response.extensions?.cost?.requestedQueryCost ?? 0;
	stats.actualCost += response.extensions?.cost?.actualQueryCost ?? 0;
}
