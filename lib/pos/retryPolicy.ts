import { equalJitterBackoffMs } from '../http/backoff';
import { retryAfterMs } from '../http/retryAfter';

export interface RetryPolicy {
	/** Attempts in all, the first included. */
	maxAttempts: number;
	/** Upper bound on the sum of all waits of one request, in ms. */
	maxTotalWaitMs: number;
	/** First backoff step, in ms; doubles each attempt. */
	initialDelayMs: number;
	/** Largest single backoff step, in ms (a Retry-After may ask for more, within maxTotalWaitMs). */
	maxDelayMs: number;
	/** Status codes worth retrying; `5xx`-style classes allowed when parsed from text. */
	retryStatuses: StatusMatcher;
}

export type StatusMatcher = (status: number) => boolean;

export const DEFAULT_RETRY_STATUSES = '408, 425, 429, 5xx';

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 5,
	maxTotalWaitMs: 60_000,
	initialDelayMs: 500,
	maxDelayMs: 15_000,
	retryStatuses: parseStatusList(DEFAULT_RETRY_STATUSES),
};

/** `408, 425, 429, 5xx` → a matcher. Throws with the bad entry named. */
export function parseStatusList(text: string): StatusMatcher {
	const exact = new Set<number>();
	const classes = new Set<number>();
	for (const raw of text.split(/[\s,;]+/)) {
		const entry = raw.trim().toLowerCase();
		if (entry === '') continue;
		if (/^[1-5]xx$/.test(entry)) classes.add(Number(entry[0]));
		else if (/^[1-5]\d\d$/.test(entry)) exact.add(Number(entry));
		else throw new RangeError(`"${raw}" is not an HTTP status (like 429) or a status class (like 5xx).`);
	}
	return (status) => exact.has(status) || classes.has(Math.floor(status / 100));
}

/**
 * What one attempt ended with, for the retry decision. `sent` says whether the request may have reached
 * the POS: a refused connection never did, a reset after sending might have been committed.
 */
export type AttemptOutcome =
	| { kind: 'response'; status: number; retryAfter?: string }
	| { kind: 'network'; code: string };

/** Error codes that prove the request never reached the server, so even an unprotected create may be re-sent. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Statuses that say the server did not act on the request (RFC 9110 / 6585 semantics). */
const NOT_PROCESSED_STATUSES = new Set([408, 425, 429, 503]);

/** `reason` says why, without repeating the status (the caller shows the status with the POS's message). */
export type RetryDecision =
	| { retry: true; waitMs: number; reason: string }
	| { retry: false; reason: string };

export interface RetryContext {
	/** Number of the attempt that just ended, from 1. */
	attempt: number;
	/** Sum of waits so far for this request, in ms. */
	waitedMs: number;
	nowMs: number;
	/** In [0, 1). */
	random: number;
	/**
	 * True when re-sending cannot create a second record: an idempotent method (GET, PUT, DELETE, HEAD),
	 * an idempotency key the POS honours, or a lookup-before-create.
	 */
	safeToRepeat: boolean;
}

/** Whether and how long to wait before the next attempt. Pure: clock and randomness come in. */
export function decideRetry(policy: RetryPolicy, outcome: AttemptOutcome, context: RetryContext): RetryDecision {
	if (outcome.kind === 'response' && !policy.retryStatuses(outcome.status)) {
		return { retry: false, reason: `HTTP ${outcome.status} is not retried` };
	}
	if (!context.safeToRepeat) {
		const provablyNotApplied =
			outcome.kind === 'network' ? NOT_SENT_CODES.has(outcome.code) : NOT_PROCESSED_STATUSES.has(outcome.status);
		if (!provablyNotApplied) {
			return {
				retry: false,
				reason: 'not retried: the POS may have acted on the request, and without an idempotency key or a lookup a retry could create it twice',
			};
		}
	}
	if (context.attempt >= policy.maxAttempts) {
		return { retry: false, reason: `gave up after ${context.attempt} of ${policy.maxAttempts} attempts` };
	}
	const remaining = policy.maxTotalWaitMs - context.waitedMs;
	const asked = outcome.kind === 'response' ? retryAfterMs(outcome.retryAfter, context.nowMs) : undefined;
	if (asked !== undefined) {
		if (asked > remaining) {
			return {
				retry: false,
				reason: `gave up after ${context.attempt} attempts: the POS asked to wait ${Math.ceil(asked / 1000)} s (Retry-After), more than the ${Math.max(0, Math.floor(remaining / 1000))} s left of the retry budget`,
			};
		}
		return { retry: true, waitMs: asked, reason: `waiting ${asked} ms as Retry-After asks` };
	}
	const waitMs = equalJitterBackoffMs(context.attempt, policy.initialDelayMs, policy.maxDelayMs, context.random);
	if (waitMs > remaining) {
		return { retry: false, reason: `gave up after ${context.attempt} attempts: the retry budget of ${policy.maxTotalWaitMs / 1000} s is used up` };
	}
	return { retry: true, waitMs, reason: `backing off ${waitMs} ms` };
}
