import { isReplayedGroup } from '../../../../../lib/shopify/inventory/replayedGroup';

const at = (iso: string) => Date.parse(iso);

describe('isReplayedGroup: did Shopify answer with a group made before this change was first sent?', () => {
	it('a group made during this send is fresh, however long the send took and however Shopify rounds its clocks', () => {
		// Sent at 12:00:00.2 (Shopify's clock), created 12:00:00.9 (shown as :00), answered at 12:00:01.1 (Date :01).
		expect(isReplayedGroup('2026-12-06T12:00:00Z', at('2026-12-06T12:00:01Z'), 900)).toBe(false);
		// A send that waited 40 s on throttling and retries inside the client.
		expect(isReplayedGroup('2026-12-06T12:00:05Z', at('2026-12-06T12:00:40Z'), 40_000)).toBe(false);
	});

	it('a group made minutes before the key was first sent is the stored result of an earlier send', () => {
		expect(isReplayedGroup('2026-12-06T11:50:00Z', at('2026-12-06T12:00:01Z'), 700)).toBe(true);
	});

	it('inside the clock tolerance it says not replayed, and without times it says it cannot tell', () => {
		expect(isReplayedGroup('2026-12-06T11:59:57Z', at('2026-12-06T12:00:01Z'), 500)).toBe(false);
		expect(isReplayedGroup('2026-12-06T11:50:00Z', undefined, 500)).toBeNull();
		expect(isReplayedGroup(undefined, at('2026-12-06T12:00:01Z'), 500)).toBeNull();
		expect(isReplayedGroup('not a time', at('2026-12-06T12:00:01Z'), 500)).toBeNull();
	});
});
