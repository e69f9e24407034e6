import { planBatches, type BatchMember } from '../../../../../lib/shopify/inventory/planBatches';
import type { InventoryChangeRequest } from '../../../../../lib/shopify/inventory/types';

function member(i: number, overrides: Partial<InventoryChangeRequest> = {}): BatchMember {
	return {
		key: `k${i}`,
		change: {
			itemIndex: i,
			identifierType: 'sku',
			identifier: `SKU-${i}`,
			location: { by: 'id', id: 'gid://shopify/Location/1' },
			mode: 'adjust',
			quantityName: 'available',
			quantity: 1,
			changeFromQuantity: null,
			reason: 'correction',
			referenceDocumentUri: 'gid://n8n-shopify-pos/Input/x',
			...overrides,
		},
	};
}

describe('planBatches', () => {
	it('puts 251 changes in batches of 250 and 1', () => {
		const batches = planBatches(Array.from({ length: 251 }, (_, i) => member(i)));
		expect(batches.map((b) => b.members.length)).toEqual([250, 1]);
	});

	it('separates changes that differ in mutation-level values', () => {
		const batches = planBatches([
			member(0),
			member(1, { referenceDocumentUri: 'gid://n8n-shopify-pos/Order/2' }),
			member(2, { mode: 'set', quantity: 4 }),
			member(3, { reason: 'received' }),
			member(4),
		]);
		expect(batches.map((b) => b.members.map((m) => m.change.itemIndex))).toEqual([[0, 4], [1], [2], [3]]);
		expect(batches[2].params).toEqual({ mode: 'set', quantityName: 'available', reason: 'correction', referenceDocumentUri: 'gid://n8n-shopify-pos/Input/x' });
	});

	it('never puts the same item at the same location twice in one batch, keeping input order', () => {
		const batches = planBatches([
			member(0, { mode: 'set', identifier: 'A', quantity: 1 }),
			member(1, { mode: 'set', identifier: 'A', quantity: 2 }),
			member(2, { mode: 'set', identifier: 'B', quantity: 1 }),
		]);
		expect(batches.map((b) => b.members.map((m) => m.change.itemIndex))).toEqual([[0, 2], [1]]);
	});

	it('forms the same batches from the same input', () => {
		const input = Array.from({ length: 600 }, (_, i) => member(i, { identifier: `S${i % 300}` }));
		expect(planBatches(input)).toEqual(planBatches(input));
	});
});
