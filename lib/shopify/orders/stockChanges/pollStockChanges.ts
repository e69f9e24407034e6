import type { PosOrder } from '../posOrder';
import { saleChanges } from './saleChanges';
import type { StockChange } from './stockChange';

/**
 * A poll sees order states, not events. An order created since `newSinceMs` (the poll's window start, never
 * before the trigger began watching) has not been seen by an earlier poll, so this is its first sighting:
 * its sale, keyed as the orders/create webhook keys it. The trigger's memory then keeps the sale to the first
 * of webhook and poll; an older order's later changes carry no stock change (their edits and refunds are
 * orders/edited and refunds/create events, which only the webhook trigger receives).
 */
export function pollStockChanges(order: PosOrder, newSinceMs: number): StockChange[] {
	const created = Date.parse(order.createdAt);
	return !Number.isNaN(created) && created >= newSinceMs ? saleChanges(order) : [];
}
