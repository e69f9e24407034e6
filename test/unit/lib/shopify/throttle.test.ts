import {
	ThrottleState,
	availableAt,
	waitAfterThrottled,
	waitForPoints,
} from '../../../../lib/shopify/throttle';
import { isRetryableStatus } from '../../../../lib/shopify/retryPolicy';

const standard = { maximumAvailable: 2000, currentlyAvailable: 100, restoreRate: 100 };

describe('throttle decisions', () => {
	it('restores points at restoreRate, capped at the bucket size', () => {
		expect(availableAt(standard, 0, 0)).toBe(100);
		expect(availableAt(standard, 0, 2500)).toBe(350);
		expect(availableAt(standard, 0, 60_000)).toBe(2000);
	});

	it.each([
		// [status, observedAt, now, cost, expected wait ms]
		[{ maximumAvailable: 2000, currentlyAvailable: 100, restoreRate: 100 }, 0, 0, 900, 8000],
		[{ maximumAvailable: 2000, currentlyAvailable: 100, restoreRate: 100 }, 0, 3000, 900, 5000],
		[{ maximumAvailable: 2000, currentlyAvailable: 100, restoreRate: 100 }, 0, 0, 100, 0],
		[{ maximumAvailable: 4000, currentlyAvailable: 0, restoreRate: 200 }, 0, 0, 1000, 5000],
		[{ maximumAvailable: 20000, currentlyAvailable: 50, restoreRate: 1000 }, 0, 0, 1000, 950],
		[{ maximumAvailable: 40000, currentlyAvailable: 0, restoreRate: 2000 }, 0, 0, 1000, 500],
		// A cost above the bucket can never fit: wait for a full bucket, not forever.
		[{ maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 50 }, 0, 0, 1500, 20000],
	])('waitForPoints(%j, %d, %d, cost %d) = %d ms', (status, observedAt, now, cost, expected) => {
		expect(waitForPoints(status, observedAt, now, cost)).toBe(expected);
	});

	it('after THROTTLED waits exactly until the requested cost fits', () => {
		expect(waitAfterThrottled({ requestedQueryCost: 502, throttleStatus: { ...standard, currentlyAvailable: 2 } }, 0)).toBe(5000);
		expect(waitAfterThrottled(undefined, 10)).toBe(1000);
	});

	it('ThrottleState lets concurrent callers share one estimate', () => {
		const state = new ThrottleState();
		expect(state.reserve(500, 0)).toBe(0); // unknown bucket: send
		state.observe({ maximumAvailable: 1000, currentlyAvailable: 600, restoreRate: 50 }, 0);
		expect(state.reserve(500, 0)).toBe(0); // 600 available
		expect(state.reserve(500, 0)).toBe(8000); // 100 left → 400 more at 50/s
		expect(state.reserve(500, 0)).toBe(18000); // and the next queues behind it
		expect(state.reserve(500, 20_000)).toBe(8000); // 100 restored by 20 s, 400 more to come
		expect(state.last?.currentlyAvailable).toBe(600); // what Shopify said, untouched by our bookings
		state.observe({ maximumAvailable: 1000, currentlyAvailable: 1000, restoreRate: 50 }, 30_000);
		expect(state.reserve(500, 30_000)).toBe(0); // a fresh report replaces the estimate
	});

	it('retries 429 and 5xx, not other 4xx', () => {
		expect(isRetryableStatus(503)).toBe(true);
		expect(isRetryableStatus(429)).toBe(true);
		expect(isRetryableStatus(404)).toBe(false);
	});
});
