import type { IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { UnusableOrderError } from '../../lib/shopify/orders/answerShape';
import type { GqlOrder } from '../../lib/shopify/orders/orderSelection';
import { normalizeGraphqlOrder } from '../../lib/shopify/orders/normalizeGraphqlOrder';
import type { PosOrder } from '../../lib/shopify/orders/posOrder';
import { saleChanges, type StockChange } from '../../lib/shopify/orders/stockChanges';
import { OrdersReader } from '../../lib/shopify/orders/ordersReader';
import { orderSearchQuery } from '../../lib/shopify/orders/searchQuery';
import { shopifyClientFor } from '../shared/shopifyClient';
import { forgetCursor, loadCursor, saveCursor } from './cursorStore';
import { n8nDownloadStream } from './downloadStream';
import { readGetOrdersParameters } from './readGetOrdersParameters';
import { toNodeError } from '../shared/nodeError';

/** One run of the orders reader per input item; one output item per order, paired with that input item. */
export async function executeGetOrders(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	const staticData = this.getWorkflowStaticData('node');
	const client = await shopifyClientFor(this);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const parameters = readGetOrdersParameters(this, itemIndex);
			const cursorKey = orderSearchQuery(parameters.filters);
			if (parameters.onlyChanges && parameters.resetCursor) forgetCursor(staticData, cursorKey);
			const reader = new OrdersReader(
				client,
				{
					filters: parameters.filters,
					sortKey: parameters.sortKey,
					reverse: parameters.reverse,
					limit: parameters.limit,
					mode: parameters.mode,
					bulkThreshold: parameters.bulkThreshold,
					olderThanVisible: parameters.olderThanVisible,
					searchWarnings: parameters.searchWarnings,
					changesSince: parameters.onlyChanges
						? { cursor: loadCursor(staticData, cursorKey), overlapMs: parameters.cursorOverlapMs }
						: undefined,
				},
				{ download: n8nDownloadStream(this) },
			);
			output.push(...(await orderItems(this, reader, parameters.output, itemIndex)));
			const { summary } = reader;
			if (parameters.onlyChanges) saveCursor(staticData, cursorKey, summary.nextCursor);
			for (const warning of summary.warnings) {
				this.logger.warn(warning);
				this.addExecutionHints({ message: warning, type: 'warning', location: 'outputPane' });
			}
			this.logger.info(
				`Shopify Get Orders: ${summary.returned} orders (${summary.mode} mode, ${summary.stats.requests} requests, ` +
					`${summary.stats.actualCost} cost points) for "${summary.search}"`,
			);
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, itemIndex);
			if (this.continueOnFail()) {
				output.push({ json: { error: nodeError.message, description: nodeError.description ?? null }, pairedItem: { item: itemIndex } });
				continue;
			}
			throw nodeError;
		}
	}
	return [output];
}

/** One item per order of the run; one that cannot be delivered is its own item, or fails the run naming it. */
async function orderItems(ctx: IExecuteFunctions, reader: OrdersReader, output: 'posOrder' | 'raw', itemIndex: number): Promise<INodeExecutionData[]> {
	const items: INodeExecutionData[] = [];
	for await (const entry of reader.entries()) {
		const delivered = entry.order ? deliverable(entry.order, output) : entry;
		if (delivered.failure) {
			if (entry.order) reader.notDelivered(entry.order);
			if (!ctx.continueOnFail()) throw toNodeError(ctx.getNode(), delivered.failure, itemIndex);
			items.push({ json: failedOrderJson(delivered.failure), pairedItem: { item: itemIndex } });
			continue;
		}
		items.push({ json: delivered.json, pairedItem: { item: itemIndex } });
	}
	return items;
}

/** The order as the chosen output, or why it cannot be (an amount beyond what minor units can hold…). */
function deliverable(order: GqlOrder, output: 'posOrder' | 'raw'): { json: JsonObject; failure?: undefined } | { failure: UnusableOrderError } {
	if (output === 'raw') return { json: order as unknown as JsonObject };
	try {
		return { json: withSales(normalizeGraphqlOrder(order)) as unknown as JsonObject };
	} catch (error) {
		return {
			failure: new UnusableOrderError(
				order.id,
				`Order ${order.name ?? ''} (${order.id}) cannot be made POS-ready: ${(error as Error).message}`,
				'Correct the order in Shopify, or read it with Output "Raw". The change position stays before this order, so it is offered again.',
			),
		};
	}
}

function failedOrderJson(failure: UnusableOrderError): JsonObject {
	return { error: failure.message, description: failure.advice, orderId: failure.orderId };
}

/**
 * Get Orders reads orders, not events: each POS-ready order carries its sale, keyed as the triggers key it,
 * so an order read again (a later run, a trigger that saw it too) names the same changes and the POS step's
 * idempotency absorbs the repeat.
 */
function withSales(order: PosOrder): PosOrder & { stockChanges: StockChange[] } {
	return { ...order, stockChanges: saleChanges(order) };
}
