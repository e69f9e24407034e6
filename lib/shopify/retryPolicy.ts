/**
 * When to try a Shopify request again. Throttling waits what Shopify says; server errors and dropped
 * connections back off exponentially with jitter so that many workflows do not retry in step.
 */
export interface RetryLimits {
	/** Attempts in all for 5xx and network failures (the first try included). */
	maxServerErrorAttempts: number;
	/** Attempts in all for THROTTLED / 429. Each waits what Shopify asks, so this bounds the total wait. */
	maxThrottleAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY_LIMITS: RetryLimits = {
	maxServerErrorAttempts: 5,
	maxThrottleAttempts: 12,
	baseDelayMs: 500,
	maxDelayMs: 10_000,
};

/** Equal jitter: half the exponential step fixed, half random (random in [0, 1)). */
export function backoffMs(attempt: number, limits: RetryLimits, random: number): number {
	const step = Math.min(limits.maxDelayMs, limits.baseDelayMs * 2 ** Math.max(0, attempt - 1));
	return Math.round(step / 2 + (step / 2) * random);
}

/** Statuses that mean "the store is fine, try again shortly". 500 included: Shopify's own advice. */
export function isRetryableStatus(status: number): boolean {
	return status === 429 || status >= 500;
}
