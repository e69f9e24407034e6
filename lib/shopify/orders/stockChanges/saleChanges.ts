import type { PosOrder } from '../posOrder';
import { saleKey } from './stockChangeKeys';
import type { StockChange } from './stockChange';

/**
 * A newly seen order: one sale per line with the quantity the order was PLACED with. Later edits and refunds
 * reach the POS as their own events (orders/edited, refunds/create) with their own keys, so taking the current
 * quantity here would count them twice. Lines placed with nothing to take (quantity 0) are left out.
 */
export function saleChanges(order: PosOrder): StockChange[] {
	const orderLabel = order.name ? `order ${order.name}` : `order ${order.legacyId}`;
	return order.lineItems
		.filter((line) => line.originalQuantity > 0)
		.map((line) => ({
			key: saleKey(order.legacyId, line.legacyId),
			sku: line.sku || null,
			quantity: -line.originalQuantity,
			lineItemId: line.id,
			orderId: order.id,
			orderName: order.name || null,
			cause: 'sale' as const,
			occurredAt: order.processedAt || order.createdAt,
			reference: `Shopify ${orderLabel}, line ${line.legacyId}`,
		}));
}
