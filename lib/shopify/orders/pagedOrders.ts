import { ShopifyApiError } from '../errors';
import { ORDER_DETAILS, ORDER_IDS_PAGE } from '../operations/orders';
import { completeConnections, PageCostMemory } from './connectionPages';
import { DetailBatchSizer } from './detailBatchSizer';
import { queryBudget, recordCost, type FetchStats, type GraphqlClient } from './graphqlClient';
import type { GqlConnection, GqlOrder } from './orderSelection';
import type { OrderSortKey } from './orderFilters';

export interface ListedOrder {
	id: string;
	updatedAt: string;
	createdAt: string;
}

/**
 * First-page sizes of the order's other lists. Most orders have one shipping line, one fulfilment order and
 * at most a couple of discounts; a small first page keeps each order's requested cost low (so one order
 * fits even a 100-point bucket) and the rare longer list is read to its end by completeConnections.
 */
const NESTED_FIRST = { discountsFirst: 2, shippingLinesFirst: 1, fulfillmentOrdersFirst: 1 };

interface IdsPage {
	orders: GqlConnection<ListedOrder> & { pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/**
 * The cheap listing: ids and timestamps, 250 per page (fewer when the bucket is smaller than a page costs:
 * a page of n costs 2 + n points).
 */
export async function* listOrderIds(
	client: GraphqlClient,
	search: string,
	sortKey: OrderSortKey,
	reverse: boolean,
	stats?: FetchStats,
): AsyncGenerator<ListedOrder[]> {
	let after: string | null = null;
	for (;;) {
		const first = Math.max(1, Math.min(250, Math.floor(queryBudget(client) * 0.95) - 2));
		const response: Awaited<ReturnType<typeof client.request<IdsPage>>> = await client.request<IdsPage>(
			ORDER_IDS_PAGE,
			{ first, after, query: search || null, sortKey, reverse },
			{ estimatedCost: first + 2 },
		);
		recordCost(stats, response);
		const page = response.data.orders;
		if (page.nodes.length > 0) yield page.nodes;
		if (!page.pageInfo.hasNextPage) return;
		after = page.pageInfo.endCursor;
	}
}

/**
 * Full orders for ids, in cost-sized batches through `nodes(ids:)`, each connection read to its end.
 * Orders deleted since the listing are left out. The order of `ids` is kept.
 */
export class OrderDetailsReader {
	readonly sizer = new DetailBatchSizer();
	private readonly pageCosts = new PageCostMemory();

	constructor(
		private readonly client: GraphqlClient,
		private readonly stats?: FetchStats,
	) {}

	async *read(ids: readonly string[]): AsyncGenerator<GqlOrder> {
		let index = 0;
		while (index < ids.length) {
			const budget = queryBudget(this.client);
			const plan = this.sizer.plan(ids.length - index, budget);
			const batch = ids.slice(index, index + plan.orders);
			let orders: Array<GqlOrder | null>;
			try {
				const response = await this.client.request<{ nodes: Array<GqlOrder | null> }>(
					ORDER_DETAILS,
					{
						ids: batch,
						lineItemsFirst: plan.lineItemsFirst,
						...NESTED_FIRST,
					},
					{ estimatedCost: plan.estimatedCost || undefined },
				);
				recordCost(this.stats, response);
				orders = response.data.nodes;
				const cost = response.extensions?.cost;
				this.sizer.observe({
					orders: batch.length,
					lineItemsFirst: plan.lineItemsFirst,
					requestedCost: cost?.requestedQueryCost ?? 0,
					actualCost: cost?.actualQueryCost ?? 0,
				});
			} catch (error) {
				// Refused as too expensive: above 1000 points, or (only possible while the cost is unknown) above
				// the bucket's size, which no wait can satisfy. Plan smaller and try again.
				const tooBig =
					error instanceof ShopifyApiError &&
					(error.code === 'MAX_COST_EXCEEDED' || (error.code === 'THROTTLED' && plan.estimatedCost === 0));
				if (tooBig) {
					if (plan.orders === 1 && plan.lineItemsFirst <= 1) throw error;
					this.sizer.refused(plan, budget);
					continue;
				}
				throw error;
			}
			index += batch.length;
			for (const order of orders) {
				if (!order) continue;
				const complete = await completeConnections(this.client, order, this.pageCosts, this.stats);
				if (!complete) continue;
				this.sizer.observeLines(complete.lineItems.nodes.length);
				yield complete;
			}
			this.sizer.endBatch();
		}
	}
}
