import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { DEFAULT_BULK_THRESHOLD, type FetchMode } from '../../lib/shopify/orders/ordersReader';
import type { OrderFilters, OrderSortKey } from '../../lib/shopify/orders/orderFilters';
import { searchTimestamp } from '../../lib/shopify/orders/searchQuery';
import { instantInZone } from '../../lib/shopify/orders/wallClockTime';
import type { SearchWarningPolicy } from '../../lib/shopify/searchWarnings';
import { toNodeError } from '../shared/nodeError';
import { DEFAULT_CHANGE_OVERLAP_SECONDS } from '../../lib/shopify/orders/changeCursor';

export interface GetOrdersParameters {
	output: 'posOrder' | 'raw';
	onlyChanges: boolean;
	resetCursor: boolean;
	cursorOverlapMs: number;
	limit?: number;
	filters: OrderFilters;
	sortKey: OrderSortKey;
	reverse: boolean;
	mode: FetchMode;
	bulkThreshold: number;
	olderThanVisible: 'warn' | 'error';
	searchWarnings: SearchWarningPolicy;
}

const DATE_FILTERS = ['createdSince', 'createdUntil', 'updatedSince', 'updatedUntil', 'processedSince', 'processedUntil'] as const;

function list(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String).map((item) => item.trim()).filter(Boolean);
	if (typeof value === 'string') return value.split(',').map((item) => item.trim()).filter(Boolean);
	return [];
}

/** Reads and checks the parameters of one input item; a bad value is a NodeOperationError naming it. */
export function readGetOrdersParameters(ctx: IExecuteFunctions, itemIndex: number): GetOrdersParameters {
	const filtersIn = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const filters: OrderFilters = {
		financialStatuses: list(filtersIn.financialStatuses),
		fulfillmentStatuses: list(filtersIn.fulfillmentStatuses),
		status: (filtersIn.status as OrderFilters['status']) ?? 'any',
		tagsAny: list(filtersIn.tagsAny),
		tagsNone: list(filtersIn.tagsNone),
		salesChannel: typeof filtersIn.salesChannel === 'string' ? filtersIn.salesChannel : undefined,
		testOrders: (filtersIn.testOrders as OrderFilters['testOrders']) ?? 'include',
		skipPosOrders: ctx.getNodeParameter('skipPosOrders', itemIndex, true) as boolean,
		rawQuery: typeof filtersIn.searchQuery === 'string' ? filtersIn.searchQuery : undefined,
	};
	for (const name of DATE_FILTERS) {
		const value = filtersIn[name];
		if (value === undefined || value === null || value === '') continue;
		// A picked date has no offset and means the workflow's time zone; an expression may carry its own.
		const text = value instanceof Date ? value.toISOString() : instantInZone(String(value), ctx.getTimezone());
		try {
			filters[name] = searchTimestamp(text, name.replace(/(Since|Until)$/, ' $1').toLowerCase());
		} catch (error) {
			throw toNodeError(ctx.getNode(), error, itemIndex);
		}
	}
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (ctx.getNodeParameter('limit', itemIndex, 50) as number);
	if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
		throw new NodeOperationError(ctx.getNode(), `Limit must be a whole number of at least 1, not ${limit}.`, { itemIndex });
	}
	const bulkThreshold = Number(options.bulkThreshold ?? DEFAULT_BULK_THRESHOLD);
	const overlapSeconds = Number(options.cursorOverlapSeconds ?? DEFAULT_CHANGE_OVERLAP_SECONDS);
	if (!Number.isFinite(overlapSeconds) || overlapSeconds < 0) {
		throw new NodeOperationError(ctx.getNode(), `Change Overlap must be 0 or more seconds, not ${String(options.cursorOverlapSeconds)}.`, { itemIndex });
	}
	return {
		output: ctx.getNodeParameter('output', itemIndex, 'posOrder') as 'posOrder' | 'raw',
		onlyChanges: ctx.getNodeParameter('onlyChanges', itemIndex, false) as boolean,
		resetCursor: options.resetCursor === true,
		cursorOverlapMs: overlapSeconds * 1000,
		limit,
		filters,
		sortKey: (options.sortBy as OrderSortKey) ?? 'UPDATED_AT',
		reverse: options.sortDirection === 'desc',
		mode: (options.fetchMode as FetchMode) ?? 'auto',
		bulkThreshold: Number.isFinite(bulkThreshold) && bulkThreshold >= 1 ? bulkThreshold : DEFAULT_BULK_THRESHOLD,
		olderThanVisible: options.olderThanVisible === 'error' ? 'error' : 'warn',
		searchWarnings: options.searchWarnings === 'warn' ? 'warn' : 'error',
	};
}
