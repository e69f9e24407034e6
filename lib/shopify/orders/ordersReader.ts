import { ShopifyApiError } from '../errors';
import { APP_ACCESS_SCOPES, ORDERS_COUNT } from '../operations/orders';
import { bulkOrders, startBulkOrders, waitForBulkOperation, type BulkDeps } from './bulkOrders';
import { advanceCursor, alreadyReturned, cursorSearchSince, type ChangeCursor } from './changeCursor';
import { newFetchStats, recordCost, type FetchStats, type GraphqlClient } from './graphqlClient';
import type { OrderFilters, OrderSortKey } from './orderFilters';
import type { GqlOrder } from './orderSelection';
import { listOrderIds, OrderDetailsReader } from './pagedOrders';
import { orderSearchQuery } from './searchQuery';
import { filtersReachPastVisibleWindow, visibilityWarning } from './visibilityWindow';

/** Above this many matching orders, Fetch Mode "Auto" uses a bulk operation instead of paging. */
export const DEFAULT_BULK_THRESHOLD = 2500;

export type FetchMode = 'auto' | 'paged' | 'bulk';

export interface ReadOrdersOptions {
	filters: OrderFilters;
	sortKey: OrderSortKey;
	reverse: boolean;
	/** Undefined: every matching order. */
	limit?: number;
	mode: FetchMode;
	bulkThreshold?: number;
	/** Set to read only changes since the last run; forces ascending UPDATED_AT order. */
	changesSince?: { cursor: ChangeCursor | undefined; overlapMs: number };
	/** What to do when the app cannot see orders older than 60 days and the filters reach there. */
	olderThanVisible: 'warn' | 'error';
}

export interface ReadOrdersSummary {
	mode: 'paged' | 'bulk';
	search: string;
	/** ordersCount, when it was asked (mode Auto). */
	matching?: number;
	returned: number;
	/** The cursor to store after a successful run (changesSince only). */
	nextCursor?: ChangeCursor;
	warnings: string[];
	stats: FetchStats;
}

export class OrdersVisibilityError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'OrdersVisibilityError';
	}
}

/**
 * Reads every order a Get Orders run returns, in the requested order: decides paged or bulk, applies the
 * change cursor and the limit, and reports what it did. Orders come out one at a time as GraphQL Orders
 * (every connection complete); the caller normalises or passes them through raw.
 */
export class OrdersReader {
	readonly summary: ReadOrdersSummary;
	private readonly sortKey: OrderSortKey;
	private readonly reverse: boolean;
	private readonly returned: Array<{ id: string; updatedAt: string }> = [];
	private scannedUpTo: string | undefined;

	constructor(
		private readonly client: GraphqlClient,
		private readonly options: ReadOrdersOptions,
		private readonly deps: BulkDeps,
	) {
		const cursor = options.changesSince;
		// Changes are read oldest first, so the cursor can stop exactly where a limit cut the run.
		this.sortKey = cursor ? 'UPDATED_AT' : options.sortKey;
		this.reverse = cursor ? false : options.reverse;
		const cursorSince = cursor ? cursorSearchSince(cursor.cursor, cursor.overlapMs) : undefined;
		const updatedSince = latest(options.filters.updatedSince, cursorSince);
		this.summary = {
			mode: 'paged',
			search: orderSearchQuery({ ...options.filters, updatedSince }),
			returned: 0,
			warnings: [],
			stats: newFetchStats(),
		};
	}

	async *orders(): AsyncGenerator<GqlOrder> {
		await this.checkVisibility();
		const mode = await this.chooseMode();
		this.summary.mode = mode;
		const source = mode === 'bulk' ? this.bulk() : this.paged();
		for await (const order of source) {
			yield order;
			if (this.limitReached()) break;
		}
		const cursor = this.options.changesSince;
		if (cursor) {
			this.summary.nextCursor = advanceCursor(cursor.cursor, this.scannedUpTo, this.returned, cursor.overlapMs);
		}
	}

	private limitReached(): boolean {
		return this.options.limit !== undefined && this.summary.returned >= this.options.limit;
	}

	private isRepeat(id: string, updatedAt: string): boolean {
		return alreadyReturned(this.options.changesSince?.cursor, id, updatedAt);
	}

	private emitted(order: GqlOrder, scannedAt: string): void {
		this.summary.returned++;
		if (this.options.changesSince) this.returned.push({ id: order.id, updatedAt: order.updatedAt });
		this.scanned(scannedAt);
	}

	private scanned(updatedAt: string): void {
		if (!this.scannedUpTo || Date.parse(updatedAt) > Date.parse(this.scannedUpTo)) this.scannedUpTo = updatedAt;
	}

	private async *paged(): AsyncGenerator<GqlOrder> {
		const details = new OrderDetailsReader(this.client, this.summary.stats);
		// An order edited mid-run shows up again further down the listing: once per change, not per sighting.
		const emittedAt = new Map<string, number>();
		for await (const page of listOrderIds(this.client, this.summary.search, this.sortKey, this.reverse, this.summary.stats)) {
			const listedAt = new Map<string, string>();
			const wanted: string[] = [];
			for (const listed of page) {
				const previous = emittedAt.get(listed.id);
				if (previous !== undefined && previous >= Date.parse(listed.updatedAt)) continue;
				if (this.isRepeat(listed.id, listed.updatedAt)) {
					this.scanned(listed.updatedAt);
					continue;
				}
				listedAt.set(listed.id, listed.updatedAt);
				wanted.push(listed.id);
			}
			for await (const order of details.read(wanted)) {
				if (this.isRepeat(order.id, order.updatedAt)) continue;
				emittedAt.set(order.id, Date.parse(order.updatedAt));
				this.emitted(order, listedAt.get(order.id) ?? order.updatedAt);
				yield order;
				if (this.limitReached()) return;
			}
			// The whole page was read (a limit returns above): the cursor may move past all of it.
			for (const updatedAt of listedAt.values()) this.scanned(updatedAt);
		}
	}

	private async *bulk(): AsyncGenerator<GqlOrder> {
		const started = await startBulkOrders(this.client, this.summary.search, this.sortKey, this.reverse, this.summary.stats);
		const completed = await waitForBulkOperation(this.client, started, this.deps, this.summary.stats);
		// Shopify's snapshot starts at createdAt: a later edit may or may not be in the file, so the cursor
		// never moves past that instant (the next run re-reads from there and drops what it already returned).
		const snapshotAt = Date.parse(completed.createdAt);
		for await (const order of bulkOrders(completed, this.deps)) {
			if (this.isRepeat(order.id, order.updatedAt)) continue;
			const scannedAt = Date.parse(order.updatedAt) > snapshotAt ? completed.createdAt : order.updatedAt;
			this.emitted(order, scannedAt);
			yield order;
		}
	}

	private async chooseMode(): Promise<'paged' | 'bulk'> {
		const { mode, limit } = this.options;
		if (mode !== 'auto') return mode;
		const threshold = this.options.bulkThreshold ?? DEFAULT_BULK_THRESHOLD;
		if (limit !== undefined && limit <= threshold) return 'paged';
		const response = await this.client.request<{ ordersCount: { count: number; precision: string } | null }>(ORDERS_COUNT, {
			query: this.summary.search || null,
			limit: threshold + 1,
		});
		recordCost(this.summary.stats, response);
		const count = response.data.ordersCount?.count ?? 0;
		this.summary.matching = count;
		return count > threshold ? 'bulk' : 'paged';
	}

	private async checkVisibility(): Promise<void> {
		if (!filtersReachPastVisibleWindow(this.options.filters, (this.deps.now ?? Date.now)())) return;
		let scopes: string[];
		try {
			const response = await this.client.request<{ currentAppInstallation: { accessScopes: Array<{ handle: string }> } }>(
				APP_ACCESS_SCOPES,
			);
			recordCost(this.summary.stats, response);
			scopes = response.data.currentAppInstallation.accessScopes.map((scope) => scope.handle);
		} catch (error) {
			// A refused token or an unreachable shop is the run's real problem: report it, not a scope doubt.
			if (error instanceof ShopifyApiError && (error.code.startsWith('HTTP_') || error.code === 'NETWORK' || error.retryable)) throw error;
			this.summary.warnings.push(
				'Could not read the app\'s access scopes, so the node cannot tell whether orders older than 60 days are visible (they are only with read_all_orders).',
			);
			return;
		}
		if (scopes.includes('read_all_orders')) return;
		const message = visibilityWarning((this.deps.now ?? Date.now)());
		if (this.options.olderThanVisible === 'error') throw new OrdersVisibilityError(message);
		this.summary.warnings.push(message);
	}
}

function latest(a: string | undefined, b: string | undefined): string | undefined {
	if (!a) return b;
	if (!b) return a;
	return Date.parse(a) >= Date.parse(b) ? a : b;
}
