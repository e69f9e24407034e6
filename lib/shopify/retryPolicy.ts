/**
 * When to try a Shopify request again. Throttling waits what Shopify says; server errors and dropped
 * connections back off exponentially with jitter so that many workflows do not retry in step.
 */
export interface RetryLimits {
	/** Attempts in all for 5xx and network failures (the first try included). */
	maxServerErrorAttempts: number;
	/**
	 * Longest a request keeps waiting out THROTTLED / 429 answers, in all. Time, not a count: several n8n
	 * workers sharing one store's bucket can each be refused many times in a row, and a backfill should wait
	 * its turn rather than lose its work.
	 */
	maxThrottleWaitMs: number;
	/** Runaway guard on THROTTLED / 429 answers for one request. */
	maxThrottleAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY_LIMITS: RetryLimits = {
	maxServerErrorAttempts: 5,
	maxThrottleWaitMs: 300_000,
	maxThrottleAttempts: 500,
	baseDelayMs: 500,
	maxDelayMs: 10_000,
};

/** Statuses that mean "the store is fine, try again shortly". 500 included: Shopify's own advice. */
export function isRetryableStatus(status: number): boolean {
	return status === 429 || status >= 500;
}

/**
 * Wait after a THROTTLED answer: exactly what Shopify's bucket needs, plus a small random part (random in
 * [0, 1)) so clients sharing the bucket (other workers, other apps) do not wake together. The same on every
 * attempt: a request refused ten times must not lose every race for the refilled bucket to newer requests,
 * which would wait exactly.
 */
export function throttledRetryDelayMs(exactMs: number, random: number): number {
	return exactMs + Math.round(random * Math.min(250, exactMs / 4 + 50));
}
