import { normalizeGid, parseInteger, validateChange } from '../../../../../lib/shopify/inventory/validateChange';
import type { RawInventoryChange } from '../../../../../lib/shopify/inventory/types';

const base: RawInventoryChange = {
	itemIndex: 0,
	identifierType: 'sku',
	identifier: 'TEE-M',
	locationBy: 'name',
	location: 'Main Store',
	mode: 'adjust',
	quantityName: 'available',
	quantity: -2,
	reason: 'correction',
	referenceDocumentUri: 'gid://n8n-shopify-pos/Order/1001',
};

function errorOf(overrides: Partial<RawInventoryChange>) {
	const result = validateChange({ ...base, ...overrides });
	if (result.ok) throw new Error('expected a failure');
	return result.error;
}

describe('validateChange', () => {
	it('accepts a plain SKU delta and sends changeFromQuantity null when no expected quantity is given', () => {
		const result = validateChange(base);
		expect(result).toEqual({
			ok: true,
			change: expect.objectContaining({ identifier: 'TEE-M', quantity: -2, changeFromQuantity: null, location: { by: 'name', name: 'Main Store' } }),
		});
	});

	it('reads numeric strings and an expected quantity for compare-and-set', () => {
		const result = validateChange({ ...base, quantity: ' 5 ', expectedQuantity: '7' });
		expect(result.ok && result.change.quantity).toBe(5);
		expect(result.ok && result.change.changeFromQuantity).toBe(7);
	});

	it.each([[1.5], ['2.0'], ['three'], [''], [null], [Number.NaN]])('rejects the non-integer quantity %p, naming it', (quantity) => {
		const error = errorOf({ quantity });
		expect(error.code).toBe('INVALID_QUANTITY');
		expect(error.message).toContain('not a whole number');
	});

	it('rejects deltas beyond ±2,000,000,000 and sets above 1,000,000,000', () => {
		expect(errorOf({ quantity: 2_000_000_001 }).code).toBe('QUANTITY_OUT_OF_RANGE');
		expect(errorOf({ mode: 'set', quantity: 1_000_000_001 }).code).toBe('QUANTITY_OUT_OF_RANGE');
	});

	it('rejects a negative absolute quantity and says to use a delta', () => {
		const error = errorOf({ mode: 'set', quantity: -1 });
		expect(error.code).toBe('NEGATIVE_QUANTITY');
		expect(error.message).toContain('-1');
		expect(error.message).toContain('Adjust by Delta');
	});

	it('allows on_hand only when setting', () => {
		expect(errorOf({ quantityName: 'on_hand' }).code).toBe('INVALID_QUANTITY_NAME');
		expect(validateChange({ ...base, mode: 'set', quantity: 3, quantityName: 'on_hand' }).ok).toBe(true);
	});

	it('accepts only Shopify reasons', () => {
		expect(errorOf({ reason: 'sold' }).message).toContain('"sold"');
		expect(validateChange({ ...base, reason: 'movement_received' }).ok).toBe(true);
	});

	it('requires a reference URI with a scheme and, for gids, app + entity + id', () => {
		expect(errorOf({ referenceDocumentUri: 'order 1001' }).code).toBe('INVALID_REFERENCE_DOCUMENT');
		expect(errorOf({ referenceDocumentUri: 'gid://n8n-shopify-pos/Order' }).code).toBe('INVALID_REFERENCE_DOCUMENT');
		expect(validateChange({ ...base, referenceDocumentUri: 'https://pos.example.com/sales/1' }).ok).toBe(true);
	});

	it('normalizes variant and inventory item IDs to gids and refuses a gid of another type', () => {
		const variant = validateChange({ ...base, identifierType: 'variantId', identifier: 44012345678 });
		expect(variant.ok && variant.change.identifier).toBe('gid://shopify/ProductVariant/44012345678');
		expect(errorOf({ identifierType: 'inventoryItemId', identifier: 'gid://shopify/ProductVariant/1' }).code).toBe('INVALID_INVENTORY_ITEM_ID');
		const location = validateChange({ ...base, locationBy: 'id', location: '655441' });
		expect(location.ok && location.change.location).toEqual({ by: 'id', id: 'gid://shopify/Location/655441' });
		expect(errorOf({ locationBy: 'id', location: 'Main Store' }).code).toBe('INVALID_LOCATION_ID');
	});

	it('rejects an empty SKU and an empty location name', () => {
		expect(errorOf({ identifier: '  ' }).code).toBe('MISSING_SKU');
		expect(errorOf({ location: '' }).code).toBe('MISSING_LOCATION');
	});

	it('helpers: parseInteger and normalizeGid', () => {
		expect(parseInteger('-12')).toBe(-12);
		expect(parseInteger(2 ** 60)).toBeUndefined();
		expect(normalizeGid('gid://shopify/Location/1', 'Location')).toBe('gid://shopify/Location/1');
		expect(normalizeGid('x', 'Location')).toBeUndefined();
	});
});
