import { furtherCursor, startCursor } from '../../../../../lib/pos/inventory/changeCursor';
import { ProcessCursorCopies } from '../../../../../lib/pos/inventory/processCursorCopies';

describe('stock change positions kept in the process', () => {
	const earlier = startCursor('2026-12-05T10:00:00Z');
	const later = startCursor('2026-12-05T10:05:00Z');

	it('the further of two positions wins; a missing one never does; a tie keeps the static data\'s', () => {
		expect(furtherCursor(earlier, later)).toBe(later);
		expect(furtherCursor(later, earlier)).toBe(later);
		expect(furtherCursor(undefined, earlier)).toBe(earlier);
		expect(furtherCursor(earlier, undefined)).toBe(earlier);
		expect(furtherCursor(undefined, undefined)).toBeUndefined();
		const tie = startCursor('2026-12-05T10:00:00Z');
		expect(furtherCursor(earlier, tie)).toBe(earlier);
	});

	it('keeps the last position per scope, forgets on reset, and drops the least recently saved past its limit', () => {
		const copies = new ProcessCursorCopies(2);
		copies.keep('wf:a:square:L1', earlier);
		copies.keep('wf:a:square:L1', later);
		expect(copies.get('wf:a:square:L1')).toBe(later);
		copies.keep('wf:b:square:L1', earlier);
		copies.keep('wf:a:square:L1', later);
		copies.keep('wf:c:square:L1', earlier);
		expect(copies.get('wf:b:square:L1')).toBeUndefined();
		expect(copies.get('wf:a:square:L1')).toBe(later);
		copies.forget('wf:a:square:L1');
		expect(copies.get('wf:a:square:L1')).toBeUndefined();
		expect(copies.get('wf:c:square:L1')).toBe(earlier);
	});
});
