import { advanceCursor, alreadyReturned, queryStart, startCursor } from '../../../../../lib/pos/inventory/changeCursor';
import { readStockChanges } from '../../../../../lib/pos/inventory/stockChange';
import { stockChange } from '../square/squareFixtures';

describe('readStockChanges', () => {
	it('reads the POS-ready item\'s stockChanges', () => {
		const changes = [stockChange('sale-11', 'TEE-M', -2), stockChange('sale-12', null, -1)];
		expect(readStockChanges({ stockChanges: changes })).toEqual(changes);
	});

	it('names the field that is wrong, and where the list comes from when it is absent', () => {
		expect(() => readStockChanges({ id: 1 })).toThrow('The item has no stockChanges list. Connect this node to a Shopify Order Trigger');
		expect(() => readStockChanges({ stockChanges: [{ ...stockChange('k', 'A', -1), quantity: 1.5 }] })).toThrow('stockChanges[0].quantity must be a whole number, got 1.5.');
		expect(() => readStockChanges({ stockChanges: [{ ...stockChange('k', 'A', -1), cause: 'gift' }] })).toThrow('stockChanges[0].cause must be one of sale, edit, restock, got "gift".');
		expect(() => readStockChanges({ stockChanges: [{ ...stockChange('k', 'A', -1), occurredAt: 'yesterday' }] })).toThrow('stockChanges[0].occurredAt must be an ISO-8601 time');
		expect(() => readStockChanges({ stockChanges: [stockChange('k', 'A', -1), stockChange('k', 'B', -1)] })).toThrow('stockChanges has the key "k" twice');
	});
});

describe('stock change cursor', () => {
	it('asks from the newest change seen minus the overlap and drops what it returned inside it', () => {
		const start = startCursor('2026-11-20T10:00:00Z');
		expect(queryStart(start, 300_000)).toBe('2026-11-20T09:55:00.000Z');
		const after = advanceCursor(start, [{ id: 'A', createdAt: '2026-11-20T10:01:00Z' }, { id: 'B', createdAt: '2026-11-20T10:09:00Z' }], 300_000);
		expect(after.since).toBe('2026-11-20T10:09:00.000Z');
		expect(after.recent).toEqual([{ id: 'B', at: '2026-11-20T10:09:00Z' }]);
		expect(alreadyReturned(after, 'B', '2026-11-20T10:09:00Z')).toBe(true);
		expect(alreadyReturned(after, 'A', '2026-11-20T10:01:00Z')).toBe(false);
		// The first run's overlap never returns what happened before it started.
		expect(alreadyReturned(start, 'OLD', '2026-11-20T09:58:00Z')).toBe(true);
		// A quiet run keeps the cursor.
		expect(advanceCursor(after, [], 300_000)).toEqual(after);
	});

	it('keeps a change stamped in the same second as the first run started (Lightspeed X stamps to the second)', () => {
		const start = startCursor('2026-11-20T10:00:05.300Z');
		expect(alreadyReturned(start, 'SAME-SECOND', '2026-11-20T10:00:05+00:00')).toBe(false);
		expect(alreadyReturned(start, 'SECOND-BEFORE', '2026-11-20T10:00:04+00:00')).toBe(true);
	});

	it("keeps the vendor's own feed position once given, and a run without one keeps the last", () => {
		const start = startCursor('2026-11-20T10:00:00Z');
		expect(start.position).toBeUndefined();
		const read = advanceCursor(start, [{ id: 'S1', createdAt: '2026-11-20T10:01:00Z' }], 300_000, '42');
		expect(read.position).toBe('42');
		expect(advanceCursor(read, [], 300_000).position).toBe('42');
		expect(advanceCursor(read, [], 300_000, '57').position).toBe('57');
	});
});
