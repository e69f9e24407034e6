export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
	now: () => Date.now(),
	sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Spaces requests to at most `requestsPerSecond` (GCRA). The default burst of 1 spaces every request, so
 * no sliding one-second window — how POS APIs count — ever holds more than the rate; a larger burst lets
 * that many through at once after idleness, at the price of up to rate + burst in one window. Slots are
 * handed out in call order at the moment of the call, so concurrent items sharing a limiter never overshoot
 * even when their sleeps end together.
 */
export class RateLimiter {
	private readonly intervalMs: number;
	private readonly toleranceMs: number;
	/** Theoretical arrival time of the next request (GCRA): each request pushes it one interval on. */
	private theoreticalArrival = Number.NEGATIVE_INFINITY;

	constructor(
		readonly requestsPerSecond: number,
		private readonly clock: Clock = systemClock,
		burst = 1,
	) {
		if (!(requestsPerSecond > 0)) throw new RangeError(`Requests per second must be above 0, got ${requestsPerSecond}.`);
		this.intervalMs = 1000 / requestsPerSecond;
		this.toleranceMs = (Math.max(1, Math.floor(burst)) - 1) * this.intervalMs;
	}

	/** How long the caller must wait for its slot, reserving it. Bookkeeping only, no sleeping. */
	reserve(): number {
		const now = this.clock.now();
		const arrival = Math.max(this.theoreticalArrival, now);
		this.theoreticalArrival = arrival + this.intervalMs;
		return Math.max(0, arrival - this.toleranceMs - now);
	}

	async acquire(): Promise<void> {
		const waitMs = this.reserve();
		if (waitMs > 0) await this.clock.sleep(waitMs);
	}
}

/** One limiter per credential and rate, shared by every node execution in this process. */
const sharedLimiters = new Map<string, RateLimiter>();

export function sharedRateLimiter(credentialKey: string, requestsPerSecond: number, clock: Clock = systemClock): RateLimiter {
	const key = `${credentialKey}\u0000${requestsPerSecond}`;
	let limiter = sharedLimiters.get(key);
	if (!limiter) {
		limiter = new RateLimiter(requestsPerSecond, clock);
		sharedLimiters.set(key, limiter);
	}
	return limiter;
}
