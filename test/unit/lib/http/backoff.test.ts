import { equalJitterBackoffMs } from '../../../../lib/http/backoff';

describe('equalJitterBackoffMs', () => {
	it('doubles per attempt, half fixed and half random, capped', () => {
		expect(equalJitterBackoffMs(1, 1000, 4000, 0)).toBe(500);
		expect(equalJitterBackoffMs(1, 1000, 4000, 0.999999)).toBe(1000);
		expect(equalJitterBackoffMs(2, 1000, 4000, 0)).toBe(1000);
		expect(equalJitterBackoffMs(3, 1000, 4000, 0.5)).toBe(3000);
		expect(equalJitterBackoffMs(10, 1000, 4000, 0)).toBe(2000);
		expect(equalJitterBackoffMs(10, 1000, 4000, 0.999999)).toBe(4000);
		// An attempt number below 1 counts as the first.
		expect(equalJitterBackoffMs(0, 500, 10_000, 0)).toBe(250);
	});
});
