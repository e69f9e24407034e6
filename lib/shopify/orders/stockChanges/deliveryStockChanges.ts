import { parseJsonWithExactIds } from '../exactIdJson';
import type { PosOrder } from '../posOrder';
import { readOrderEdit, type OrderEditSubject } from './editChanges';
import { restockChanges, type RestRefund } from './restockChanges';
import { saleChanges } from './saleChanges';
import type { StockChange } from './stockChange';

/**
 * How long after its creation an order's first sighting through another order topic (orders/updated,
 * orders/paid, …) still counts as its sale. Shopify delivers topics unordered and retries for 4 hours, so an
 * order's orders/updated can arrive before its orders/create, which is then dropped as the same order change:
 * the first delivery to show a recent order carries its sale. It must stay below the trigger's memory of
 * 48 hours, so an order past it can never be "first seen" twice.
 */
export const FIRST_SIGHT_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The stock effect of one verified delivery; an order edit still needs its lines' SKUs (fetchEditedOrderLines). */
export interface DeliveryStockPlan {
	changes: StockChange[];
	edit?: OrderEditSubject;
}

/**
 * What a delivery means for the POS's stock:
 * - orders/create: the order's sale, one change per line;
 * - refunds/create: a restock per refund line that Shopify restocked (`return`, `cancel`, `legacy_restock`);
 * - orders/edited: an edit change per added or removed line (after the SKU lookup);
 * - orders/cancelled: the restocks of the refunds the payload holds, keyed like refunds/create so the two
 *   paths name one restock alike (and a sale when the cancelled order is itself first seen, see below);
 * - orders/updated, paid, fulfilled, partially_fulfilled: nothing by themselves (payment and fulfilment move
 *   no POS stock; Shopify reports quantity changes as orders/edited and restocks as refunds), except the
 *   sale of an order created within FIRST_SIGHT_WINDOW_MS, which the trigger keeps only when no earlier
 *   delivery or poll carried it;
 * - orders/delete: nothing (Shopify deletes only cancelled or archived orders; their stock moved then).
 * `order` is the POS-ready order of an order-bearing topic, null for refunds, edits and deletions.
 */
export function planDeliveryStockChanges(topic: string, rawText: string, order: PosOrder | null, receivedAtMs: number): DeliveryStockPlan {
	if (topic === 'refunds/create') return { changes: restockChanges(parseJsonWithExactIds(rawText) as RestRefund) };
	if (topic === 'orders/edited') return { changes: [], edit: readOrderEdit(parseJsonWithExactIds(rawText) as object) };
	if (!order) return { changes: [] };
	const sales = topic === 'orders/create' || isRecent(order.createdAt, receivedAtMs) ? saleChanges(order) : [];
	if (topic !== 'orders/cancelled') return { changes: sales };
	const payload = parseJsonWithExactIds(rawText) as CancelledOrderPayload;
	return { changes: [...sales, ...cancellationRestocks(payload, order, receivedAtMs)] };
}

function isRecent(timestamp: string | null | undefined, nowMs: number): boolean {
	const time = Date.parse(timestamp ?? '');
	return !Number.isNaN(time) && nowMs - time <= FIRST_SIGHT_WINDOW_MS;
}

export interface CancelledOrderPayload {
	id?: number | string;
	refunds?: RestRefund[];
}

/**
 * Restocks recorded on a cancelled order. What Shopify documents: `orderCancel(restock: true)` restocks "the
 * inventory committed to the order"; the refund line type CANCEL is for "restocking unfulfilled line items";
 * the admin help says a cancellation stores what was restocked and refunded on the order. What it does not
 * say is that every cancellation with restock creates a refund announced as refunds/create (an unpaid order,
 * or "refund later"). So the cancellation's own payload is read as well, under the refund keys: whichever of
 * refunds/create and orders/cancelled arrives first moves the stock, the other is recognised. A cancellation
 * without refund lines says nothing about restocking, and nothing is guessed. Only refunds from
 * the last FIRST_SIGHT_WINDOW_MS count: the payload lists every refund the order ever had, and older ones
 * moved stock through their own refunds/create (the trigger's memory would no longer recognise them).
 */
export function cancellationRestocks(payload: CancelledOrderPayload, order: PosOrder, receivedAtMs: number): StockChange[] {
	return (payload.refunds ?? [])
		.filter((refund) => isRecent(refund.processed_at ?? refund.created_at, receivedAtMs))
		.flatMap((refund) => restockChanges({ ...refund, order_id: refund.order_id ?? order.legacyId }, order.name || null));
}
