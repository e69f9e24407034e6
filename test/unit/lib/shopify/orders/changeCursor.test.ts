import { advanceCursor, alreadyReturned, cursorSearchSince, readCursor, type ChangeCursor } from '../../../../../lib/shopify/orders/changeCursor';

const OVERLAP = 60_000;

describe('change cursor', () => {
	it('has no lower bound before the first run', () => {
		expect(cursorSearchSince(undefined, OVERLAP)).toBeUndefined();
		expect(alreadyReturned(undefined, 'a', '2026-11-20T10:00:00Z')).toBe(false);
	});

	it('searches again from the cursor minus the overlap', () => {
		const cursor: ChangeCursor = { since: '2026-11-20T10:00:00.000Z', seen: {} };
		expect(cursorSearchSince(cursor, OVERLAP)).toBe('2026-11-20T09:59:00.000Z');
	});

	it('drops a change it returned, but not a newer change of the same order', () => {
		const cursor = advanceCursor(undefined, '2026-11-20T10:00:00Z', [{ id: 'o1', updatedAt: '2026-11-20T10:00:00Z' }], OVERLAP)!;
		expect(alreadyReturned(cursor, 'o1', '2026-11-20T10:00:00.000Z')).toBe(true);
		expect(alreadyReturned(cursor, 'o1', '2026-11-20T10:00:01Z')).toBe(false);
	});

	it('keeps orders sharing the last timestamp apart: only the returned ones are skipped', () => {
		// A limit stopped the run after o1 and o2; o3 has the same updatedAt and was not returned.
		const cursor = advanceCursor(
			undefined,
			'2026-11-20T10:00:00Z',
			[
				{ id: 'o1', updatedAt: '2026-11-20T10:00:00Z' },
				{ id: 'o2', updatedAt: '2026-11-20T10:00:00Z' },
			],
			OVERLAP,
		)!;
		expect(alreadyReturned(cursor, 'o2', '2026-11-20T10:00:00Z')).toBe(true);
		expect(alreadyReturned(cursor, 'o3', '2026-11-20T10:00:00Z')).toBe(false);
	});

	it('stays at an order listed but not delivered, while remembering what was returned after it', () => {
		const previous: ChangeCursor = { since: '2026-11-20T09:00:00.000Z', seen: {} };
		const returned = [
			{ id: 'a', updatedAt: '2026-11-20T10:00:00Z' },
			{ id: 'c', updatedAt: '2026-11-20T10:02:00Z' },
		];
		// b (10:01) was listed but its details failed: the next run must list it again.
		const cursor = advanceCursor(previous, '2026-11-20T10:02:00Z', returned, OVERLAP, '2026-11-20T10:01:00Z')!;
		expect(cursor.since).toBe('2026-11-20T10:01:00.000Z');
		expect(Date.parse(cursorSearchSince(cursor, OVERLAP)!)).toBeLessThanOrEqual(Date.parse('2026-11-20T10:01:00Z'));
		expect(alreadyReturned(cursor, 'b', '2026-11-20T10:01:00Z')).toBe(false);
		expect(alreadyReturned(cursor, 'c', '2026-11-20T10:02:00Z')).toBe(true);
		expect(alreadyReturned(cursor, 'a', '2026-11-20T10:00:00Z')).toBe(true);
	});

	it('never moves back, and forgets changes older than the overlap window', () => {
		const first = advanceCursor(undefined, '2026-11-20T10:00:00Z', [{ id: 'old', updatedAt: '2026-11-20T10:00:00Z' }], OVERLAP)!;
		const second = advanceCursor(first, '2026-11-20T09:00:00Z', [], OVERLAP)!;
		expect(second.since).toBe('2026-11-20T10:00:00.000Z');
		const third = advanceCursor(second, '2026-11-20T10:05:00Z', [{ id: 'new', updatedAt: '2026-11-20T10:05:00Z' }], OVERLAP)!;
		expect(third.seen).toEqual({ new: '2026-11-20T10:05:00Z' });
	});

	it('remembers a change newer than what the listing scanned (an order edited mid-run)', () => {
		const cursor = advanceCursor(undefined, '2026-11-20T10:00:00Z', [{ id: 'edited', updatedAt: '2026-11-20T10:30:00Z' }], OVERLAP)!;
		expect(cursor.since).toBe('2026-11-20T10:00:00.000Z');
		expect(alreadyReturned(cursor, 'edited', '2026-11-20T10:30:00Z')).toBe(true);
	});

	it('leaves the cursor alone when a run saw nothing', () => {
		expect(advanceCursor(undefined, undefined, [], OVERLAP)).toBeUndefined();
		const cursor = { since: '2026-11-20T10:00:00.000Z', seen: { a: '2026-11-20T10:00:00Z' } };
		expect(advanceCursor(cursor, undefined, [], OVERLAP)).toEqual(cursor);
	});

	it('reads back only well-formed stored cursors', () => {
		expect(readCursor(undefined)).toBeUndefined();
		expect(readCursor({ since: 'garbage' })).toBeUndefined();
		expect(readCursor({ since: '2026-11-20T10:00:00Z', seen: { a: '2026-11-20T10:00:00Z', b: 3 } })).toEqual({
			since: '2026-11-20T10:00:00Z',
			seen: { a: '2026-11-20T10:00:00Z' },
		});
	});
});
