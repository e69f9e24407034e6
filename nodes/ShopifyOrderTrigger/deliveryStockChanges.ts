import type { IWebhookFunctions } from 'n8n-workflow';
import type { PosOrder } from '../../lib/shopify/orders/posOrder';
import { editChanges, fetchEditedOrderLines, planDeliveryStockChanges, type StockChange } from '../../lib/shopify/orders/stockChanges';
import { shopifyClientFor } from '../shared/shopifyClient';

/** Topics whose payload is the order itself (the POS-ready item is then a PosOrder). */
const ORDER_PAYLOAD_TOPICS = new Set(['orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled', 'orders/partially_fulfilled']);

/**
 * The stock changes of one verified delivery (lib/shopify/orders/stockChanges/deliveryStockChanges.ts says
 * which topic means what). An order edit names its lines by id only, so their SKUs are read from Shopify
 * here: the one call to Shopify on the delivery path, made before the delivery is remembered, so a failed
 * call answers an error and Shopify's retry finds the edit again.
 */
export async function stockChangesForDelivery(
	ctx: IWebhookFunctions,
	topic: string,
	rawBody: Buffer,
	item: Record<string, unknown>,
	receivedAt: Date,
): Promise<StockChange[]> {
	const order = ORDER_PAYLOAD_TOPICS.has(topic) ? (item as unknown as PosOrder) : null;
	const plan = planDeliveryStockChanges(topic, rawBody.toString('utf8'), order, receivedAt.getTime());
	if (!plan.edit || plan.edit.deltas.size === 0) return plan.changes;
	const lines = await fetchEditedOrderLines(await shopifyClientFor(ctx), plan.edit);
	return editChanges(plan.edit, lines);
}
