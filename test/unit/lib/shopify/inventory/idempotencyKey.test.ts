import { batchKey, changeKey } from '../../../../../lib/shopify/inventory/idempotencyKey';
import { defaultReferenceUris } from '../../../../../lib/shopify/inventory/referenceDocument';
import type { InventoryChangeRequest } from '../../../../../lib/shopify/inventory/types';

const change: InventoryChangeRequest = {
	itemIndex: 0,
	identifierType: 'sku',
	identifier: 'TEE-M',
	location: { by: 'id', id: 'gid://shopify/Location/1' },
	mode: 'adjust',
	quantityName: 'available',
	quantity: -2,
	changeFromQuantity: null,
	reason: 'correction',
	referenceDocumentUri: 'gid://n8n-shopify-pos/Order/1001',
};

describe('changeKey', () => {
	it('is the same for the same content, whatever the item position', () => {
		expect(changeKey({ ...change, itemIndex: 7 })).toBe(changeKey(change));
	});

	it.each<[string, Partial<InventoryChangeRequest>]>([
		['reference', { referenceDocumentUri: 'gid://n8n-shopify-pos/Order/1002' }],
		['item', { identifier: 'TEE-L' }],
		['location', { location: { by: 'id', id: 'gid://shopify/Location/2' } }],
		['quantity', { quantity: -3 }],
		['mode', { mode: 'set' }],
		['quantity name', { quantityName: 'on_hand' }],
		['expected quantity', { changeFromQuantity: 4 }],
	])('changes with the %s', (_, override) => {
		expect(changeKey({ ...change, ...override })).not.toBe(changeKey(change));
	});

	it('ignores the reason, so a re-run with another reason cannot apply the change again', () => {
		expect(changeKey({ ...change, reason: 'other' })).toBe(changeKey(change));
	});

	it('uses the key the user gave', () => {
		expect(changeKey({ ...change, userIdempotencyKey: 'sale-1001-line-1' })).toBe('user:sale-1001-line-1');
	});
});

describe('batchKey', () => {
	it('depends on the set of change keys, not their order', () => {
		expect(batchKey(['b', 'a', 'c'], 0)).toBe(batchKey(['c', 'b', 'a'], 0));
		expect(batchKey(['a', 'b'], 0)).not.toBe(batchKey(['a', 'b', 'c'], 0));
	});

	it('gives each re-send round its own key', () => {
		expect(batchKey(['a', 'b'], 1)).not.toBe(batchKey(['a', 'b'], 0));
		expect(batchKey(['a', 'b'], 1)).toMatch(/^n8n-shopify-pos-[0-9a-f]{40}$/);
	});
});

describe('defaultReferenceUris', () => {
	it('names the order when the input has one, and one hashed reference for the rest', () => {
		const uris = defaultReferenceUris([
			{ order_id: 1001, sku: 'A' },
			{ admin_graphql_api_id: 'gid://shopify/Order/55', sku: 'B' },
			{ sku: 'C', quantity: 1 },
			{ sku: 'D', quantity: 2 },
		]);
		expect(uris[0]).toBe('gid://n8n-shopify-pos/Order/1001');
		expect(uris[1]).toBe('gid://n8n-shopify-pos/Order/55');
		expect(uris[2]).toMatch(/^gid:\/\/n8n-shopify-pos\/Input\/[0-9a-f]{24}$/);
		expect(uris[3]).toBe(uris[2]);
	});

	it('gives the same input the same reference, regardless of key order', () => {
		expect(defaultReferenceUris([{ a: 1, b: 2 }])).toEqual(defaultReferenceUris([{ b: 2, a: 1 }]));
		expect(defaultReferenceUris([{ a: 1 }])).not.toEqual(defaultReferenceUris([{ a: 2 }]));
	});
});
