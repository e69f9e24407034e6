import type { ShopifyResponse } from '../../../../../lib/shopify/client';
import { ShopifyApiError } from '../../../../../lib/shopify/errors';
import { BulkOperationError } from '../../../../../lib/shopify/orders/bulkOperationError';
import { defaultPollDelayMs, startBulkOrders, waitForBulkOperation, type BulkOperationInfo } from '../../../../../lib/shopify/orders/bulkOrders';
import type { GraphqlClient } from '../../../../../lib/shopify/orders/graphqlClient';
import { OrdersReader, OrdersVisibilityError } from '../../../../../lib/shopify/orders/ordersReader';

async function* nothing(): AsyncGenerator<string> {
	// An empty download.
}

/** A client that answers each operation from a script and records what was asked. */
function scripted(answers: Record<string, Array<unknown | Error>>): GraphqlClient & { asked: string[] } {
	const asked: string[] = [];
	return {
		asked,
		throttleStatus: undefined,
		async request<T>(document: string): Promise<ShopifyResponse<T>> {
			const name = /(?:query|mutation)\s+(\w+)/.exec(document)?.[1] ?? '?';
			asked.push(name);
			const queue = answers[name];
			if (!queue || queue.length === 0) throw new Error(`unexpected ${name}`);
			const next = queue.length > 1 ? queue.shift() : queue[0];
			if (next instanceof Error) throw next;
			return { data: next as T, apiVersion: '2026-10' };
		},
	};
}

const running: BulkOperationInfo = { id: 'gid://shopify/BulkOperation/1', status: 'CREATED', createdAt: '2026-11-20T10:00:00Z' };

function runAnswer(userErrors: Array<{ message: string; code: string }>) {
	return { bulkOperationRunQuery: { bulkOperation: userErrors.length ? null : running, userErrors } };
}

describe('bulk operation start', () => {
	it.each([
		['OPERATION_IN_PROGRESS', 'already running a bulk query', 'Paged'],
		['LIMIT_REACHED', 'limit of bulk operations', 'later'],
		['INVALID', 'refused the bulk query: bad', 'Search Query'],
	])('%s becomes an error saying what to do', async (code, message, advice) => {
		const client = scripted({ BulkQueryRun: [runAnswer([{ message: 'bad', code }])] });
		const error = (await startBulkOrders(client, '', 'UPDATED_AT', false).catch((e: unknown) => e)) as BulkOperationError;
		expect(error).toBeInstanceOf(BulkOperationError);
		expect(error.code).toBe(code);
		expect(error.message).toContain(message);
		expect(error.advice).toContain(advice);
	});
});

describe('bulk operation polling', () => {
	const sleeps: number[] = [];
	let now = 0;
	const deps = {
		download: async () => nothing(),
		now: () => now,
		sleep: async (ms: number) => {
			sleeps.push(ms);
			now += ms;
		},
	};

	beforeEach(() => {
		sleeps.length = 0;
		now = 0;
	});

	it('polls with backoff until COMPLETED', async () => {
		const done = { ...running, status: 'COMPLETED', url: 'http://x/result.jsonl' };
		const client = scripted({
			BulkOperationStatus: [
				{ bulkOperation: { ...running, status: 'RUNNING' } },
				{ bulkOperation: { ...running, status: 'RUNNING' } },
				{ bulkOperation: done },
			],
		});
		expect(await waitForBulkOperation(client, running, deps)).toEqual(done);
		expect(sleeps).toEqual([1000, 2000, 4000]);
		expect(defaultPollDelayMs(10)).toBe(30_000);
	});

	it.each([
		[{ status: 'FAILED', errorCode: 'TIMEOUT' }, 'FAILED', 'ran longer than Shopify allows', 'shorter date range'],
		[{ status: 'FAILED', errorCode: 'ACCESS_DENIED' }, 'FAILED', 'access scope', 'reinstall'],
		[{ status: 'FAILED', errorCode: 'INTERNAL_SERVER_ERROR', partialDataUrl: 'http://x/partial.jsonl' }, 'PARTIAL_DATA', 'partial results; the node does not use them', 'again'],
		[{ status: 'CANCELED' }, 'CANCELED', 'ended as CANCELED', 'cancelled'],
		[{ status: 'EXPIRED' }, 'EXPIRED', 'ended as EXPIRED', 'expired'],
	])('%j is an error, never partial output', async (finished, code, message, advice) => {
		const client = scripted({ BulkOperationStatus: [{ bulkOperation: { ...running, ...finished } }] });
		const error = (await waitForBulkOperation(client, running, deps).catch((e: unknown) => e)) as BulkOperationError;
		expect(error).toBeInstanceOf(BulkOperationError);
		expect(error.code).toBe(code);
		expect(error.message).toContain(message);
		expect(error.advice).toContain(advice);
		expect(error.describe()).toContain(running.id);
	});

	it('gives up waiting after the limit, saying the operation still runs at Shopify', async () => {
		const client = scripted({ BulkOperationStatus: [{ bulkOperation: { ...running, status: 'RUNNING' } }] });
		const error = (await waitForBulkOperation(client, running, { ...deps, maxWaitMs: 60_000 }).catch((e: unknown) => e)) as BulkOperationError;
		expect(error.code).toBe('WAIT_TIMEOUT');
		expect(error.advice).toContain('keeps running');
	});
});

describe('OrdersReader decisions', () => {
	const base = { filters: {}, sortKey: 'UPDATED_AT' as const, reverse: false, olderThanVisible: 'warn' as const };
	const deps = { download: async () => nothing(), now: () => Date.parse('2026-11-26T00:00:00Z'), sleep: async () => undefined };
	const noScopes = { currentAppInstallation: { accessScopes: [{ handle: 'read_orders' }] } };
	const emptyPage = { orders: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } };

	async function drain(reader: OrdersReader): Promise<void> {
		for await (const order of reader.orders()) void order;
	}

	it('Auto pages when ordersCount is at most the threshold, and asks for bulk above it', async () => {
		const small = scripted({ AppAccessScopes: [noScopes], OrdersCount: [{ ordersCount: { count: 2500, precision: 'EXACT' } }], OrderIdsPage: [emptyPage] });
		const pagedReader = new OrdersReader(small, { ...base, mode: 'auto' }, deps);
		await drain(pagedReader);
		expect(pagedReader.summary.mode).toBe('paged');
		expect(small.asked).toEqual(['AppAccessScopes', 'OrdersCount', 'OrderIdsPage']);

		const big = scripted({
			AppAccessScopes: [noScopes],
			OrdersCount: [{ ordersCount: { count: 2501, precision: 'EXACT' } }],
			BulkQueryRun: [runAnswer([])],
			BulkOperationStatus: [{ bulkOperation: { ...running, status: 'COMPLETED', url: null } }],
		});
		const bulkReader = new OrdersReader(big, { ...base, mode: 'auto' }, deps);
		await drain(bulkReader);
		expect(bulkReader.summary.mode).toBe('bulk');
		expect(bulkReader.summary.returned).toBe(0);
	});

	it('does not count when a limit within the threshold is set', async () => {
		const client = scripted({ AppAccessScopes: [noScopes], OrderIdsPage: [emptyPage] });
		await drain(new OrdersReader(client, { ...base, mode: 'auto', limit: 100 }, deps));
		expect(client.asked).not.toContain('OrdersCount');
	});

	it('warns, or fails when asked, if the filters reach past 60 days without read_all_orders', async () => {
		const warned = new OrdersReader(scripted({ AppAccessScopes: [noScopes], OrderIdsPage: [emptyPage] }), { ...base, mode: 'paged' }, deps);
		await drain(warned);
		expect(warned.summary.warnings.join()).toContain('read_all_orders');

		const failing = new OrdersReader(scripted({ AppAccessScopes: [noScopes] }), { ...base, mode: 'paged', olderThanVisible: 'error' }, deps);
		await expect(drain(failing)).rejects.toBeInstanceOf(OrdersVisibilityError);

		const allowed = scripted({ AppAccessScopes: [{ currentAppInstallation: { accessScopes: [{ handle: 'read_all_orders' }] } }], OrderIdsPage: [emptyPage] });
		const quiet = new OrdersReader(allowed, { ...base, mode: 'paged', olderThanVisible: 'error' }, deps);
		await drain(quiet);
		expect(quiet.summary.warnings).toEqual([]);

		const recent = scripted({ OrderIdsPage: [emptyPage] });
		await drain(new OrdersReader(recent, { ...base, filters: { createdSince: '2026-11-01' }, mode: 'paged' }, deps));
		expect(recent.asked).toEqual(['OrderIdsPage']);
	});

	it('reports a refused token from the scope check instead of hiding it', async () => {
		const refused = scripted({ AppAccessScopes: [new ShopifyApiError('Shopify rejected the access token', { code: 'HTTP_401', status: 401 })] });
		await expect(drain(new OrdersReader(refused, { ...base, mode: 'paged' }, deps))).rejects.toThrow('rejected the access token');
	});
});
