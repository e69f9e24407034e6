const WINDOW_MS = 300_000;

/**
 * Lightspeed's rate-limit headers: the limit is 300 × registers + 50 requests per 5-minute window
 * (https://x-series-api.lightspeedhq.com/docs/rate_limiting), reported in `X-RateLimit-Limit` and
 * `X-RateLimit-Remaining`. The simulator counts and reports; it answers 429 only as the server's
 * `rateLimitPerSecond` or a fault asks.
 */
export class LightspeedRateLimit {
	private recent: number[] = [];

	constructor(
		private readonly now: () => number,
		private readonly registers: () => number,
	) {}

	limit(): number {
		return 300 * this.registers() + 50;
	}

	/** Counts one API request (keeping no more than the limit needs: remaining stops at 0). */
	count(): void {
		this.prune();
		this.recent.push(this.now());
		if (this.recent.length > this.limit()) this.recent.shift();
	}

	private prune(): void {
		const start = this.now() - WINDOW_MS;
		while (this.recent.length > 0 && this.recent[0] <= start) this.recent.shift();
	}

	headers(): Record<string, string> {
		this.prune();
		const used = this.recent.length;
		return { 'x-ratelimit-limit': String(this.limit()), 'x-ratelimit-remaining': String(Math.max(0, this.limit() - used)) };
	}

	reset(): void {
		this.recent = [];
	}
}
