import { ShopifyApiError } from '../errors';
import {
	ORDER_DISCOUNT_APPLICATIONS_PAGE,
	ORDER_FULFILLMENT_ORDERS_PAGE,
	ORDER_LINE_ITEMS_PAGE,
	ORDER_SHIPPING_LINES_PAGE,
} from '../operations/orders';
import { describeAnswer, UnusableOrderError } from './answerShape';
import { CONTENDED_THROTTLE_ATTEMPTS, queryBudget, recordCost, type FetchStats, type GraphqlClient } from './graphqlClient';
import type { GqlConnection, GqlOrder } from './orderSelection';
import { eachPage, LAST_PAGE, type Page } from '../allPages';

type ConnectionField = 'lineItems' | 'discountApplications' | 'shippingLines' | 'fulfillmentOrders';

const PAGE_DOCUMENTS: Record<ConnectionField, string> = {
	lineItems: ORDER_LINE_ITEMS_PAGE,
	discountApplications: ORDER_DISCOUNT_APPLICATIONS_PAGE,
	shippingLines: ORDER_SHIPPING_LINES_PAGE,
	fulfillmentOrders: ORDER_FULFILLMENT_ORDERS_PAGE,
};

/** Nodes asked for on an order's second page of a connection, before its length is known better. */
const FIRST_FOLLOW_UP_PAGE = 10;

/** Requested cost per node of each connection, learned from Shopify's reports, to size the next page. */
export class PageCostMemory {
	private readonly perNode = new Map<ConnectionField, number>();

	/**
	 * The next page's size: what fits the budget, and at most `wanted`. Shopify admits a query only once its
	 * REQUESTED cost fits the bucket, so a page far larger than the list (43 lines asked, 2 left) waits for
	 * points it will mostly refund, and loses every race for the bucket to smaller queries of other workers.
	 */
	pageSize(field: ConnectionField, budget: number, wanted = 250): number {
		const perNode = this.perNode.get(field);
		// Cost unknown: one node measures it and fits any bucket; the next page is sized from the answer.
		if (perNode === undefined) return 1;
		// Connection overhead is 2 points plus the order itself; keep 5 % headroom.
		return Math.max(1, Math.min(250, wanted, Math.floor((budget * 0.95 - 3) / perNode)));
	}

	estimate(field: ConnectionField, first: number): number | undefined {
		const perNode = this.perNode.get(field);
		return perNode === undefined ? undefined : Math.ceil(3 + perNode * first);
	}

	observe(field: ConnectionField, first: number, requestedCost: number | undefined): void {
		if (!requestedCost || first <= 0) return;
		this.perNode.set(field, Math.max(0.5, (requestedCost - 3) / first));
	}
}

/**
 * Reads every connection of an order to its end ("orders are never truncated"): line items beyond the
 * first page, and likewise discounts, shipping lines and fulfilment orders. Removes `pageInfo`, so the
 * order has the same shape as in bulk mode. Null when the order was deleted meanwhile (Shopify answers null
 * for it); UnusableOrderError when Shopify answers something else than the order's next page.
 */
export async function completeConnections(
	client: GraphqlClient,
	order: GqlOrder,
	memory: PageCostMemory,
	stats?: FetchStats,
): Promise<GqlOrder | null> {
	for (const field of Object.keys(PAGE_DOCUMENTS) as ConnectionField[]) {
		const connection = order[field] as GqlConnection<unknown>;
		if (connection.pageInfo?.hasNextPage) {
			if (!connection.pageInfo.endCursor) throw noCursor(order.id, field);
			const pages = new FollowUpPages(client, order.id, field, memory, stats, () => connection.nodes.length);
			for await (const nodes of eachPage((after) => pages.after(after), connection.pageInfo.endCursor)) connection.nodes.push(...nodes);
			// The order was deleted while being read: it is accounted as gone rather than returned incomplete.
			if (pages.orderGone) return null;
		}
		delete connection.pageInfo;
	}
	return order;
}

/** The pages of one connection of one order after its first, each sized to the bucket and the list so far. */
class FollowUpPages {
	orderGone = false;
	private shorterAfterContention = Number.POSITIVE_INFINITY;

	constructor(
		private readonly client: GraphqlClient,
		private readonly orderId: string,
		private readonly field: ConnectionField,
		private readonly memory: PageCostMemory,
		private readonly stats: FetchStats | undefined,
		private readonly nodesSoFar: () => number,
	) {}

	async after(cursor: string | null): Promise<Page<unknown>> {
		for (;;) {
			// Pages grow with what the list has shown so far (10, then twice the nodes read): a list one
			// longer than the first page costs a small query, a long one a few more pages.
			const wanted = Math.max(FIRST_FOLLOW_UP_PAGE, 2 * this.nodesSoFar());
			const first = this.memory.pageSize(this.field, queryBudget(this.client), Math.min(wanted, this.shorterAfterContention));
			let response;
			try {
				response = await this.client.request<{ node: (Record<ConnectionField, GqlConnection<unknown>> & { __typename?: string }) | null }>(
					PAGE_DOCUMENTS[this.field],
					{ id: this.orderId, first, after: cursor },
					{ estimatedCost: this.memory.estimate(this.field, first), maxThrottleAttempts: first > 1 ? CONTENDED_THROTTLE_ATTEMPTS : undefined },
				);
			} catch (error) {
				// Others keep winning the bucket: the same page, half as long, fits the refill sooner.
				if (!(error instanceof ShopifyApiError && error.code === 'THROTTLED' && first > 1)) throw error;
				this.shorterAfterContention = Math.max(1, Math.floor(first / 2));
				continue;
			}
			recordCost(this.stats, response);
			this.memory.observe(this.field, first, response.extensions?.cost?.requestedQueryCost ?? undefined);
			return this.pageOf(response.data?.node);
		}
	}

	private pageOf(node: (Record<ConnectionField, GqlConnection<unknown>> & { __typename?: string }) | null | undefined): Page<unknown> {
		if (node === null) {
			this.orderGone = true;
			return { items: [], pageInfo: LAST_PAGE };
		}
		const page = node?.[this.field];
		if (node?.__typename !== 'Order' || !Array.isArray(page?.nodes) || !page.pageInfo) {
			throw new UnusableOrderError(
				this.orderId,
				`Shopify answered ${node?.__typename === 'Order' ? `an Order without its ${this.field} page` : describeAnswer(node)} when the package read more ${this.field} of order ${this.orderId}, so the order would be incomplete.`,
				'Run the node again; if the same order fails again, read it with Output "Raw" to see what Shopify holds.',
			);
		}
		if (page.pageInfo.hasNextPage && !page.pageInfo.endCursor) throw noCursor(this.orderId, this.field);
		return { items: page.nodes, pageInfo: page.pageInfo };
	}
}

/** More of the list, but no cursor to ask for it with: the order could only be returned incomplete. */
function noCursor(orderId: string, field: ConnectionField): UnusableOrderError {
	return new UnusableOrderError(
		orderId,
		`Shopify said order ${orderId} has more ${field} but gave no cursor to read them with, so the order would be incomplete.`,
		'Run the node again; if the same order fails again, read it with Output "Raw" to see what Shopify holds.',
	);
}
