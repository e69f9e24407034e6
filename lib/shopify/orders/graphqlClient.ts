import type { RequestOptions, ShopifyResponse } from '../client';
import type { ThrottleStatus } from '../throttle';

/** The part of ShopifyClient the order readers use (a narrow seam, so tests can count calls). */
export interface GraphqlClient {
	request<TData>(
		document: string,
		variables?: Record<string, unknown>,
		options?: RequestOptions,
	): Promise<ShopifyResponse<TData>>;
	readonly throttleStatus: ThrottleStatus | undefined;
}

/** Points one query may request now: Shopify's 1000 ceiling, or the bucket's size when that is smaller. */
/**
 * THROTTLED answers a query that can be asked smaller (a batch of orders, a page of more than one node) waits
 * out before it is asked smaller instead: each wait is exactly what the bucket needs, so three refusals in a
 * row mean other clients keep taking the refill first.
 */
export const CONTENDED_THROTTLE_ATTEMPTS = 3;

export function queryBudget(client: GraphqlClient): number {
	const maximum = client.throttleStatus?.maximumAvailable;
	return Math.min(1000, maximum && maximum > 0 ? maximum : 1000);
}

/** Running totals a caller (the benchmark, the node's log) can read. */
export interface FetchStats {
	requests: number;
	requestedCost: number;
	actualCost: number;
}

export function newFetchStats(): FetchStats {
	return { requests: 0, requestedCost: 0, actualCost: 0 };
}

export function recordCost(stats: FetchStats | undefined, response: ShopifyResponse<unknown>): void {
	if (!stats) return;
	stats.requests++;
	stats.requestedCost += response.extensions?.cost?.requestedQueryCost ?? 0;
	stats.actualCost += response.extensions?.cost?.actualQueryCost ?? 0;
}
