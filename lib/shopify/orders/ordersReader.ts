import { ShopifyApiError } from '../errors';
import { handleSearchWarnings, type SearchWarningHandling, type SearchWarningPolicy } from '../searchWarnings';
import { listIds, UnusableOrderError } from './answerShape';
import { APP_ACCESS_SCOPES, ORDERS_COUNT } from '../operations/orders';
import { bulkOrders, startBulkOrders, waitForBulkOperation, type BulkDeps } from './bulkOrders';
import { advanceCursor, alreadyReturned, cursorSearchSince, type ChangeCursor } from './changeCursor';
import { newFetchStats, recordCost, type FetchStats, type GraphqlClient } from './graphqlClient';
import type { OrderFilters, OrderSortKey } from './orderFilters';
import type { GqlOrder } from './orderSelection';
import { listOrderIds, OrderDetailsReader, type ListedOrder } from './pagedOrders';
import { orderSearchQuery } from './searchQuery';
import { filtersReachPastVisibleWindow, visibilityWarning, visibleSince } from './visibilityWindow';
import { PackageError } from '../../packageError';

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
	/** What to do when Shopify ignored part of the search (a mistyped field): stop (default) or warn. */
	searchWarnings?: SearchWarningPolicy;
}

/** One item of a run: an order to deliver, or one that cannot be delivered (reported on its own). */
export type OrderEntry = { order: GqlOrder; failure?: undefined } | { order?: undefined; failure: UnusableOrderError };

/** The advice on a search warning, in the Get Orders node's words. */
const SEARCH_ADVICE =
	'Correct the field in the filters or the "Search Query" (Shopify\'s order search fields: ' +
	'https://shopify.dev/docs/api/admin-graphql/latest/queries/orders#arguments-query), or set Options → ' +
	'"On Search Warning" to "Continue With Warning" to accept the wider result.';

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

/** The run would read orders the credential cannot see (older than 60 days without read_all_orders). */
export class OrdersVisibilityError extends PackageError {
	readonly code = 'ORDERS_NOT_VISIBLE';
	readonly advice = undefined;
	readonly remote = false;

	constructor(message: string) {
		super(message);
		this.name = 'OrdersVisibilityError';
	}
}

/**
 * Reads every order a Get Orders run returns, in the requested order: decides paged or bulk, applies the
 * change cursor and the limit, and reports what it did. Orders come out one at a time as GraphQL Orders
 * (every connection complete); the caller normalises or passes them through raw. Every listed order is
 * accounted for: delivered, gone (named in a warning), or an entry of its own with what went wrong; the
 * change position never moves past an order that was listed but not delivered.
 */
export class OrdersReader {
	readonly summary: ReadOrdersSummary;
	private readonly sortKey: OrderSortKey;
	private readonly reverse: boolean;
	private readonly returned: Array<{ id: string; updatedAt: string }> = [];
	private readonly searchHandling: SearchWarningHandling;
	/** Where each delivered order was scanned (its listing time), in case the caller cannot use it. */
	private readonly deliveredAt = new Map<string, string>();
	private scannedUpTo: string | undefined;
	/** The earliest listing time of an order not delivered: the position stays at or before it. */
	private heldAt: string | undefined;
	private searchChecked = false;

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
		this.searchHandling = { policy: options.searchWarnings ?? 'error', warnings: this.summary.warnings, advice: SEARCH_ADVICE };
	}

	/** The orders alone; an order that cannot be delivered is thrown. */
	async *orders(): AsyncGenerator<GqlOrder> {
		for await (const entry of this.entries()) {
			if (entry.failure) throw entry.failure;
			yield entry.order;
		}
	}

	async *entries(): AsyncGenerator<OrderEntry> {
		await this.checkVisibility();
		const mode = await this.chooseMode();
		this.summary.mode = mode;
		const source = mode === 'bulk' ? this.bulk() : this.paged();
		for await (const entry of source) {
			yield entry;
			if (this.limitReached()) break;
		}
		const cursor = this.options.changesSince;
		if (cursor) {
			this.summary.nextCursor = advanceCursor(cursor.cursor, this.scannedUpTo, this.returned, cursor.overlapMs, this.heldAt);
		}
	}

	/**
	 * The caller could not deliver this order (e.g. it cannot be made POS-ready): it does not count as
	 * returned, and the change position stays at or before it, so the next run offers it again.
	 */
	notDelivered(order: GqlOrder): void {
		const scannedAt = this.deliveredAt.get(order.id);
		if (scannedAt === undefined) return;
		this.deliveredAt.delete(order.id);
		this.summary.returned--;
		const index = this.returned.findIndex((change) => change.id === order.id && change.updatedAt === order.updatedAt);
		if (index >= 0) this.returned.splice(index, 1);
		this.hold(scannedAt);
	}

	private hold(updatedAt: string): void {
		if (!this.heldAt || Date.parse(updatedAt) < Date.parse(this.heldAt)) this.heldAt = updatedAt;
	}

	private limitReached(): boolean {
		return this.options.limit !== undefined && this.summary.returned >= this.options.limit;
	}

	private isRepeat(id: string, updatedAt: string): boolean {
		return alreadyReturned(this.options.changesSince?.cursor, id, updatedAt);
	}

	private emitted(order: GqlOrder, scannedAt: string): void {
		this.summary.returned++;
		this.deliveredAt.set(order.id, scannedAt);
		if (this.options.changesSince) this.returned.push({ id: order.id, updatedAt: order.updatedAt });
		this.scanned(scannedAt);
	}

	private scanned(updatedAt: string): void {
		if (!this.scannedUpTo || Date.parse(updatedAt) > Date.parse(this.scannedUpTo)) this.scannedUpTo = updatedAt;
	}

	private async *paged(): AsyncGenerator<OrderEntry> {
		const details = new OrderDetailsReader(this.client, this.summary.stats);
		// An order edited mid-run shows up again further down the listing: once per change, not per sighting.
		const emittedAt = new Map<string, number>();
		const pages = listOrderIds(this.client, this.summary.search, this.sortKey, this.reverse, this.summary.stats, this.searchHandling);
		for await (const page of pages) {
			const listed = new Map<string, ListedOrder>();
			for (const order of page) {
				const previous = emittedAt.get(order.id);
				if (previous !== undefined && previous >= Date.parse(order.updatedAt)) continue;
				if (this.isRepeat(order.id, order.updatedAt)) {
					this.scanned(order.updatedAt);
					continue;
				}
				listed.set(order.id, order);
			}
			const gone: ListedOrder[] = [];
			for await (const detail of details.read([...listed.keys()])) {
				const listing = listed.get(detail.id)!;
				if (detail.kind === 'gone') {
					gone.push(listing);
					continue;
				}
				if (detail.kind === 'unusable') {
					this.hold(listing.updatedAt);
					yield { failure: detail.error };
					continue;
				}
				const { order } = detail;
				if (this.isRepeat(order.id, order.updatedAt)) continue;
				emittedAt.set(order.id, Date.parse(order.updatedAt));
				this.emitted(order, listing.updatedAt);
				yield { order };
				if (this.limitReached()) return;
			}
			if (gone.length > 0) await this.reportGone(gone);
			// The whole page was read (a limit returns above): the cursor may move past all of it, but never
			// past an order held back above.
			for (const order of listed.values()) this.scanned(order.updatedAt);
		}
	}

	/** Listed, then null when read: deleted meanwhile, or no longer visible to the app. Said which. */
	private async reportGone(gone: ListedOrder[]): Promise<void> {
		const windowStart = Date.parse(visibleSince((this.deps.now ?? Date.now)()).toISOString());
		// An order that reached the 60-day edge between listing and reading is hidden, not deleted, unless the
		// app may see all orders.
		const aged = gone.filter((order) => Date.parse(order.createdAt) <= windowStart + 60 * 60 * 1000);
		const hidden = aged.length > 0 && !(await this.hasReadAllOrders()) ? aged : [];
		const deleted = gone.filter((order) => !hidden.includes(order));
		if (deleted.length > 0) {
			this.summary.warnings.push(
				`Shopify listed ${deleted.length === 1 ? 'order' : 'orders'} ${listIds(deleted.map((order) => order.id))} but answered null ` +
					'when their details were read: deleted in Shopify meanwhile, so they are not returned.',
			);
		}
		if (hidden.length > 0) {
			this.summary.warnings.push(
				`Shopify listed ${listIds(hidden.map((order) => order.id))} but answered null when their details were read: they have just ` +
					'passed the 60 days this app may see without the read_all_orders scope, so they are not returned. Add read_all_orders to the app to read them.',
			);
		}
	}

	private async hasReadAllOrders(): Promise<boolean> {
		try {
			return (await this.accessScopes()).includes('read_all_orders');
		} catch {
			return false;
		}
	}

	private async accessScopes(): Promise<string[]> {
		const response = await this.client.request<{ currentAppInstallation: { accessScopes: Array<{ handle: string }> } | null }>(APP_ACCESS_SCOPES);
		recordCost(this.summary.stats, response);
		const scopes = response.data?.currentAppInstallation?.accessScopes;
		if (!Array.isArray(scopes)) throw new Error('Shopify did not say which access scopes the app has.');
		return scopes.map((scope) => scope.handle);
	}

	private async *bulk(): AsyncGenerator<OrderEntry> {
		// Shopify reads a bulk query's search without reporting ignored fields: ask the cheap count first.
		if (this.summary.search && !this.searchChecked) await this.countMatching(1);
		const started = await startBulkOrders(this.client, this.summary.search, this.sortKey, this.reverse, this.summary.stats);
		const completed = await waitForBulkOperation(this.client, started, this.deps, this.summary.stats);
		// Shopify's snapshot starts at createdAt: a later edit may or may not be in the file, so the cursor
		// never moves past that instant (the next run re-reads from there and drops what it already returned).
		const snapshotAt = Date.parse(completed.createdAt);
		for await (const order of bulkOrders(completed, this.deps)) {
			if (this.isRepeat(order.id, order.updatedAt)) continue;
			const scannedAt = Date.parse(order.updatedAt) > snapshotAt ? completed.createdAt : order.updatedAt;
			this.emitted(order, scannedAt);
			yield { order };
		}
	}

	private async chooseMode(): Promise<'paged' | 'bulk'> {
		const { mode, limit } = this.options;
		if (mode !== 'auto') return mode;
		const threshold = this.options.bulkThreshold ?? DEFAULT_BULK_THRESHOLD;
		if (limit !== undefined && limit <= threshold) return 'paged';
		const count = await this.countMatching(threshold + 1);
		this.summary.matching = count;
		return count > threshold ? 'bulk' : 'paged';
	}

	/** ordersCount for the search (which also reports ignored search fields). */
	private async countMatching(limit: number): Promise<number> {
		const response = await this.client.request<{ ordersCount: { count: number; precision: string } | null }>(ORDERS_COUNT, {
			query: this.summary.search || null,
			limit,
		});
		recordCost(this.summary.stats, response);
		handleSearchWarnings(response.extensions, this.searchHandling);
		this.searchChecked = true;
		return response.data?.ordersCount?.count ?? 0;
	}

	private async checkVisibility(): Promise<void> {
		if (!filtersReachPastVisibleWindow(this.options.filters, (this.deps.now ?? Date.now)())) return;
		let scopes: string[];
		try {
			scopes = await this.accessScopes();
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
