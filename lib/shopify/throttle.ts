/**
 * Shopify's GraphQL rate limit is a leaky bucket of cost points per store: every response reports
 * `extensions.cost.throttleStatus {maximumAvailable, currentlyAvailable, restoreRate}`. A query is refused
 * (THROTTLED, HTTP 200) when its REQUESTED cost exceeds what is available; the unused part of the
 * requested cost is refunded afterwards. The bucket size and restore rate depend on the plan
 * (100/200/1000/2000 points/s), so they are read from responses, never assumed.
 *
 * Everything here is a pure decision with the clock passed in; the client does the waiting.
 */
export interface ThrottleStatus {
	maximumAvailable: number;
	currentlyAvailable: number;
	restoreRate: number;
}

export interface QueryCost {
	requestedQueryCost?: number | null;
	actualQueryCost?: number | null;
	throttleStatus?: ThrottleStatus;
}

/** Shopify refuses any single query whose requested cost is above this. */
export const MAX_QUERY_COST = 1000;

/** Points available at `now`, given what Shopify reported at `observedAt`. */
export function availableAt(status: ThrottleStatus, observedAt: number, now: number): number {
	const restored = (Math.max(0, now - observedAt) / 1000) * status.restoreRate;
	return Math.min(status.maximumAvailable, status.currentlyAvailable + restored);
}

/** Milliseconds until `cost` points are available (0 when they already are). Never more than a full refill. */
export function waitForPoints(status: ThrottleStatus, observedAt: number, now: number, cost: number): number {
	if (status.restoreRate <= 0) return 0;
	const needed = Math.min(cost, status.maximumAvailable) - availableAt(status, observedAt, now);
	return needed <= 0 ? 0 : Math.ceil((needed / status.restoreRate) * 1000);
}

/**
 * After THROTTLED: wait exactly until the requested cost fits, from the status that came with the refusal.
 * Without a status (a proxy stripped it), one second, which restores at least the smallest plan's 100 points.
 */
export function waitAfterThrottled(cost: QueryCost | undefined, fallbackCost: number): number {
	const status = cost?.throttleStatus;
	const requested = cost?.requestedQueryCost ?? fallbackCost;
	if (!status || status.restoreRate <= 0) return 1000;
	return Math.max(waitForPoints(status, 0, 0, requested), 50);
}

/**
 * Per-store picture of the bucket shared by every request of this process, so concurrent requests
 * reserve points from one estimate instead of each assuming the whole bucket is theirs.
 */
export class ThrottleState {
	private reported?: ThrottleStatus;
	private estimate?: ThrottleStatus;
	private estimatedAt = 0;

	/** Records what a response reported; it replaces our own estimate. */
	observe(status: ThrottleStatus | undefined, now: number): void {
		if (!status) return;
		this.reported = { ...status };
		this.estimate = { ...status };
		this.estimatedAt = now;
	}

	/** The bucket as Shopify last reported it. */
	get last(): ThrottleStatus | undefined {
		return this.reported ? { ...this.reported } : undefined;
	}

	/**
	 * How long to wait before sending a query of `cost`; takes those points out of the estimate so the next
	 * concurrent caller queues behind this one. Unknown bucket (first request) → send now.
	 */
	reserve(cost: number, now: number): number {
		if (!this.estimate || cost <= 0) return 0;
		// Earlier reservations may already have booked the bucket into the future.
		const from = Math.max(now, this.estimatedAt);
		const sendAt = from + waitForPoints(this.estimate, this.estimatedAt, from, cost);
		const available = availableAt(this.estimate, this.estimatedAt, sendAt);
		this.estimate = { ...this.estimate, currentlyAvailable: available - Math.min(cost, this.estimate.maximumAvailable) };
		this.estimatedAt = sendAt;
		return sendAt - now;
	}
}
