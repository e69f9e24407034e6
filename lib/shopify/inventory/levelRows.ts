import type { LocationRecord } from './resolveTargets';
import type { InventoryLevelRow } from './levelTypes';

/** A level as the read documents return it (one location: no `location`; all locations: with it). */
export interface GqlLevel {
	updatedAt: string | null;
	location?: { id: string } | null;
	quantities: { name: string; quantity: number }[];
}

/** The levels part of an item, as INVENTORY_LEVELS_BY_SKU / _BY_ID return it. */
export interface GqlItemLevels {
	inventoryLevel?: GqlLevel | null;
	inventoryLevels?: { nodes: GqlLevel[] } | null;
}

export interface ItemIdentity {
	sku: string | null;
	variantId: string | null;
	inventoryItemId: string;
	tracked: boolean;
}

export function quantitiesOf(level: GqlLevel): Record<string, number> {
	const quantities: Record<string, number> = {};
	for (const entry of level.quantities) quantities[entry.name] = entry.quantity;
	return quantities;
}

/**
 * One row per wanted location the item is stocked at. `oneLocation`: the document asked for the level at that
 * location only (null when the item is not stocked there); otherwise the item's levels are filtered here.
 */
export function rowsOfItem(
	item: ItemIdentity,
	levels: GqlItemLevels,
	locations: ReadonlyArray<LocationRecord>,
	oneLocation: boolean,
): InventoryLevelRow[] {
	const row = (level: GqlLevel, location: LocationRecord): InventoryLevelRow => ({
		...item,
		locationId: location.id,
		locationName: location.name,
		quantities: quantitiesOf(level),
		updatedAt: level.updatedAt ?? null,
	});
	if (oneLocation) return levels.inventoryLevel ? [row(levels.inventoryLevel, locations[0])] : [];
	const byId = new Map(locations.map((location) => [location.id, location]));
	const rows: InventoryLevelRow[] = [];
	for (const level of levels.inventoryLevels?.nodes ?? []) {
		const location = level.location ? byId.get(level.location.id) : undefined;
		if (location) rows.push(row(level, location));
	}
	// Rows in the order the locations were asked for, so output order does not depend on Shopify's.
	return rows.sort((a, b) => locations.findIndex((l) => l.id === a.locationId) - locations.findIndex((l) => l.id === b.locationId));
}
