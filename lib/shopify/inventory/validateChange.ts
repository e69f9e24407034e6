import { isInventoryReason } from './reasons';
import type { InventoryChangeRequest, ItemFailure, LocationSelector, RawInventoryChange } from './types';

/** Shopify's limits: adjust deltas within ±2,000,000,000; set quantities within 0…1,000,000,000. */
export const MAX_ABS_DELTA = 2_000_000_000;
export const MAX_SET_QUANTITY = 1_000_000_000;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** `available` is the only name an adjustment can target without a ledger document; set takes `on_hand` too. */
export const QUANTITY_NAMES = { adjust: ['available'], set: ['available', 'on_hand'] } as const;

export type ValidationResult = { ok: true; change: InventoryChangeRequest } | { ok: false; error: ItemFailure };

function show(value: unknown): string {
	if (typeof value === 'string') return `"${value}"`;
	if (value === undefined) return 'nothing';
	return JSON.stringify(value) ?? String(value);
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A whole number from a number or a numeric string ("12", " -3 "); undefined otherwise (12.5, "12abc", ""). */
export function parseInteger(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
	if (typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value)) {
		const parsed = Number(value.trim());
		return Number.isSafeInteger(parsed) ? parsed : undefined;
	}
	return undefined;
}

const GID_PATTERN = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)$/;

/** `123`, `"123"` or `gid://shopify/<type>/123` → the gid; undefined for anything else or another type. */
export function normalizeGid(value: unknown, type: string): string | undefined {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
	if (!text) return undefined;
	if (/^\d+$/.test(text)) return `gid://shopify/${type}/${text}`;
	const match = GID_PATTERN.exec(text);
	return match && match[1] === type ? text : undefined;
}

/**
 * Shopify wants a URI with a scheme and content (`scheme://…`, every documented form has the `//`); for the gid form all three parts (app, entity, id) must be there, and
 * `gid://shopify/...` is reserved for Shopify's own documents (orders and such), which we accept as given.
 */
export function isValidReferenceUri(uri: string): boolean {
	if (/\s/.test(uri)) return false;
	if (uri.startsWith('gid://')) return /^gid:\/\/[^/]+\/[^/]+\/[^/]+/.test(uri);
	return /^[A-Za-z][A-Za-z0-9+.-]*:\/\/\S+$/.test(uri);
}

/** A checked value, or what is wrong with it. */
type Checked<T> = { value: T } | { error: ItemFailure };

function problem<T>(code: string, message: string, value?: unknown): Checked<T> {
	return { error: { code, message, value } };
}

function checkLocation(raw: RawInventoryChange): Checked<LocationSelector> {
	if (raw.locationBy === 'id') {
		const id = normalizeGid(raw.location, 'Location');
		if (id) return { value: { by: 'id', id } };
		return problem(
			'INVALID_LOCATION_ID',
			`Location ID ${show(raw.location)} is not a Shopify location ID. Use a number like 12345678 or gid://shopify/Location/12345678, or choose the location from the list.`,
			raw.location,
		);
	}
	if (isEmpty(raw.location) || typeof raw.location !== 'string') {
		return problem(
			'MISSING_LOCATION',
			`Location name is empty (got ${show(raw.location)}). Enter the name of a location as shown in Shopify admin → Settings → Locations.`,
			raw.location,
		);
	}
	return { value: { by: 'name', name: raw.location.trim() } };
}

function checkIdentifier(raw: RawInventoryChange): Checked<string> {
	if (raw.identifierType === 'sku') {
		const sku = typeof raw.identifier === 'number' ? String(raw.identifier) : raw.identifier;
		if (typeof sku !== 'string' || sku.trim() === '') {
			return problem('MISSING_SKU', `SKU is empty (got ${show(raw.identifier)}). Map the SKU field to the item's SKU.`, raw.identifier);
		}
		return { value: sku.trim() };
	}
	const type = raw.identifierType === 'variantId' ? 'ProductVariant' : 'InventoryItem';
	const label = raw.identifierType === 'variantId' ? 'Variant ID' : 'Inventory Item ID';
	const gid = normalizeGid(raw.identifier, type);
	if (gid) return { value: gid };
	return problem(
		raw.identifierType === 'variantId' ? 'INVALID_VARIANT_ID' : 'INVALID_INVENTORY_ITEM_ID',
		`${label} ${show(raw.identifier)} is not a Shopify ${label}. Use a number like 44012345678 or gid://shopify/${type}/44012345678.`,
		raw.identifier,
	);
}

function checkQuantityName(raw: RawInventoryChange): Checked<string> {
	const quantityName = typeof raw.quantityName === 'string' ? raw.quantityName.trim() : '';
	const allowedNames: readonly string[] = QUANTITY_NAMES[raw.mode];
	if (allowedNames.includes(quantityName)) return { value: quantityName };
	return problem(
		'INVALID_QUANTITY_NAME',
		`Quantity name ${show(raw.quantityName)} cannot be used to ${raw.mode === 'adjust' ? 'adjust by a delta' : 'set a quantity'}. Use ${allowedNames.map((name) => `"${name}"`).join(' or ')}.`,
		raw.quantityName,
	);
}

function checkQuantity(raw: RawInventoryChange): Checked<number> {
	const quantity = parseInteger(raw.quantity);
	const quantityLabel = raw.mode === 'adjust' ? 'Delta' : 'Quantity';
	if (quantity === undefined) {
		return problem(
			'INVALID_QUANTITY',
			`${quantityLabel} ${show(raw.quantity)} is not a whole number. Shopify counts inventory in whole units: map a number like 3 or -2.`,
			raw.quantity,
		);
	}
	if (raw.mode === 'adjust' && Math.abs(quantity) > MAX_ABS_DELTA) {
		return problem('QUANTITY_OUT_OF_RANGE', `Delta ${quantity} is outside Shopify's range of -2,000,000,000 to 2,000,000,000.`, raw.quantity);
	}
	if (raw.mode === 'set' && quantity < 0) {
		return problem(
			'NEGATIVE_QUANTITY',
			`Quantity ${quantity} is negative. An absolute quantity must be 0 or more; to remove units, use the "Adjust by Delta" mode with a negative delta.`,
			raw.quantity,
		);
	}
	if (raw.mode === 'set' && quantity > MAX_SET_QUANTITY) {
		return problem('QUANTITY_OUT_OF_RANGE', `Quantity ${quantity} is above Shopify's limit of 1,000,000,000.`, raw.quantity);
	}
	return { value: quantity };
}

function checkExpectedQuantity(raw: RawInventoryChange): Checked<number | null> {
	if (isEmpty(raw.expectedQuantity)) return { value: null };
	const expected = parseInteger(raw.expectedQuantity);
	if (expected !== undefined && Math.abs(expected) <= MAX_ABS_DELTA) return { value: expected };
	return problem(
		'INVALID_EXPECTED_QUANTITY',
		`Expected current quantity ${show(raw.expectedQuantity)} is not a whole number. Leave it empty to skip the check, or map the quantity you last read from Shopify.`,
		raw.expectedQuantity,
	);
}

function checkReason(raw: RawInventoryChange): Checked<string> {
	const reason = typeof raw.reason === 'string' ? raw.reason.trim() : '';
	if (isInventoryReason(reason)) return { value: reason };
	return problem('INVALID_REASON', `Reason ${show(raw.reason)} is not one of Shopify's inventory reasons (correction, received, restock, shrinkage, other…). Pick one from the list.`, raw.reason);
}

function checkReference(raw: RawInventoryChange): Checked<string> {
	const reference = typeof raw.referenceDocumentUri === 'string' ? raw.referenceDocumentUri.trim() : '';
	if (isValidReferenceUri(reference)) return { value: reference };
	return problem(
		'INVALID_REFERENCE_DOCUMENT',
		`Reference document URI ${show(raw.referenceDocumentUri)} is not a URI. Use a form like gid://n8n-shopify-pos/Order/1001 or https://pos.example.com/sales/1001.`,
		raw.referenceDocumentUri,
	);
}

function checkIdempotencyKey(raw: RawInventoryChange): Checked<string | undefined> {
	if (isEmpty(raw.idempotencyKey)) return { value: undefined };
	const key = String(raw.idempotencyKey).trim();
	if (key.length <= MAX_IDEMPOTENCY_KEY_LENGTH) return { value: key };
	return problem('INVALID_IDEMPOTENCY_KEY', `Idempotency key is ${key.length} characters long; keep it to ${MAX_IDEMPOTENCY_KEY_LENGTH} or fewer (leave it empty to derive one).`, key);
}

/** Every local check of one item's values, so that nothing invalid reaches Shopify's atomic mutation. */
export function validateChange(raw: RawInventoryChange): ValidationResult {
	// In this order: the first problem found is the one reported.
	const identifier = checkIdentifier(raw);
	if ('error' in identifier) return { ok: false, error: identifier.error };
	const location = checkLocation(raw);
	if ('error' in location) return { ok: false, error: location.error };
	const quantityName = checkQuantityName(raw);
	if ('error' in quantityName) return { ok: false, error: quantityName.error };
	const quantity = checkQuantity(raw);
	if ('error' in quantity) return { ok: false, error: quantity.error };
	const changeFromQuantity = checkExpectedQuantity(raw);
	if ('error' in changeFromQuantity) return { ok: false, error: changeFromQuantity.error };
	const reason = checkReason(raw);
	if ('error' in reason) return { ok: false, error: reason.error };
	const reference = checkReference(raw);
	if ('error' in reference) return { ok: false, error: reference.error };
	const userIdempotencyKey = checkIdempotencyKey(raw);
	if ('error' in userIdempotencyKey) return { ok: false, error: userIdempotencyKey.error };
	return {
		ok: true,
		change: {
			itemIndex: raw.itemIndex,
			identifierType: raw.identifierType,
			identifier: identifier.value,
			location: location.value,
			mode: raw.mode,
			quantityName: quantityName.value,
			quantity: quantity.value,
			changeFromQuantity: changeFromQuantity.value,
			reason: reason.value,
			referenceDocumentUri: reference.value,
			userIdempotencyKey: userIdempotencyKey.value,
		},
	};
}
