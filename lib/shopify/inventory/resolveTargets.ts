import type { InventoryChangeRequest, ItemFailure, ResolvedTarget } from './types';

export interface VariantRecord {
	id: string;
	sku: string | null;
	displayName?: string;
	inventoryItemId: string;
}

export interface InventoryItemRecord {
	id: string;
	sku: string | null;
	/** The variant that owns the item, when a lookup returned it: "T-Shirt - M (gid://shopify/ProductVariant/1)". */
	label?: string;
}

export interface LocationRecord {
	id: string;
	name: string;
}

/** Everything the lookups returned, indexed for resolution. */
export interface LookupResults {
	itemsBySku: ReadonlyMap<string, ReadonlyArray<InventoryItemRecord>>;
	variantsById: ReadonlyMap<string, VariantRecord>;
	inventoryItemsById: ReadonlyMap<string, InventoryItemRecord>;
	locations: ReadonlyArray<LocationRecord>;
}

export type Resolution = { ok: true; target: ResolvedTarget } | { ok: false; error: ItemFailure };

/** Groups lookup rows by exact SKU; Shopify's search may also return near matches, which never count. */
export function indexItemsBySku(wanted: Iterable<string>, items: Iterable<InventoryItemRecord>): Map<string, InventoryItemRecord[]> {
	const index = new Map<string, InventoryItemRecord[]>();
	for (const sku of wanted) index.set(sku, []);
	for (const item of items) {
		const list = item.sku === null ? undefined : index.get(item.sku);
		if (list && !list.some((seen) => seen.id === item.id)) list.push(item);
	}
	return index;
}

function resolveItem(change: InventoryChangeRequest, lookups: LookupResults): Omit<ResolvedTarget, 'locationId' | 'locationName'> | ItemFailure {
	if (change.identifierType === 'sku') {
		const items = lookups.itemsBySku.get(change.identifier) ?? [];
		if (items.length === 0) {
			return {
				code: 'UNKNOWN_SKU',
				message: `SKU "${change.identifier}" is not in this store: no product variant has it. Check the spelling (SKUs are case-sensitive) or add the SKU to the product in Shopify, then run this item again.`,
				value: change.identifier,
			};
		}
		if (items.length > 1) {
			return {
				code: 'AMBIGUOUS_SKU',
				message: `SKU "${change.identifier}" is used by ${items.length} product variants: ${items.map((item) => item.label ?? `inventory item ${item.id}`).join(', ')}. Shopify does not require SKUs to be unique, so this node will not guess which one to change: give each variant its own SKU, or select the item by Variant ID.`,
				value: change.identifier,
			};
		}
		return { inventoryItemId: items[0].id, sku: items[0].sku ?? undefined };
	}
	if (change.identifierType === 'variantId') {
		const variant = lookups.variantsById.get(change.identifier);
		if (!variant) {
			return {
				code: 'UNKNOWN_VARIANT',
				message: `Variant ID ${change.identifier} is not a product variant of this store. Check the ID (Shopify admin → Products → the variant; the number at the end of its URL).`,
				value: change.identifier,
			};
		}
		return { inventoryItemId: variant.inventoryItemId, variantId: variant.id, sku: variant.sku ?? undefined };
	}
	const item = lookups.inventoryItemsById.get(change.identifier);
	if (!item) {
		return {
			code: 'UNKNOWN_INVENTORY_ITEM',
			message: `Inventory Item ID ${change.identifier} is not an inventory item of this store. Check the ID, or select the item by SKU.`,
			value: change.identifier,
		};
	}
	return { inventoryItemId: item.id, sku: item.sku ?? undefined };
}

function normalizeName(name: string): string {
	return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A location by ID, or by name (case and spacing ignored; two locations answering the same name is an error). */
export function resolveLocation(change: InventoryChangeRequest, locations: ReadonlyArray<LocationRecord>): LocationRecord | ItemFailure {
	const known = locations.map((location) => `"${location.name}"`).join(', ') || 'none';
	if (change.location.by === 'id') {
		const { id } = change.location;
		const location = locations.find((candidate) => candidate.id === id);
		if (!location) {
			return {
				code: 'UNKNOWN_LOCATION',
				message: `Location ${id} is not an active location of this store. Active locations: ${known}.`,
				value: id,
			};
		}
		return location;
	}
	const wanted = normalizeName(change.location.name);
	const matches = locations.filter((candidate) => normalizeName(candidate.name) === wanted);
	if (matches.length === 0) {
		return {
			code: 'UNKNOWN_LOCATION',
			message: `No active location is named "${change.location.name}". Active locations: ${known}.`,
			value: change.location.name,
		};
	}
	if (matches.length > 1) {
		return {
			code: 'AMBIGUOUS_LOCATION',
			message: `${matches.length} locations are named "${change.location.name}" (${matches.map((m) => m.id).join(', ')}). Select the location by ID or from the list instead.`,
			value: change.location.name,
		};
	}
	return matches[0];
}

export function resolveTarget(change: InventoryChangeRequest, lookups: LookupResults): Resolution {
	const item = resolveItem(change, lookups);
	if ('code' in item) return { ok: false, error: item };
	const location = resolveLocation(change, lookups.locations);
	if ('code' in location) return { ok: false, error: location };
	return { ok: true, target: { ...item, locationId: location.id, locationName: location.name } };
}
