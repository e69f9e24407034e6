/**
 * The tag on every stock write this package makes in Square (`reference_id`, "an optional ID provided by
 * the application to tie the InventoryAdjustment to an external system"): `shopify:<order>:<line>`. Get
 * Stock Changes leaves tagged changes out, so a Shopify sale moved into Square never comes back to Shopify
 * as a register sale. InventoryAdjustment.reference_id takes 255 characters; Order.reference_id 40.
 */
export const REFERENCE_PREFIX = 'shopify:';
const ADJUSTMENT_REFERENCE_MAX = 255;
const ORDER_REFERENCE_MAX = 40;

export function adjustmentReference(orderLegacyId: string, lineLegacyId: string): string {
	return `${REFERENCE_PREFIX}${orderLegacyId}:${lineLegacyId}`.slice(0, ADJUSTMENT_REFERENCE_MAX);
}

export function orderReference(orderLegacyId: string): string {
	return `${REFERENCE_PREFIX}${orderLegacyId}`.slice(0, ORDER_REFERENCE_MAX);
}

export function isOwnReference(referenceId: unknown): boolean {
	return typeof referenceId === 'string' && referenceId.startsWith(REFERENCE_PREFIX);
}
