import { paymentKey } from './idempotencyKey';
import { orderReference } from './referenceTag';

/**
 * CreatePayment for an order paid in Shopify: `source_id: "EXTERNAL"` with `external_details` type
 * EXTERNAL ("a third-party application gathered this payment outside of Square") and source "Shopify",
 * for the order's whole total, so Square closes the order and moves its catalog lines' stock.
 * `autocomplete` completes it at once (no PayOrder step).
 */
export const CREATE_PAYMENT_PATH = '/v2/payments';

export function externalPaymentBody(input: {
	locationId: string;
	orderLegacyId: string;
	orderName: string;
	squareOrderId: string;
	totalMinorUnits: number;
	currency: string;
}): Record<string, unknown> {
	return {
		idempotency_key: paymentKey(input.locationId, input.orderLegacyId),
		source_id: 'EXTERNAL',
		amount_money: { amount: input.totalMinorUnits, currency: input.currency },
		order_id: input.squareOrderId,
		location_id: input.locationId,
		autocomplete: true,
		reference_id: orderReference(input.orderLegacyId),
		note: `Paid in Shopify, order ${input.orderName}`.slice(0, 500),
		external_details: { type: 'EXTERNAL', source: 'Shopify', source_id: input.orderLegacyId },
	};
}
