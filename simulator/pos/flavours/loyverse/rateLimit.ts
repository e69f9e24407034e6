import type { Reply } from '../../routeContext';
import type { LoyverseSettings } from './settings';

const DETAILS = 'Too many requests. The limit is 300 requests per 300 seconds.';

/**
 * Loyverse's request limit, about 300 requests per account every 300 seconds (POS-VENDORS.md 4.5), when the
 * `rateLimitRequests` knob turns it on: a sliding window on the injected clock. Over it, 429 with
 * `{errors:[{code:"RATE_LIMITED"}]}` (code unconfirmed) and, unless the knob drops it, Retry-After in seconds
 * until the oldest request leaves the window (presence and form unconfirmed).
 */
export class LoyverseRateLimit {
	private recent: number[] = [];

	constructor(
		private readonly now: () => number,
		private readonly settings: () => LoyverseSettings,
	) {}

	reset(): void {
		this.recent = [];
	}

	/** Counts one request; a 429 when it is over the limit (a refused request is not counted). */
	take(): Reply | null {
		const { rateLimitRequests, rateLimitWindowSeconds } = this.settings();
		if (!(rateLimitRequests > 0)) return null;
		const now = this.now();
		const windowMs = rateLimitWindowSeconds * 1000;
		this.recent = this.recent.filter((at) => at > now - windowMs);
		if (this.recent.length < rateLimitRequests) {
			this.recent.push(now);
			return null;
		}
		return this.tooMany(Math.max(1, Math.ceil((this.recent[0] + windowMs - now) / 1000)));
	}

	private tooMany(retryAfterSeconds: number): Reply {
		return { status: 429, body: { errors: [{ code: 'RATE_LIMITED', details: DETAILS }] }, headers: this.settings().retryAfterHeader ? { 'retry-after': String(retryAfterSeconds) } : {} };
	}

	/**
	 * The server's own 429s on /v1.0/ (`config.rateLimitPerSecond`, a fault) in Loyverse's body, Retry-After kept
	 * or dropped per the knob; any other reply unchanged.
	 */
	shape(path: string, reply: Reply): Reply {
		if (reply.status !== 429 || !path.startsWith('/v1.0/')) return reply;
		const headers = { ...(reply.headers ?? {}) };
		if (!this.settings().retryAfterHeader) delete headers['retry-after'];
		return { status: 429, body: { errors: [{ code: 'RATE_LIMITED', details: DETAILS }] }, headers };
	}
}
