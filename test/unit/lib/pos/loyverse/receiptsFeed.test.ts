import { absoluteWriteKey } from '../../../../../lib/pos/inventory/absoluteStockWrite';
import { receiptStockChanges } from '../../../../../lib/pos/loyverse/receiptsFeed';
import { stockChange } from '../square/squareFixtures';

const receipt = (number: string, fields: Record<string, unknown>) => ({
	receipt_number: number,
	receipt_type: 'SALE',
	store_id: 'S1',
	created_at: '2026-12-06T10:00:00.000Z',
	cancelled_at: null,
	line_items: [{ id: `${number}-l1`, variant_id: 'V-TEE', quantity: 2 }],
	...fields,
});

describe('Loyverse receipts read back as stock changes', () => {
	it('a sale takes stock, a refund puts it back, a cancellation undoes each; other stores and earlier effects are left out', () => {
		const page = receiptStockChanges(
			[
				receipt('1-1003', { receipt_type: 'REFUND', created_at: '2026-12-06T10:05:00.000Z' }),
				receipt('1-1002', { cancelled_at: '2026-12-06T10:06:00.000Z' }),
				receipt('1-1001', {}),
				receipt('1-1000', { created_at: '2026-12-06T08:00:00.000Z', cancelled_at: '2026-12-06T10:07:00.000Z' }),
				receipt('1-0999', { store_id: 'S2' }),
			],
			'S1',
			'2026-12-06T09:00:00Z',
		);
		// Oldest first, whatever order Loyverse listed them in.
		expect(page.changes.map((change) => [change.key, change.quantity])).toEqual([
			['1-1002:1-1002-l1:sale', -2],
			['1-1001:1-1001-l1:sale', -2],
			['1-1003:1-1003-l1:refund', 2],
			['1-1002:1-1002-l1:cancel', 2],
			['1-1000:1-1000-l1:cancel', 2],
		]);
		expect(page.changes).toHaveLength(5);
		expect(page.ownChangeIds).toEqual([]);
	});

	it('the key of an event\'s absolute write is the same for every re-send, and another for another location or set of changes', () => {
		const changes = [{ change: stockChange('k-1', 'TEE', -1), itemId: 'V1' }, { change: stockChange('k-2', 'HAT', -1), itemId: 'V2' }];
		expect(absoluteWriteKey('loyverse', 'S1', changes)).toBe(absoluteWriteKey('loyverse', 'S1', [...changes].reverse()));
		expect(absoluteWriteKey('loyverse', 'S2', changes)).not.toBe(absoluteWriteKey('loyverse', 'S1', changes));
		expect(absoluteWriteKey('loyverse', 'S1', changes.slice(1))).not.toBe(absoluteWriteKey('loyverse', 'S1', changes));
	});
});
