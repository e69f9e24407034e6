import type { Reply } from '../../routeContext';

/** Per token: 16 requests a second, 5 at once (https://docs.clover.com/docs/api-usage-rate-limits). */
export const TOKEN_REQUESTS_PER_SECOND = 16;
export const TOKEN_CONCURRENT_REQUESTS = 5;
const WAIT_MS = 1000;

interface TokenUse {
	recent: number[];
	inFlight: number;
	/** While a wait is running: when it ends (ms on the injected clock). */
	waitUntil: number;
}

/** What the server hands over so a request can be counted until its answer is written or its connection closes. */
export interface Finishable {
	once(event: 'finish' | 'close', listener: () => void): unknown;
}

/**
 * Clover's per-token limits, when the `rateLimits` knob is on. Over either, 429 with `retry-after` in seconds
 * and `X-RateLimit-tokenLimit` or `X-RateLimit-tokenConcurrentLimit`; a request made during the wait is
 * refused and makes the wait longer (Clover staff, https://community.clover.com/articles/11615/improved-429-response-headers.html).
 */
export class CloverRateLimit {
	private readonly tokens = new Map<string, TokenUse>();

	constructor(
		private readonly now: () => number,
		private readonly enabled: () => boolean,
	) {}

	/** null when the request may go on (counted until `response` finishes); the 429 otherwise. */
	admit(path: string, token: string | undefined, response: Finishable): Reply | null {
		if (!this.enabled() || !path.startsWith('/v3/')) return null;
		const use = this.use(token ?? '');
		const now = this.now();
		if (now < use.waitUntil) {
			use.waitUntil += WAIT_MS;
			return this.refused('X-RateLimit-tokenLimit', TOKEN_REQUESTS_PER_SECOND, use.waitUntil - now);
		}
		use.recent = use.recent.filter((at) => at > now - 1000);
		if (use.recent.length >= TOKEN_REQUESTS_PER_SECOND) {
			use.waitUntil = now + WAIT_MS;
			return this.refused('X-RateLimit-tokenLimit', TOKEN_REQUESTS_PER_SECOND, WAIT_MS);
		}
		if (use.inFlight >= TOKEN_CONCURRENT_REQUESTS) return this.refused('X-RateLimit-tokenConcurrentLimit', TOKEN_CONCURRENT_REQUESTS, WAIT_MS);
		use.recent.push(now);
		use.inFlight++;
		let done = false;
		const release = () => {
			if (done) return;
			done = true;
			use.inFlight--;
		};
		response.once('finish', release);
		response.once('close', release);
		return null;
	}

	private use(token: string): TokenUse {
		let use = this.tokens.get(token);
		if (!use) this.tokens.set(token, (use = { recent: [], inFlight: 0, waitUntil: 0 }));
		return use;
	}

	private refused(header: string, limit: number, waitMs: number): Reply {
		return { status: 429, body: { message: 'Too Many Requests' }, headers: { 'retry-after': String(Math.ceil(waitMs / 1000)), [header]: String(limit) } };
	}

	reset(): void {
		this.tokens.clear();
	}
}
