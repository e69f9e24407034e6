/** The shapes shared by the inventory pieces: one requested change per n8n input item, and its outcome. */

export type InventoryMode = 'adjust' | 'set';
export type ItemIdentifierType = 'sku' | 'variantId' | 'inventoryItemId';
export type LocationSelector = { by: 'id'; id: string } | { by: 'name'; name: string };

/** What the node read from one input item's parameters, before any check. */
export interface RawInventoryChange {
	itemIndex: number;
	identifierType: ItemIdentifierType;
	identifier: unknown;
	locationBy: 'id' | 'name';
	location: unknown;
	mode: InventoryMode;
	quantityName: unknown;
	quantity: unknown;
	/** Compare-and-set: the quantity the change expects to find; empty/undefined/null = no check. */
	expectedQuantity?: unknown;
	reason: unknown;
	referenceDocumentUri: unknown;
	/** The user's own key; empty = derived from the change's content. */
	idempotencyKey?: unknown;
}

/** A change whose values passed every local check. */
export interface InventoryChangeRequest {
	itemIndex: number;
	identifierType: ItemIdentifierType;
	/** A SKU as given, or a normalized gid (gid://shopify/ProductVariant/1, gid://shopify/InventoryItem/1). */
	identifier: string;
	location: LocationSelector;
	mode: InventoryMode;
	quantityName: string;
	/** The delta (adjust) or the absolute quantity (set). */
	quantity: number;
	/** An Int for compare-and-set, null otherwise: Shopify requires the field on every change, even as null. */
	changeFromQuantity: number | null;
	reason: string;
	referenceDocumentUri: string;
	userIdempotencyKey?: string;
}

/** Where a change lands once its SKU/variant and location are known. */
export interface ResolvedTarget {
	inventoryItemId: string;
	variantId?: string;
	sku?: string;
	locationId: string;
	locationName?: string;
}

export interface ItemFailure {
	/** Ours (UNKNOWN_SKU, AMBIGUOUS_SKU, INVALID_QUANTITY…) or Shopify's userError code (CHANGE_FROM_QUANTITY_STALE…). */
	code: string;
	message: string;
	/** The offending value, for the output. */
	value?: unknown;
	/** `shopify` when Shopify refused or failed (a remote error), `input` when our own checks did. */
	source?: 'input' | 'shopify';
	/** The underlying error (a ShopifyApiError), for whoever reports it. */
	cause?: unknown;
}

export type InventoryChangeStatus = 'applied' | 'skipped' | 'duplicate' | 'failed';

export interface InventoryChangeOutcome {
	itemIndex: number;
	status: InventoryChangeStatus;
	mode: InventoryMode;
	quantityName?: string;
	sku?: string;
	variantId?: string;
	inventoryItemId?: string;
	locationId?: string;
	locationName?: string;
	delta?: number;
	quantity?: number;
	changeFromQuantity?: number | null;
	quantityAfterChange?: number | null;
	adjustmentGroupId?: string;
	/**
	 * For `applied`: true when Shopify answered with the group an earlier send of the same key made (a re-run
	 * of the same input), so this run moved no stock; null when Shopify gave no time to tell.
	 */
	replayed?: boolean | null;
	/** The key sent with the mutation that applied (or tried) this change. */
	idempotencyKey?: string;
	/** This change's own key, from which batch keys are derived. */
	changeKey?: string;
	referenceDocumentUri?: string;
	/** For `duplicate`: the input item whose identical change was applied. */
	duplicateOf?: number;
	error?: ItemFailure;
}
