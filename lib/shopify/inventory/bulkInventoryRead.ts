import { BULK_QUERY_RUN } from '../operations/bulk';
import { BulkOperationError } from '../orders/bulkOperationError';
import { waitForBulkOperation, type BulkDeps } from '../orders/bulkOrders';
import type { GraphqlClient } from '../orders/graphqlClient';
import { jsonlLines } from '../orders/jsonlLines';
import { bulkInventoryQuery } from './bulkInventoryQuery';
import { quantitiesOf, type GqlLevel } from './levelRows';
import { recordCall, type InventoryLevelRow, type ReadStats } from './levelTypes';
import type { LocationRecord } from './resolveTargets';

interface RunPayload {
	bulkOperationRunQuery: {
		bulkOperation: { id: string; status: string; createdAt: string } | null;
		userErrors: Array<{ field?: string[] | null; message: string; code?: string | null }>;
	};
}

interface BulkItem {
	id: string;
	sku: string | null;
	tracked: boolean;
	variantId: string | null;
	levels: GqlLevel[];
}

async function startBulkInventory(client: GraphqlClient, names: ReadonlyArray<string>, stats: ReadStats) {
	const response = await client.request<RunPayload>(BULK_QUERY_RUN, { query: bulkInventoryQuery(names) });
	recordCall(stats, response);
	const { bulkOperation, userErrors } = response.data.bulkOperationRunQuery;
	const error = userErrors[0];
	if (error?.code === 'OPERATION_IN_PROGRESS') {
		throw new BulkOperationError(
			`Shopify is already running a bulk query for this app on this store: ${error.message}`,
			'OPERATION_IN_PROGRESS',
			'Wait until it finishes, or set Fetch Mode to "Paged" for this run.',
		);
	}
	if (error || !bulkOperation) {
		throw new BulkOperationError(
			`Shopify refused the bulk inventory read: ${error?.message ?? 'no reason given'}`,
			error?.code ?? 'INVALID',
			'Set Fetch Mode to "Paged" for this run.',
		);
	}
	return bulkOperation;
}

/** Joins the JSONL lines to items: a variant line and level lines follow their item (`__parentId`). */
async function itemsOfJsonl(lines: AsyncIterable<string>): Promise<Map<string, BulkItem>> {
	const items = new Map<string, BulkItem>();
	for await (const line of lines) {
		const record = JSON.parse(line) as Record<string, unknown>;
		const parentId = record.__parentId as string | undefined;
		if (!parentId) {
			items.set(record.id as string, { id: record.id as string, sku: (record.sku as string | null) ?? null, tracked: record.tracked === true, variantId: null, levels: [] });
			continue;
		}
		const parent = items.get(parentId);
		if (!parent) continue;
		if ('location' in record) parent.levels.push(record as unknown as GqlLevel);
		else if (typeof record.id === 'string' && record.id.includes('/ProductVariant/') && parent.variantId === null) parent.variantId = record.id;
	}
	return items;
}

/**
 * A whole catalogue's stock through one bulk operation (for large stores: it costs ~10 points instead of
 * thousands): run, poll, stream the JSONL, and keep the levels at the wanted locations of tracked items.
 */
export async function bulkInventoryRead(
	client: GraphqlClient,
	locations: ReadonlyArray<LocationRecord>,
	names: ReadonlyArray<string>,
	deps: BulkDeps,
	stats: ReadStats,
): Promise<InventoryLevelRow[]> {
	stats.bulk = true;
	const started = await startBulkInventory(client, names, stats);
	const counting: GraphqlClient = {
		request: async (document, variables, options) => {
			const response = await client.request(document, variables, options);
			recordCall(stats, response);
			return response as never;
		},
		get throttleStatus() {
			return client.throttleStatus;
		},
	};
	const completed = await waitForBulkOperation(counting, started, deps);
	if (!completed.url) return [];
	const items = await itemsOfJsonl(jsonlLines(await deps.download(completed.url)));
	const wanted = new Map(locations.map((location) => [location.id, location]));
	const rows: InventoryLevelRow[] = [];
	for (const item of items.values()) {
		if (!item.tracked) continue;
		for (const level of item.levels) {
			const location = level.location ? wanted.get(level.location.id) : undefined;
			if (!location) continue;
			rows.push({
				sku: item.sku,
				variantId: item.variantId,
				inventoryItemId: item.id,
				locationId: location.id,
				locationName: location.name,
				tracked: true,
				quantities: quantitiesOf(level),
				updatedAt: level.updatedAt ?? null,
			});
		}
	}
	return rows;
}
