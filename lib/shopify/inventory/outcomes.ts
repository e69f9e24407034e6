import { ShopifyApiError } from '../errors';
import type { InventoryChangeOutcome, InventoryChangeRequest, ItemFailure, ResolvedTarget } from './types';

/** "SKU "TEE-M"" / "Variant gid://… (SKU "TEE-M")": how messages name the item, as the user named it. */
export function describeItem(change: InventoryChangeRequest, target?: ResolvedTarget): string {
	if (change.identifierType === 'sku') return `SKU "${change.identifier}"`;
	const sku = target?.sku ? ` (SKU "${target.sku}")` : '';
	return `${change.identifierType === 'variantId' ? 'Variant' : 'Inventory item'} ${change.identifier}${sku}`;
}

/** A transport failure (ShopifyApiError: access, network, throttling) as one item's failure. */
export function remoteFailure(error: unknown, what: string): ItemFailure {
	if (error instanceof ShopifyApiError) {
		return { code: error.code, message: `${what}: ${error.describe()}`, source: 'shopify', cause: error };
	}
	const message = error instanceof Error ? error.message : String(error);
	return { code: 'UNEXPECTED', message: `${what}: ${message}`, source: 'shopify', cause: error };
}

/** What an item's result says before anything is known about its fate: the change as asked and resolved. */
export function baseOutcome(change: InventoryChangeRequest, key: string, target?: ResolvedTarget): InventoryChangeOutcome {
	return {
		itemIndex: change.itemIndex,
		status: 'failed',
		mode: change.mode,
		quantityName: change.quantityName,
		sku: target?.sku ?? (change.identifierType === 'sku' ? change.identifier : undefined),
		variantId: target?.variantId ?? (change.identifierType === 'variantId' ? change.identifier : undefined),
		inventoryItemId: target?.inventoryItemId ?? (change.identifierType === 'inventoryItemId' ? change.identifier : undefined),
		locationId: target?.locationId ?? (change.location.by === 'id' ? change.location.id : undefined),
		locationName: target?.locationName ?? (change.location.by === 'name' ? change.location.name : undefined),
		...(change.mode === 'adjust' ? { delta: change.quantity } : { quantity: change.quantity }),
		changeFromQuantity: change.changeFromQuantity,
		referenceDocumentUri: change.referenceDocumentUri,
		changeKey: key,
	};
}

