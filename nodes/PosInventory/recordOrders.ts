import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import type { SkuResolution } from '../../lib/pos/catalog/resolveSkus';
import type { InventoryVendor } from '../../lib/pos/inventory/inventoryVendor';
import { PosCallFailedError } from '../../lib/pos/inventory/posJsonTransport';
import { OrderModelError } from '../../lib/pos/square/orderBody';
import type { PosOrder } from '../../lib/shopify/orders/posOrder';
import { done, failed, splitOutputs, type Routed } from './outputItems';
import { changeSummary, mapEvent, orderSummary, readLocationId, readOrderEvents, skippedSummary, type OrderEvent } from './orderEvents';
import { connectToPos, type PosConnection } from './posInventoryTransport';
import { mapSkus } from './skuMapping';
import { toNodeError } from '../shared/nodeError';

/** The POS-ready order fields a recorded order is built from; a missing one is named. */
function posOrderOf(json: IDataObject): PosOrder | string {
	for (const field of ['legacyId', 'name', 'lineItems', 'shippingLines', 'originalTotals', 'currency']) {
		if (json[field] === undefined || json[field] === null) {
			return `The item lacks the order's "${field}": Record Shopify Orders needs the POS-ready order (Shopify Order Trigger, Polling Trigger or Get Orders with Output "POS-Ready").`;
		}
	}
	return json as unknown as PosOrder;
}

function orderSkus(order: PosOrder): string[] {
	return order.lineItems.filter((line) => line.originalQuantity > 0 && line.sku !== null).map((line) => line.sku as string);
}

/** A new order: CreateOrder + EXTERNAL payment (the POS moves the stock), never also a stock adjustment. */
async function recordSale(node: INode, vendor: InventoryVendor, pos: PosConnection, event: OrderEvent, resolution: SkuResolution, locationId: string): Promise<Routed> {
	const summary: IDataObject = { vendor: vendor.id, locationId, ...orderSummary(event) };
	const order = posOrderOf(event.json);
	if (typeof order === 'string') return failed(pos, 'failed', order, summary, event.index);
	const unmapped = [...new Set(orderSkus(order).filter((sku) => !resolution.mapped.has(sku)))];
	if (unmapped.length > 0) {
		const messages = unmapped.map((sku) => resolution.problems.get(sku)?.message ?? `SKU "${sku}" was not looked up.`);
		return failed(pos, 'notMapped', messages.join(' '), { ...summary, unmappedSkus: unmapped }, event.index);
	}
	try {
		const outcome = await vendor.recordOrder(pos.transport, locationId, order, resolution.mapped, pos.settings);
		if (!outcome.ok) return failed(pos, 'failed', `${vendor.displayName} refused the order: ${outcome.failure.reason}`, { ...summary, calls: outcome.calls as never }, event.index, outcome.failure);
		return done({ ...summary, outcome: 'recorded', ...outcome.result, calls: outcome.calls as never }, event.index);
	} catch (error) {
		if (error instanceof OrderModelError) return failed(pos, 'failed', error.message, summary, event.index);
		throw toNodeError(node, error, event.index);
	}
}

/**
 * A refund with restock or an edit of an order already recorded: the stock moves by the difference (so
 * stock stays exact), and the item goes to "Failed / Not Mapped" because the recorded POS order still
 * shows the lines as placed; the message says so, never silently.
 */
async function followUp(vendor: InventoryVendor, pos: PosConnection, event: OrderEvent, resolution: SkuResolution, locationId: string): Promise<Routed> {
	const changes = event.changes.filter((change) => change.cause !== 'sale');
	const summary: IDataObject = { vendor: vendor.id, locationId, ...orderSummary(event) };
	const mapping = mapEvent(changes, resolution);
	if (mapping.problems.length > 0) return failed(pos, 'notMapped', mapping.problems.join(' '), { ...summary, unmappedSkus: mapping.unmappedSkus, stockChanges: changes as never }, event.index);
	const moving = mapping.mapped.filter((mapped) => mapped.change.quantity !== 0);
	const outcome = moving.length > 0 ? await vendor.moveStock(pos.transport, locationId, moving, Date.now(), pos.settings, pos.writeRecord(locationId)) : { ok: true as const, calls: [] };
	if (!outcome.ok) return failed(pos, 'failed', `${vendor.displayName} refused the stock change: ${outcome.failure.reason}`, { ...summary, stockChanges: changes as never }, event.index, outcome.failure);
	const causes = [...new Set(changes.map((change) => change.cause))].join(' and ');
	const message =
		`Stock moved in ${vendor.displayName} for the ${causes} of order ${String(summary.orderName ?? summary.orderId)} (${moving.length} change(s)), ` +
		`but the ${vendor.displayName} order recorded for it still shows the lines as placed: this node does not change a paid ${vendor.displayName} order. ` +
		`Refund or adjust it in the ${vendor.displayName} Dashboard if its lines must match. Sending this item again moves nothing twice.`;
	return failed(pos, 'orderNotUpdated', message, { ...summary, stockMoved: true, changes: moving.map(changeSummary), skipped: mapping.withoutSku.map(skippedSummary), calls: outcome.calls as never }, event.index);
}

export async function recordShopifyOrders(this: IExecuteFunctions, vendor: InventoryVendor): Promise<INodeExecutionData[][]> {
	const locationId = readLocationId(this);
	const { events, rejected } = readOrderEvents(this);
	const pos = await connectToPos(this, 'POS Inventory', vendor);
	const skus = events.flatMap((event) => {
		const order = event.changes.some((change) => change.cause === 'sale') ? posOrderOf(event.json) : undefined;
		const fromOrder = order && typeof order !== 'string' ? orderSkus(order) : [];
		return [...fromOrder, ...event.changes.map((change) => change.sku).filter((sku): sku is string => sku !== null)];
	});
	let resolution: SkuResolution;
	try {
		resolution = await mapSkus(this, vendor, pos, skus, locationId);
	} catch (error) {
		if (!(error instanceof PosCallFailedError)) throw toNodeError(this.getNode(), error);
		const reason = `Looking up SKUs in ${vendor.displayName} failed, so nothing was recorded: ${error.message}`;
		return splitOutputs([...rejected, ...events.map((event) => failed(pos, 'failed', reason, { vendor: vendor.id, locationId, ...orderSummary(event) }, event.index, error.result))]);
	}
	const routed: Routed[] = [...rejected];
	for (const event of events) {
		if (event.changes.some((change) => change.cause === 'sale')) routed.push(await recordSale(this.getNode(), vendor, pos, event, resolution, locationId));
		if (event.changes.some((change) => change.cause !== 'sale')) routed.push(await followUp(vendor, pos, event, resolution, locationId));
		if (event.changes.length === 0) routed.push(done({ vendor: vendor.id, locationId, ...orderSummary(event), outcome: 'nothingToRecord', calls: [] }, event.index));
	}
	return splitOutputs(routed.sort((a, b) => (a.item.pairedItem as { item: number }).item - (b.item.pairedItem as { item: number }).item));
}
