import { ShopifyApiError } from '../errors';
import { handleSearchWarnings, type SearchWarningHandling } from '../searchWarnings';
import { describeAnswer, listIds, orderShapeProblem, UnexpectedAnswerError, UnusableOrderError } from './answerShape';
import { ORDER_DETAILS, ORDER_IDS_PAGE } from '../operations/orders';
import { completeConnections, PageCostMemory } from './connectionPages';
import { DetailBatchSizer, type BatchPlan } from './detailBatchSizer';
import { CONTENDED_THROTTLE_ATTEMPTS, queryBudget, recordCost, type FetchStats, type GraphqlClient } from './graphqlClient';
import type { GqlConnection, GqlOrder } from './orderSelection';
import type { OrderSortKey } from './orderFilters';
import { eachPage, type Page, type PageInfo } from '../allPages';

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
const shrinkable = (plan: BatchPlan) => plan.orders > 1 || plan.lineItemsFirst > 1;

const NESTED_FIRST = { discountsFirst: 2, shippingLinesFirst: 1, fulfillmentOrdersFirst: 1 };

interface IdsPage {
	orders: GqlConnection<ListedOrder> & { pageInfo: PageInfo };
}

/** The advice when an order search is not applied in full, unless the caller words its own. */
const DEFAULT_SEARCH_HANDLING: SearchWarningHandling = {
	policy: 'error',
	advice: 'Correct the search field (Shopify\'s order search fields: https://shopify.dev/docs/api/admin-graphql/latest/queries/orders#arguments-query).',
};

/**
 * The cheap listing: ids and timestamps, 250 per page (fewer when the bucket is smaller than a page costs:
 * a page of n costs 2 + n points). A search Shopify did not apply in full stops it (or warns, by `search`).
 */
export async function* listOrderIds(
	client: GraphqlClient,
	search: string,
	sortKey: OrderSortKey,
	reverse: boolean,
	stats?: FetchStats,
	searchHandling: SearchWarningHandling = DEFAULT_SEARCH_HANDLING,
): AsyncGenerator<ListedOrder[]> {
	const readPage = async (after: string | null): Promise<Page<ListedOrder>> => {
		const first = Math.max(1, Math.min(250, Math.floor(queryBudget(client) * 0.95) - 2));
		const response = await client.request<IdsPage>(ORDER_IDS_PAGE, { first, after, query: search || null, sortKey, reverse }, { estimatedCost: first + 2 });
		recordCost(stats, response);
		handleSearchWarnings(response.extensions, searchHandling);
		const page = response.data?.orders;
		if (!page || !Array.isArray(page.nodes) || !page.pageInfo) {
			throw new UnexpectedAnswerError(
				`Shopify answered ${describeAnswer(page)} for the list of orders, not a page of orders.`,
				'Run the node again; if it keeps happening, check status.shopify.com.',
			);
		}
		return { items: page.nodes, pageInfo: page.pageInfo };
	};
	for await (const ids of eachPage(readPage)) if (ids.length > 0) yield ids;
}

/**
 * What became of one id asked for: its complete order; gone (Shopify answered null for it: deleted, or no
 * longer visible to the app); or unusable (Shopify answered something the package cannot deliver).
 */
export type OrderDetail =
	| { kind: 'order'; id: string; order: GqlOrder }
	| { kind: 'gone'; id: string }
	| { kind: 'unusable'; id: string; error: UnusableOrderError };

/**
 * Full orders for ids, in cost-sized batches through `nodes(ids:)`, each connection read to its end. Every
 * id asked for comes out once, in the order of `ids`, as an OrderDetail; an answer that does not match the
 * ids of its batch (fewer or more entries, another id in a place) is an UnexpectedAnswerError naming them.
 */
export class OrderDetailsReader {
	readonly sizer = new DetailBatchSizer();
	private readonly pageCosts = new PageCostMemory();

	constructor(
		private readonly client: GraphqlClient,
		private readonly stats?: FetchStats,
	) {}

	/** The orders alone, for callers that treat anything else as an error (the first problem is thrown). */
	async *orders(ids: readonly string[]): AsyncGenerator<GqlOrder> {
		for await (const detail of this.read(ids)) {
			if (detail.kind === 'unusable') throw detail.error;
			if (detail.kind === 'order') yield detail.order;
		}
	}

	async *read(ids: readonly string[]): AsyncGenerator<OrderDetail> {
		let index = 0;
		while (index < ids.length) {
			const budget = queryBudget(this.client);
			const plan = this.sizer.plan(ids.length - index, budget);
			const batch = ids.slice(index, index + plan.orders);
			const entries = await this.fetchBatch(batch, plan, budget);
			if (!entries) continue;
			index += batch.length;
			for (let position = 0; position < batch.length; position++) {
				const detail = await this.complete(batch[position], entries[position]);
				if (detail.kind === 'order') this.sizer.observeLines(detail.order.lineItems.nodes.length);
				yield detail;
			}
			this.sizer.endBatch();
		}
	}

	/** One `nodes(ids:)` call; undefined when Shopify refused it as too expensive and a smaller plan is due. */
	private async fetchBatch(batch: string[], plan: BatchPlan, budget: number): Promise<unknown[] | undefined> {
		let response;
		try {
			response = await this.client.request<{ nodes: unknown[] | null }>(
				ORDER_DETAILS,
				{ ids: batch, lineItemsFirst: plan.lineItemsFirst, ...NESTED_FIRST },
				// A batch of several orders, or of more than one line each, can be asked smaller: it gives up early
				// when others keep winning the bucket.
				{ estimatedCost: plan.estimatedCost || undefined, maxThrottleAttempts: shrinkable(plan) ? CONTENDED_THROTTLE_ATTEMPTS : undefined },
			);
		} catch (error) {
			if (error instanceof ShopifyApiError && error.code === 'THROTTLED' && shrinkable(plan) && plan.estimatedCost > 0) {
				this.sizer.contended();
				return undefined;
			}
			// Refused as too expensive: above 1000 points, or (only possible while the cost is unknown) above
			// the bucket's size, which no wait can satisfy. Plan smaller and try again.
			const tooBig =
				error instanceof ShopifyApiError &&
				(error.code === 'MAX_COST_EXCEEDED' || (error.code === 'THROTTLED' && plan.estimatedCost === 0));
			if (!tooBig || (plan.orders === 1 && plan.lineItemsFirst <= 1)) throw error;
			this.sizer.refused(plan, budget);
			return undefined;
		}
		recordCost(this.stats, response);
		const cost = response.extensions?.cost;
		this.sizer.observe({
			orders: batch.length,
			lineItemsFirst: plan.lineItemsFirst,
			requestedCost: cost?.requestedQueryCost ?? 0,
			actualCost: cost?.actualQueryCost ?? 0,
		});
		const entries = response.data?.nodes;
		if (!Array.isArray(entries) || entries.length !== batch.length) {
			throw new UnexpectedAnswerError(
				`Shopify answered ${describeAnswer(entries)} entries for ${batch.length === 1 ? 'the order id' : `the ${batch.length} order ids`} ${listIds(batch)}: ` +
					'an answer that does not match the ids asked for, so none of these orders is returned as read.',
				'Run the node again; the change position has not moved past these orders.',
				batch,
			);
		}
		const misplaced = batch.filter((id, position) => {
			const entryId = (entries[position] as { id?: unknown } | null)?.id;
			return entries[position] !== null && entryId !== undefined && entryId !== id;
		});
		if (misplaced.length > 0) {
			throw new UnexpectedAnswerError(
				`Shopify answered other orders than the ids asked for (${listIds(misplaced)}), so none of this batch is returned as read.`,
				'Run the node again; the change position has not moved past these orders.',
				batch,
			);
		}
		return entries;
	}

	/** One entry of the answer, checked and read to its end. */
	private async complete(id: string, entry: unknown): Promise<OrderDetail> {
		if (entry === null) return { kind: 'gone', id };
		const problem = orderShapeProblem(entry, id);
		if (problem) return { kind: 'unusable', id, error: problem };
		const order = entry as GqlOrder & { __typename?: string };
		// Selected only to check the answer; bulk mode's orders have none, and both modes give the same object.
		delete order.__typename;
		try {
			const complete = await completeConnections(this.client, order, this.pageCosts, this.stats);
			return complete ? { kind: 'order', id, order: complete } : { kind: 'gone', id };
		} catch (error) {
			if (error instanceof UnusableOrderError) return { kind: 'unusable', id, error };
			throw error;
		}
	}
}
