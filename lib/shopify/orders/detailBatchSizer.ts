/**
 * How many orders to ask for per OrderDetails call, and how many line items per order on the first page.
 *
 * Shopify admits a query only when its REQUESTED cost (computed from `first:` arguments before running)
 * fits the bucket and is ≤ 1000, then charges the ACTUAL cost (what came back). So:
 * - the requested cost per order is learned from what Shopify reports: it is linear in the line-item page
 *   size L (perOrder = a + b·L), and two observations at different L give a and b exactly;
 * - L itself follows the actual data: the largest line count seen recently (orders beyond it get their
 *   remaining lines through OrderLineItemsPage), so a store of 3-line orders does not pay for 50-line pages;
 * - the batch is as many orders as fit the budget: min(1000, bucket size) minus a safety margin.
 * Pure: every number comes in as an argument.
 */
export interface CostObservation {
	orders: number;
	lineItemsFirst: number;
	requestedCost: number;
	actualCost: number;
}

export interface BatchPlan {
	orders: number;
	lineItemsFirst: number;
	/** Requested cost the plan predicts: pass to the client so it waits for those points first. */
	estimatedCost: number;
}

export interface BatchLimits {
	/** Shopify's per-query ceiling, and the bucket's size if smaller. */
	maxCost: number;
	/** `nodes(ids:)` takes at most 250 ids. */
	maxOrders: number;
	minLineItems: number;
	maxLineItems: number;
	/** First-page line items of the measuring batch: small, so it fits even a 100-point bucket. */
	initialLineItems: number;
	/** Orders in the very first (measuring) batch. */
	probeOrders: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = {
	maxCost: 1000,
	maxOrders: 250,
	minLineItems: 1,
	maxLineItems: 100,
	initialLineItems: 1,
	probeOrders: 1,
};

/** Fraction of the budget kept free, so a rounding in Shopify's estimate never tips a query over. */
const SAFETY = 0.95;

export class DetailBatchSizer {
	private readonly limits: BatchLimits;
	/** Per-order requested cost observed at each line-item page size. */
	private readonly perOrderAt = new Map<number, number>();
	private recentMaxLines: number[] = [];
	private batchMaxLines = 0;
	/** Share of the budget a batch may ask for: halved when other clients keep winning the bucket. */
	private share = 1;

	constructor(limits: Partial<BatchLimits> = {}) {
		this.limits = { ...DEFAULT_BATCH_LIMITS, ...limits };
	}

	/** Plan the next batch for `remaining` orders within `budget` points (min(1000, bucket size)). */
	plan(remaining: number, budget = this.limits.maxCost): BatchPlan {
		const cap = Math.max(1, Math.floor(Math.min(budget, this.limits.maxCost) * SAFETY * this.share));
		let lineItemsFirst = this.lineItemsTarget();
		if (this.perOrderAt.size === 0) {
			const orders = Math.max(1, Math.min(this.limits.probeOrders, remaining));
			return { orders, lineItemsFirst, estimatedCost: 0 };
		}
		// Shrink the line page until at least one order fits (a tiny bucket, e.g. 100 points).
		while (lineItemsFirst > this.limits.minLineItems && this.perOrderCost(lineItemsFirst) > cap) {
			lineItemsFirst = Math.max(this.limits.minLineItems, Math.floor(lineItemsFirst / 2));
		}
		const perOrder = this.perOrderCost(lineItemsFirst);
		const orders = Math.max(1, Math.min(remaining, this.limits.maxOrders, Math.floor(cap / perOrder)));
		return { orders, lineItemsFirst, estimatedCost: Math.ceil(orders * perOrder) };
	}

	/**
	 * Shopify kept refusing the batch as THROTTLED while others drew on the bucket: ask for half as much from
	 * now on (a smaller query fits the refill sooner). Each batch admitted wins back a quarter.
	 */
	contended(): void {
		this.share = Math.max(1 / 64, this.share / 2);
	}

	/** Record what Shopify reported for a batch. */
	observe(observation: CostObservation): void {
		this.share = Math.min(1, this.share * 1.25);
		if (observation.orders > 0 && observation.requestedCost > 0) {
			this.perOrderAt.set(observation.lineItemsFirst, observation.requestedCost / observation.orders);
		}
	}

	/** Record one complete order's line count (after its remaining pages were read). */
	observeLines(lines: number): void {
		this.batchMaxLines = Math.max(this.batchMaxLines, lines);
	}

	/** A batch is done: its largest line count steers the next batches' first page. */
	endBatch(): void {
		this.recentMaxLines = [...this.recentMaxLines, this.batchMaxLines].slice(-5);
		this.batchMaxLines = 0;
	}

	/** Shopify refused the batch as too expensive: never plan that much per order again. */
	refused(plan: BatchPlan, budget: number): void {
		const perOrder = Math.max(this.perOrderCost(plan.lineItemsFirst), (budget + 1) / plan.orders);
		this.perOrderAt.set(plan.lineItemsFirst, perOrder);
	}

	/** Line items on the first page: the largest line count seen in the last few batches, within bounds. */
	private lineItemsTarget(): number {
		const { minLineItems, maxLineItems, initialLineItems } = this.limits;
		if (this.recentMaxLines.length === 0) return initialLineItems;
		const seen = Math.max(...this.recentMaxLines);
		return Math.min(maxLineItems, Math.max(minLineItems, seen));
	}

	/**
	 * Requested cost per order at page size L. Exact once two page sizes were observed (a + b·L);
	 * with one observation at L0, an upper bound: the same cost for L ≤ L0, scaled by L/L0 above.
	 * 0 while nothing is known.
	 */
	perOrderCost(lineItemsFirst: number): number {
		const known = this.perOrderAt.get(lineItemsFirst);
		if (known !== undefined) return known;
		const points = [...this.perOrderAt.entries()].sort((x, y) => x[0] - y[0]);
		if (points.length === 0) return 0;
		if (points.length >= 2) {
			const [l1, c1] = points[0];
			const [l2, c2] = points[points.length - 1];
			const slope = (c2 - c1) / (l2 - l1);
			if (slope >= 0) return Math.max(c1 + slope * (lineItemsFirst - l1), 1);
		}
		const [l0, c0] = points.reduce((best, point) =>
			Math.abs(point[0] - lineItemsFirst) < Math.abs(best[0] - lineItemsFirst) ? point : best,
		);
		return lineItemsFirst <= l0 ? c0 : (c0 * lineItemsFirst) / l0;
	}
}
