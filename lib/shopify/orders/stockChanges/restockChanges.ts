import { exactIdText } from '../exactIdJson';
import { gidFromNumericId, utcTimestamp } from '../ids';
import { restockKey } from './stockChangeKeys';
import type { StockChange } from './stockChange';

/**
 * Shopify's refund line `restock_type` (REST spelling; GraphQL RefundLineItemRestockType):
 * - `return`: fulfilled items came back and were made available again;
 * - `cancel`: unfulfilled items were cancelled and made available again (what a cancellation with restock
 *   records);
 * - `legacy_restock`: deprecated; made available again without saying which of the two (old refunds only:
 *   Shopify no longer accepts it for new refunds);
 * - `no_restock`: money only, stock unchanged.
 * Refunds from before `restock_type` existed say so only with the refund's own `restock: true`.
 */
const RESTOCKING_TYPES = new Set(['return', 'cancel', 'legacy_restock']);

export interface RestRefundLineItem {
	id?: number | string;
	quantity?: number;
	line_item_id?: number | string;
	restock_type?: string | null;
	line_item?: { admin_graphql_api_id?: string; sku?: string | null; id?: number | string } | null;
}

/** A refund as refunds/create sends it, or as an order payload's `refunds[]` holds it, read with exact ids. */
export interface RestRefund {
	id?: number | string;
	admin_graphql_api_id?: string;
	order_id?: number | string;
	created_at?: string | null;
	processed_at?: string | null;
	restock?: boolean | null;
	refund_line_items?: RestRefundLineItem[];
}

function restocks(refund: RestRefund, line: RestRefundLineItem): boolean {
	if (line.restock_type) return RESTOCKING_TYPES.has(line.restock_type);
	return refund.restock === true;
}

function refundLegacyId(refund: RestRefund): string {
	const fromGid = refund.admin_graphql_api_id?.split('/').pop();
	const id = exactIdText(refund.id) ?? (fromGid && /^\d+$/.test(fromGid) ? fromGid : null);
	if (!id) throw new Error('The refund has no usable id (id or admin_graphql_api_id).');
	return id;
}

/**
 * One restock per refund line that put stock back (see RESTOCKING_TYPES), with the line's SKU as the refund
 * carries it. `orderName` where the caller knows it (the orders/cancelled payload); refunds/create does not.
 */
export function restockChanges(refund: RestRefund, orderName: string | null = null): StockChange[] {
	const refundId = refundLegacyId(refund);
	const orderLegacyId = exactIdText(refund.order_id);
	const orderId = gidFromNumericId('Order', orderLegacyId ?? undefined);
	if (!orderId || !orderLegacyId) throw new Error(`Refund ${refundId} names no usable order (order_id).`);
	const occurredAt = utcTimestamp(refund.processed_at ?? refund.created_at ?? null) ?? '';
	const orderLabel = orderName ? `order ${orderName}` : `order ${orderLegacyId}`;
	const changes: StockChange[] = [];
	for (const line of refund.refund_line_items ?? []) {
		if (!restocks(refund, line) || !line.quantity || line.quantity <= 0) continue;
		const refundLineId = exactIdText(line.id);
		const lineItemId = line.line_item?.admin_graphql_api_id ?? gidFromNumericId('LineItem', exactIdText(line.line_item_id) ?? undefined);
		if (!refundLineId || !lineItemId) throw new Error(`A line of refund ${refundId} has no usable id (id, line_item_id).`);
		changes.push({
			key: restockKey(refundId, refundLineId),
			sku: line.line_item?.sku || null,
			quantity: line.quantity,
			lineItemId,
			orderId,
			orderName,
			cause: 'restock',
			occurredAt,
			reference: `Shopify ${orderLabel} refund ${refundId}, line ${lineItemId.split('/').pop()}`,
		});
	}
	return changes;
}
