/**
 * At most one failed execution per this interval for deliveries that look like Shopify's but fail
 * verification. Shopify retries each failed delivery 8 times over 4 hours, so a wrong secret on a busy store
 * fails hundreds of deliveries an hour: one visible failure every 10 minutes tells the shop owner without
 * burying the execution list (each failure is still logged).
 */
export const VERIFICATION_ALARM_INTERVAL_MS = 10 * 60 * 1000;

/**
 * Decides when a refused delivery is raised where the shop owner looks. One per n8n process: each webhook
 * process of a queue-mode setup raises its own, so a cluster of N processes raises at most N per interval.
 */
export class VerificationAlarm {
	private readonly raisedAtMs = new Map<string, number>();

	constructor(private readonly intervalMs = VERIFICATION_ALARM_INTERVAL_MS) {}

	/** True when nothing was raised for `scope` within the interval (and records this one); synchronous. */
	shouldRaise(scope: string, nowMs: number): boolean {
		const last = this.raisedAtMs.get(scope);
		if (last !== undefined && nowMs >= last && nowMs - last < this.intervalMs) return false;
		this.raisedAtMs.set(scope, nowMs);
		return true;
	}
}
