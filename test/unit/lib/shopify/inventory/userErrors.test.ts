import { changeIndexOf, describeChangeError, splitUserErrors } from '../../../../../lib/shopify/inventory/userErrors';

describe('userErrors', () => {
	it('reads the change index from the field path', () => {
		expect(changeIndexOf({ field: ['input', 'changes', '3', 'delta'], message: '' })).toBe(3);
		expect(changeIndexOf({ field: ['input', 'quantities', '0', 'changeFromQuantity'], message: '' })).toBe(0);
		expect(changeIndexOf({ field: ['input', 'reason'], message: '' })).toBeUndefined();
		expect(changeIndexOf({ field: null, message: '' })).toBeUndefined();
	});

	it('splits per-change errors from whole-mutation errors', () => {
		const split = splitUserErrors(
			[
				{ field: ['input', 'changes', '1', 'inventoryItemId'], message: 'x', code: 'INVALID_INVENTORY_ITEM' },
				{ field: ['input', 'changes', '9'], message: 'out of range index', code: 'X' },
				{ field: null, message: 'key', code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH' },
			],
			2,
		);
		expect([...split.byChange.keys()]).toEqual([1]);
		expect(split.general.map((e) => e.code)).toEqual(['X', 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH']);
	});

	it('explains a stale compare-and-set with the current quantity and what to do', () => {
		const failure = describeChangeError([{ field: ['input', 'changes', '0', 'changeFromQuantity'], message: 'stale', code: 'CHANGE_FROM_QUANTITY_STALE' }], {
			what: 'SKU "TEE-M"',
			locationName: 'Main Store',
			changeFromQuantity: 10,
			currentQuantity: 7,
			quantityName: 'available',
		});
		expect(failure.code).toBe('CHANGE_FROM_QUANTITY_STALE');
		expect(failure.message).toContain('was 10, but Shopify has 7');
		expect(failure.message).toContain('Main Store');
		expect(failure.message).toContain('Expected Current Quantity');
	});
});
