import type { RetryLimits } from './retryPolicy';

/**
 * What one Shopify request may still spend on retries: waits for the throttle (how many and how long in
 * all) and attempts after a server error or a lost connection. Each answer that asks for a retry is
 * counted here; a false answer means the request gives up.
 */
export class RequestBudget {
	throttleAttempts = 0;
	throttleWaitedMs = 0;
	serverAttempts = 0;
	private readonly maxThrottleAttempts: number;

	constructor(
		private readonly limits: RetryLimits,
		/** A caller that can ask for less gives up sooner (RequestOptions.maxThrottleAttempts). */
		callerMaxThrottleAttempts?: number,
	) {
		this.maxThrottleAttempts = Math.min(limits.maxThrottleAttempts, callerMaxThrottleAttempts ?? Number.POSITIVE_INFINITY);
	}

	/** Counts a throttled answer; true, with the wait booked, when waiting `delayMs` more is within budget. */
	throttled(delayMs: number): boolean {
		this.throttleAttempts++;
		if (this.throttleAttempts >= this.maxThrottleAttempts || this.throttleWaitedMs + delayMs > this.limits.maxThrottleWaitMs) return false;
		this.throttleWaitedMs += delayMs;
		return true;
	}

	/** Counts a server error or an attempt without an answer; true when another attempt is allowed. */
	serverFailed(): boolean {
		this.serverAttempts++;
		return this.serverAttempts < this.limits.maxServerErrorAttempts;
	}
}
