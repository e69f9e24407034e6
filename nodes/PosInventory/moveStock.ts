import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { SkuResolution } from '../../lib/pos/catalog/resolveSkus';
import type { InventoryVendor } from '../../lib/pos/inventory/inventoryVendor';
import { PosCallFailedError } from '../../lib/pos/inventory/posJsonTransport';
import { done, failed, splitOutputs, type Routed } from './outputItems';
import { changeSummary, mapEvent, orderSummary, readLocationId, readOrderEvents, skippedSummary, type OrderEvent } from './orderEvents';
import { connectToPos, type PosConnection } from './posInventoryTransport';
import { mapSkus } from './skuMapping';
import { toNodeError } from '../shared/nodeError';

/**
 * Stock only: each event's changes in one stock write (≤ 100 a call), so a warm SKU map costs one POS
 * call per order. All of an order's SKUs must map or none of it moves: the write's idempotency key
 * comes from the whole set of changes, so a later retry of the same order can never move part twice.
 */
async function moveEvent(vendor: InventoryVendor, pos: PosConnection, event: OrderEvent, resolution: SkuResolution, locationId: string): Promise<Routed> {
	const mapping = mapEvent(event.changes, resolution);
	const summary: IDataObject = { vendor: vendor.id, locationId, ...orderSummary(event) };
	if (mapping.problems.length > 0) {
		return failed(pos, 'notMapped', mapping.problems.join(' '), { ...summary, unmappedSkus: mapping.unmappedSkus, stockChanges: event.changes as never }, event.index);
	}
	const moving = mapping.mapped.filter((mapped) => mapped.change.quantity !== 0);
	const skipped = mapping.withoutSku.map(skippedSummary);
	if (moving.length === 0) return done({ ...summary, outcome: 'nothingToMove', changes: [], skipped, calls: [] }, event.index);
	const outcome = await vendor.moveStock(pos.transport, locationId, moving, Date.now(), pos.settings, pos.writeRecord(locationId));
	if (!outcome.ok) {
		return failed(pos, 'failed', `${vendor.displayName} refused the stock change: ${outcome.failure.reason}`, { ...summary, stockChanges: event.changes as never }, event.index, outcome.failure);
	}
	return done({ ...summary, outcome: 'moved', changes: moving.map(changeSummary), skipped, calls: outcome.calls as never }, event.index);
}

export async function moveStockForOrders(this: IExecuteFunctions, vendor: InventoryVendor): Promise<INodeExecutionData[][]> {
	const locationId = readLocationId(this);
	const { events, rejected } = readOrderEvents(this);
	const pos = await connectToPos(this, 'POS Inventory', vendor);
	const skus = events.flatMap((event) => event.changes.map((change) => change.sku).filter((sku): sku is string => sku !== null));
	let resolution: SkuResolution;
	try {
		resolution = await mapSkus(this, vendor, pos, skus, locationId);
	} catch (error) {
		if (!(error instanceof PosCallFailedError)) throw toNodeError(this.getNode(), error);
		const reason = `Looking up SKUs in ${vendor.displayName} failed, so no stock moved: ${error.message}`;
		return splitOutputs([...rejected, ...events.map((event) => failed(pos, 'failed', reason, { vendor: vendor.id, locationId, ...orderSummary(event), stockChanges: event.changes as never }, event.index, error.result))]);
	}
	const routed: Routed[] = [...rejected];
	for (const event of events) routed.push(await moveEvent(vendor, pos, event, resolution, locationId));
	return splitOutputs(routed.sort((a, b) => (a.item.pairedItem as { item: number }).item - (b.item.pairedItem as { item: number }).item));
}
