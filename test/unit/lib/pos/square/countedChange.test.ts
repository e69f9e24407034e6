import { countBefore, quantityBeforeCount, type HistoryEntry } from '../../../../../lib/pos/square/countedChange';

describe('what a Square recount changed', () => {
	const history: HistoryEntry[] = [
		{ id: 'a1', type: 'ADJUSTMENT', delta: 20 },
		{ id: 'a2', type: 'ADJUSTMENT', delta: -3 },
		{ id: 'c1', type: 'PHYSICAL_COUNT', quantity: 15 },
		{ id: 'a3', type: 'ADJUSTMENT', delta: -1 },
		{ id: 'c2', type: 'PHYSICAL_COUNT', quantity: 10 },
		{ id: 'a4', type: 'ADJUSTMENT', delta: -2 },
	];

	it('folds the history in the order listed: from the beginning, or from the count before', () => {
		expect(quantityBeforeCount(history, 'c1')).toBe(17);
		expect(quantityBeforeCount(history, 'c2')).toBe(14);
		expect(quantityBeforeCount(history.slice(2), 'c2')).toBe(14);
	});

	it('is undefined for a count the history does not list, or an id that is not a count', () => {
		expect(quantityBeforeCount(history, 'c9')).toBeUndefined();
		expect(quantityBeforeCount(history, 'a3')).toBeUndefined();
	});

	it('the count before is the latest by occurred_at, then created_at, never the count itself', () => {
		const counts = [
			{ id: 'old', occurredAt: '2026-12-01T10:00:00Z', createdAt: '2026-12-01T10:00:00Z' },
			// Created later, occurred earlier than `mid`: Square orders it before.
			{ id: 'late', occurredAt: '2026-12-02T09:00:00Z', createdAt: '2026-12-02T18:00:00Z' },
			{ id: 'mid', occurredAt: '2026-12-02T12:00:00Z', createdAt: '2026-12-02T12:00:00Z' },
			{ id: 'tie', occurredAt: '2026-12-02T12:00:00Z', createdAt: '2026-12-02T12:00:01Z' },
		];
		expect(countBefore(counts, counts[2])?.id).toBe('late');
		expect(countBefore(counts, counts[3])?.id).toBe('mid');
		expect(countBefore(counts, counts[0])).toBeUndefined();
	});
});
