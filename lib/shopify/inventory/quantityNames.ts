/**
 * Shopify's inventory states, the names `InventoryLevel.quantities(names:)` accepts. The Admin schema types
 * the argument as [String!]! and points to the list in Shopify's docs ("Inventory states", and the
 * 2023-08-28 changelog that added safety_stock, damaged and quality_control); an unknown name fails the
 * whole query, so names are checked here first.
 */
export const INVENTORY_QUANTITY_NAMES = [
	'available',
	'on_hand',
	'committed',
	'incoming',
	'reserved',
	'damaged',
	'safety_stock',
	'quality_control',
] as const;

export type InventoryQuantityName = (typeof INVENTORY_QUANTITY_NAMES)[number];

/** Distinct names in Shopify's order; an error naming the unknown ones and the allowed list. */
export function checkQuantityNames(names: ReadonlyArray<string>): { ok: true; names: InventoryQuantityName[] } | { ok: false; message: string } {
	const wanted = new Set(names.map((name) => name.trim()).filter((name) => name !== ''));
	const unknown = [...wanted].filter((name) => !(INVENTORY_QUANTITY_NAMES as readonly string[]).includes(name));
	if (unknown.length > 0) {
		return {
			ok: false,
			message: `Quantity name${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `"${name}"`).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not one of Shopify's inventory states: ${INVENTORY_QUANTITY_NAMES.join(', ')}.`,
		};
	}
	if (wanted.size === 0) return { ok: false, message: `Choose at least one quantity name (${INVENTORY_QUANTITY_NAMES.join(', ')}).` };
	return { ok: true, names: INVENTORY_QUANTITY_NAMES.filter((name) => wanted.has(name)) };
}
