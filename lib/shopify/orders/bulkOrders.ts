import { BULK_OPERATION_STATUS, BULK_QUERY_RUN } from '../operations/bulk';
import { describeAnswer } from './answerShape';
import { BulkOperationError } from './bulkOperationError';
import { joinBulkOrders } from './bulkOrderJoin';
import { bulkOrdersQuery } from './bulkOrdersQuery';
import { recordCost, type FetchStats, type GraphqlClient } from './graphqlClient';
import { jsonlLines } from './jsonlLines';
import type { OrderSortKey } from './orderFilters';
import type { GqlOrder } from './orderSelection';

/** Opens a download as a stream of chunks (never the whole body at once). */
export type DownloadStream = (url: string) => Promise<AsyncIterable<Uint8Array | string>>;

export interface BulkDeps {
	download: DownloadStream;
	/** Injected for tests; real timers by default. */
	sleep?: (ms: number) => Promise<void>;
	now?: () => number;
	/** Give up waiting after this long (the operation keeps running at Shopify). Default 1 hour. */
	maxWaitMs?: number;
	/** Wait before poll number `attempt` (1-based). Default 1 s doubling to 30 s. */
	pollDelayMs?: (attempt: number) => number;
}

export interface BulkOperationInfo {
	id: string;
	status: string;
	createdAt: string;
	errorCode?: string | null;
	objectCount?: string;
	rootObjectCount?: string;
	url?: string | null;
	partialDataUrl?: string | null;
}

export function defaultPollDelayMs(attempt: number): number {
	return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
}

interface RunPayload {
	bulkOperationRunQuery: {
		bulkOperation: { id: string; status: string; createdAt: string } | null;
		userErrors: Array<{ field?: string[] | null; message: string; code?: string | null }>;
	} | null;
}

/** Starts the bulk query; Shopify's refusals become errors that say what to do. */
export async function startBulkOrders(
	client: GraphqlClient,
	search: string,
	sortKey: OrderSortKey,
	reverse: boolean,
	stats?: FetchStats,
): Promise<BulkOperationInfo> {
	const response = await client.request<RunPayload>(BULK_QUERY_RUN, { query: bulkOrdersQuery(search, sortKey, reverse) });
	recordCost(stats, response);
	const payload = response.data?.bulkOperationRunQuery;
	// The payload is nullable in Shopify's schema: null means the query was neither started nor refused.
	if (!payload) {
		throw new BulkOperationError(
			`Shopify answered ${describeAnswer(payload)} to bulkOperationRunQuery: the bulk query was neither started nor refused.`,
			'NO_PAYLOAD',
			'Run the node again, or set Fetch Mode to "Paged" for this run.',
		);
	}
	const { bulkOperation } = payload;
	const userErrors = Array.isArray(payload.userErrors) ? payload.userErrors : [];
	const error = userErrors[0];
	if (error) {
		if (error.code === 'OPERATION_IN_PROGRESS') {
			throw new BulkOperationError(
				`Shopify is already running a bulk query for this app on this store: ${error.message}`,
				'OPERATION_IN_PROGRESS',
				'Wait until it finishes (or cancel it), or set Fetch Mode to "Paged" for this run.',
			);
		}
		if (error.code === 'LIMIT_REACHED') {
			throw new BulkOperationError(
				`Shopify refused a new bulk query: this app has reached its limit of bulk operations (${error.message}).`,
				'LIMIT_REACHED',
				'Try again later, or set Fetch Mode to "Paged".',
			);
		}
		throw new BulkOperationError(
			`Shopify refused the bulk query: ${error.message}`,
			error.code ?? 'INVALID',
			'Check the "Search Query" filter for a syntax error.',
		);
	}
	if (!bulkOperation) {
		throw new BulkOperationError('Shopify did not start the bulk query and gave no reason.', 'INVALID', 'Run the node again, or set Fetch Mode to "Paged".');
	}
	return bulkOperation;
}

/** Polls with backoff until the operation finishes; returns it when COMPLETED, throws otherwise. */
export async function waitForBulkOperation(
	client: GraphqlClient,
	operation: BulkOperationInfo,
	deps: BulkDeps,
	stats?: FetchStats,
): Promise<BulkOperationInfo> {
	const now = deps.now ?? Date.now;
	const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
	const started = now();
	const maxWait = deps.maxWaitMs ?? 60 * 60 * 1000;
	const delay = deps.pollDelayMs ?? defaultPollDelayMs;
	let current = operation;
	for (let attempt = 1; ; attempt++) {
		if (current.status === 'COMPLETED') return current;
		if (current.status !== 'CREATED' && current.status !== 'RUNNING') throw finishedBadly(current);
		if (now() - started > maxWait) {
			throw new BulkOperationError(
				`Shopify's bulk query was still ${current.status} after ${Math.round(maxWait / 60000)} minutes.`,
				'WAIT_TIMEOUT',
				'Narrow the filters (for example a date range) or run the node again later: the operation keeps running at Shopify and blocks new ones until it ends.',
				current.id,
			);
		}
		await sleep(delay(attempt));
		const response = await client.request<{ bulkOperation: BulkOperationInfo | null }>(BULK_OPERATION_STATUS, { id: current.id });
		recordCost(stats, response);
		if (!response.data?.bulkOperation) {
			throw new BulkOperationError('Shopify no longer knows the bulk query this node started.', 'NOT_FOUND', 'Run the node again.', current.id);
		}
		current = response.data.bulkOperation;
	}
}

function finishedBadly(operation: BulkOperationInfo): BulkOperationError {
	const partial = operation.partialDataUrl
		? ' Shopify kept partial results; the node does not use them, so no order goes missing without notice.'
		: '';
	if (operation.status === 'FAILED') {
		const reasons: Record<string, string> = {
			ACCESS_DENIED: 'the app lacks an access scope the query needs (read_orders; read_all_orders for orders older than 60 days)',
			TIMEOUT: 'the query ran longer than Shopify allows',
			INTERNAL_SERVER_ERROR: 'an internal error at Shopify',
		};
		const reason = reasons[operation.errorCode ?? ''] ?? `error ${operation.errorCode ?? 'unknown'}`;
		const advice =
			operation.errorCode === 'ACCESS_DENIED'
				? 'Grant the scopes to the app in Shopify and reinstall it, then run again.'
				: operation.errorCode === 'TIMEOUT'
					? 'Narrow the filters (a shorter date range) and run again, or set Fetch Mode to "Paged".'
					: 'Run the node again; if it keeps failing, set Fetch Mode to "Paged".';
		return new BulkOperationError(
			`Shopify's bulk query failed: ${reason}.${partial}`,
			operation.partialDataUrl ? 'PARTIAL_DATA' : 'FAILED',
			advice,
			operation.id,
		);
	}
	return new BulkOperationError(
		`Shopify's bulk query ended as ${operation.status} before completing.${partial}`,
		operation.status,
		operation.status === 'EXPIRED'
			? 'Its result expired before it was read (Shopify keeps it a week). Run the node again.'
			: 'Someone cancelled it (another app or a script using this app). Run the node again.',
		operation.id,
	);
}

/**
 * Backfill through a bulk operation: run, poll, stream the JSONL line by line and join children to their
 * order. Yields orders in the same shape as the paged reader.
 */
export async function* bulkOrders(completed: BulkOperationInfo, deps: BulkDeps): AsyncGenerator<GqlOrder> {
	// No url: the query matched nothing.
	if (!completed.url) return;
	yield* joinBulkOrders(jsonlLines(await deps.download(completed.url)));
}
