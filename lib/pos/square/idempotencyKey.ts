import { createHash } from 'node:crypto';

/**
 * Square's idempotency keys, derived from Shopify ids only (never time or randomness), so n8n's "Retry On
 * Fail", a re-run and the same event reached by webhook and by poll all send the same key and Square
 * returns the first result. Limits: BatchChangeInventory and CreateOrder take up to 128 characters,
 * CreatePayment up to 45. A key that would be longer keeps its prefix and becomes a SHA-256 of its parts.
 */
export const INVENTORY_KEY_MAX = 128;
export const ORDER_KEY_MAX = 128;
export const PAYMENT_KEY_MAX = 45;

export function squareIdempotencyKey(prefix: string, parts: string[], maxLength: number): string {
	const readable = [prefix, ...parts].join('-');
	return readable.length <= maxLength ? readable : hashedKey(prefix, parts, maxLength);
}

/** `<prefix>-<sha256 of the parts>`, cut to `maxLength` (a 45-character payment key keeps 33 hex digits, 132 bits). */
export function hashedKey(prefix: string, parts: string[], maxLength: number): string {
	const digest = createHash('sha256').update(parts.join('\n'), 'utf8').digest('hex');
	return `${prefix}-${digest}`.slice(0, maxLength);
}

/** One BatchChangeInventory call: the location, the change keys it carries, and its place when split. */
export function inventoryBatchKey(locationId: string, changeKeys: string[], chunk: { index: number; count: number }): string {
	const parts = [locationId, ...changeKeys];
	if (chunk.count > 1) parts.push(`part${chunk.index + 1}of${chunk.count}`);
	// Several keys joined by "-" could read alike for different sets; their hash cannot.
	if (changeKeys.length > 1) return hashedKey('shopify-stock', parts, INVENTORY_KEY_MAX);
	return squareIdempotencyKey('shopify-stock', parts, INVENTORY_KEY_MAX);
}

export function orderKey(locationId: string, orderLegacyId: string): string {
	return squareIdempotencyKey('shopify-order', [locationId, orderLegacyId], ORDER_KEY_MAX);
}

export function paymentKey(locationId: string, orderLegacyId: string): string {
	return squareIdempotencyKey('shopify-pay', [locationId, orderLegacyId], PAYMENT_KEY_MAX);
}
