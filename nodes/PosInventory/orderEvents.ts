import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { SkuResolution } from '../../lib/pos/catalog/resolveSkus';
import type { MappedStockChange } from '../../lib/pos/inventory/inventoryVendor';
import { readStockChanges, StockChangeInputError, type StockChange } from '../../lib/pos/inventory/stockChange';
import { failed, type Routed } from './outputItems';
import { toNodeError } from '../shared/nodeError';

/** One input item: a POS-ready Shopify order event and the stock changes it carries. */
export interface OrderEvent {
	index: number;
	json: IDataObject;
	changes: StockChange[];
}

/**
 * Reads every item's `stockChanges` before anything is sent, so a wiring mistake stops the run (or, with
 * "On Error: Continue", sends those items to "Failed / Not Mapped") before any stock moves.
 */
export function readOrderEvents(context: IExecuteFunctions): { events: OrderEvent[]; rejected: Routed[] } {
	const events: OrderEvent[] = [];
	const rejected: Routed[] = [];
	context.getInputData().forEach((item, index) => {
		try {
			events.push({ index, json: item.json, changes: readStockChanges(item.json) });
		} catch (error) {
			if (!(error instanceof StockChangeInputError) || !context.continueOnFail()) throw toNodeError(context.getNode(), error, index);
			rejected.push(failed(undefined, 'failed', error.message, { orderId: (item.json.id as string) ?? null }, index));
		}
	});
	return { events, rejected };
}

export function readLocationId(context: IExecuteFunctions): string {
	const locationId = String(context.getNodeParameter('locationId', 0, '') ?? '').trim();
	if (locationId === '') {
		throw new NodeOperationError(context.getNode(), 'Location ID is empty', { description: 'Run the List Locations operation once and copy the ID of the location whose stock this workflow keeps.' });
	}
	return locationId;
}

/** How one event's changes map: moving ones with their item, lines without a SKU, SKUs the POS lacks. */
export interface EventMapping {
	mapped: MappedStockChange[];
	withoutSku: StockChange[];
	problems: string[];
	unmappedSkus: string[];
}

export function mapEvent(changes: StockChange[], resolution: SkuResolution): EventMapping {
	const result: EventMapping = { mapped: [], withoutSku: [], problems: [], unmappedSkus: [] };
	for (const change of changes) {
		if (change.sku === null) {
			result.withoutSku.push(change);
			continue;
		}
		const itemId = resolution.mapped.get(change.sku);
		if (itemId !== undefined) {
			result.mapped.push({ change, itemId });
			continue;
		}
		if (!result.unmappedSkus.includes(change.sku)) {
			result.unmappedSkus.push(change.sku);
			result.problems.push(resolution.problems.get(change.sku)?.message ?? `SKU "${change.sku}" was not looked up.`);
		}
	}
	return result;
}

export function orderSummary(event: OrderEvent): IDataObject {
	const first = event.changes[0];
	return {
		orderId: first?.orderId ?? (event.json.id as string | undefined) ?? null,
		orderName: first?.orderName ?? (event.json.name as string | undefined) ?? null,
	};
}

export function changeSummary(mapped: MappedStockChange): IDataObject {
	const { change, itemId } = mapped;
	return { key: change.key, sku: change.sku, itemId, quantity: change.quantity, cause: change.cause, lineItemId: change.lineItemId };
}

export function skippedSummary(change: StockChange): IDataObject {
	return { key: change.key, lineItemId: change.lineItemId, quantity: change.quantity, reason: 'The Shopify line has no SKU, so no POS item can be named for it.' };
}
