import { NetworkError, type HttpRequest, type HttpResponse, type HttpSend } from '../http/types';
import { classifyResponse, posErrorMessage, type DuplicateRule } from './classifyResponse';
import { findExisting, LookupResponseError, type LookupMatch } from './lookup';
import type { Clock, RateLimiter } from './rateLimiter';
import { decideRetry, type AttemptOutcome, type RetryPolicy } from './retryPolicy';

export interface PosCall {
	request: HttpRequest;
	/** Re-sending cannot create a second record (idempotent method, honoured key, or lookup). */
	safeToRepeat: boolean;
	duplicate: DuplicateRule;
	/** Search before every create attempt; a hit ends the call as `alreadyExists`. */
	lookup?: { request: HttpRequest; match: LookupMatch };
}

export interface PosCallDependencies {
	send: HttpSend;
	clock: Clock;
	random: () => number;
	policy: RetryPolicy;
	limiter?: RateLimiter;
	/** Called before each wait; lines must not carry secrets (the caller's redactor sees them). */
	onRetry?: (event: { attempt: number; waitMs: number; reason: string }) => void;
}

export type PosCallOutcome = 'success' | 'duplicate' | 'alreadyExists' | 'failed';

export interface PosCallResult {
	outcome: PosCallOutcome;
	/** The last response seen (of the create, or of the lookup that found the record). */
	response?: HttpResponse;
	/** The record a lookup found. */
	existing?: unknown;
	/** Why it failed, in the POS's words where it gave any. */
	reason?: string;
	/** Rounds tried: each is [lookup +] the request itself. */
	attempts: number;
	/** HTTP requests actually sent (lookups included). */
	requestsSent: number;
	waitedMs: number;
}

type Sent = { response: HttpResponse } | { networkError: NetworkError };

async function sendOnce(deps: PosCallDependencies, request: HttpRequest): Promise<Sent> {
	if (deps.limiter) await deps.limiter.acquire();
	try {
		return { response: await deps.send(request) };
	} catch (error) {
		if (error instanceof NetworkError) return { networkError: error };
		throw error;
	}
}

function outcomeOf(sent: Sent): AttemptOutcome {
	return 'response' in sent
		? { kind: 'response', status: sent.response.status, retryAfter: sent.response.headers['retry-after'] }
		: { kind: 'network', code: sent.networkError.code };
}

function describe(sent: Sent): string {
	return 'response' in sent ? `HTTP ${sent.response.status}: ${posErrorMessage(sent.response)}` : `no response (${sent.networkError.code})`;
}

/**
 * Sends one POS call to completion: optional lookup, the request, retries with backoff or Retry-After
 * within the policy's bounds, and the classification of the end result. Never throws for POS or network
 * failures — those come back as `failed` with the last response, so the node can route the item.
 */
export async function sendPosRequest(call: PosCall, deps: PosCallDependencies): Promise<PosCallResult> {
	let attempts = 0;
	let requestsSent = 0;
	let waitedMs = 0;
	let last: HttpResponse | undefined;
	for (;;) {
		attempts++;
		let failure: { sent: Sent; safe: boolean; label: string } | undefined;
		if (call.lookup) {
			const sent = await sendOnce(deps, call.lookup.request);
			requestsSent++;
			if ('response' in sent) last = sent.response;
			if ('response' in sent && ((sent.response.status >= 200 && sent.response.status < 300) || sent.response.status === 404)) {
				let found;
				try {
					found = findExisting(sent.response, call.lookup.match);
				} catch (error) {
					if (error instanceof LookupResponseError) return { outcome: 'failed', reason: error.message, response: last, attempts, requestsSent, waitedMs };
					throw error;
				}
				if (found.found) return { outcome: 'alreadyExists', response: sent.response, existing: found.record, attempts, requestsSent, waitedMs };
			} else {
				// A lookup is a GET: always safe to repeat.
				failure = { sent, safe: true, label: 'the lookup' };
			}
		}
		if (!failure) {
			const sent = await sendOnce(deps, call.request);
			requestsSent++;
			if ('response' in sent) {
				last = sent.response;
				const kind = classifyResponse(sent.response, call.duplicate);
				if (kind !== 'error') return { outcome: kind, response: sent.response, attempts, requestsSent, waitedMs };
			}
			failure = { sent, safe: call.safeToRepeat, label: 'the request' };
		}
		const decision = decideRetry(deps.policy, outcomeOf(failure.sent), {
			attempt: attempts,
			waitedMs,
			nowMs: deps.clock.now(),
			random: deps.random(),
			safeToRepeat: failure.safe,
		});
		if (!decision.retry) {
			const prefix = failure.label === 'the lookup' ? 'The lookup before the create failed: ' : '';
			const suffix = decision.reason.startsWith('HTTP ') ? '' : ` (${decision.reason})`;
			return { outcome: 'failed', reason: `${prefix}${describe(failure.sent)}${suffix}`, response: last, attempts, requestsSent, waitedMs };
		}
		deps.onRetry?.({ attempt: attempts, waitMs: decision.waitMs, reason: `${describe(failure.sent)}: ${decision.reason}` });
		await deps.clock.sleep(decision.waitMs);
		waitedMs += decision.waitMs;
	}
}
