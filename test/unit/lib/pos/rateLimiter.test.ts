import { RateLimiter, type Clock } from '../../../../lib/pos/rateLimiter';

function fakeClock(): Clock & { t: number } {
	const clock = {
		t: 0,
		now: () => clock.t,
		sleep: async (ms: number) => {
			clock.t += ms;
		},
	};
	return clock;
}

describe('RateLimiter', () => {
	it('spaces every request by default', () => {
		const clock = fakeClock();
		const limiter = new RateLimiter(4, clock);
		expect([1, 2, 3, 4].map(() => limiter.reserve())).toEqual([0, 250, 500, 750]);
	});

	it('lets a configured burst through, then spaces requests', () => {
		const clock = fakeClock();
		const limiter = new RateLimiter(4, clock, 4);
		expect([1, 2, 3, 4, 5, 6].map(() => limiter.reserve())).toEqual([0, 0, 0, 0, 250, 500]);
	});

	it('serves concurrent callers a burst, then one per interval', () => {
		const clock = fakeClock();
		const limiter = new RateLimiter(10, clock, 10);
		// 50 callers reserve at the same instant on a shared clock, as concurrent items do.
		const startTimes = Array.from({ length: 50 }, () => clock.t + limiter.reserve());
		expect(startTimes.slice(0, 10)).toEqual(Array(10).fill(0));
		for (let i = 10; i < 50; i++) expect(startTimes[i] - startTimes[i - 1]).toBeCloseTo(100, 6);
		// Any 1-second window holds at most burst + rate × 1 s starts.
		for (let i = 0; i + 20 < startTimes.length; i++) expect(startTimes[i + 20] - startTimes[i]).toBeGreaterThanOrEqual(1000 - 1e-6);
		expect(startTimes[49]).toBeCloseTo(4000, 6);
	});

	it('never puts more than the rate into any sliding second by default', () => {
		const clock = fakeClock();
		const limiter = new RateLimiter(10, clock);
		const startTimes = Array.from({ length: 40 }, () => clock.t + limiter.reserve());
		for (let i = 0; i + 10 < startTimes.length; i++) expect(startTimes[i + 10] - startTimes[i]).toBeGreaterThanOrEqual(1000 - 1e-6);
	});

	it('refills while idle', () => {
		const clock = fakeClock();
		const limiter = new RateLimiter(2, clock, 2);
		expect([limiter.reserve(), limiter.reserve(), limiter.reserve()]).toEqual([0, 0, 500]);
		clock.t += 5000;
		expect([limiter.reserve(), limiter.reserve()]).toEqual([0, 0]);
	});

	it('rejects a rate of 0', () => {
		expect(() => new RateLimiter(0)).toThrow('above 0');
	});
});
