import { normalizeWebhookOrder } from '../orders/normalizeWebhookOrder';
import { normalizeGraphqlOrder } from '../orders/normalizeGraphqlOrder';
import type { GqlOrder } from '../orders/orderSelection';
import type { RestOrder } from '../orders/webhookOrder';
import type { WebhookDeliveryHeaders } from './deliveryHeaders';
import { orderChangeKey } from './orderChangeKey';
import { InputError } from '../../packageError';

export type OrderEventOutput = 'posOrder' | 'raw';

/** Where an emitted item came from, attached to every item as `event`. */
export interface OrderEventMeta {
	/** `orders/create`…; `orders/poll` for a change found by polling. */
	topic: string;
	source: 'webhook' | 'poll';
	eventId: string | null;
	webhookId: string | null;
	/** When Shopify fired the event (webhook) or when the poll saw it. */
	triggeredAt: string;
	/** The version Shopify serialised the payload with (`X-Shopify-API-Version`), or the one polled with. */
	apiVersion: string | null;
	shopDomain: string;
}

export interface OrderEvent {
	json: Record<string, unknown>;
	/** Order id + updatedAt, for "emitted once" across webhooks and polls; absent for deletions and refunds. */
	changeKey?: string;
	/** `pos` for orders rung up on Shopify POS (the loop guard skips them). */
	sourceName: string | null;
}

export class UnreadableDeliveryError extends InputError {
	constructor(message: string) {
		super(message, 'UNREADABLE_DELIVERY');
	}
}

/**
 * A numeric id read from the raw text. JSON.parse turns ids above 2^53 into the nearest double (Shopify's
 * own example order 820982911946154508 parses as …500), so ids that have no GID in the payload are taken
 * from the bytes Shopify sent.
 */
function numericIdInRaw(rawText: string, key: string): string | undefined {
	return new RegExp(`"${key}"\\s*:\\s*"?(\\d+)`).exec(rawText)?.[1];
}

function parsePayload(rawText: string): Record<string, unknown> {
	let payload: unknown;
	try {
		payload = JSON.parse(rawText);
	} catch {
		throw new UnreadableDeliveryError('The delivery body is not JSON: the subscription must use format JSON.');
	}
	if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
		throw new UnreadableDeliveryError('The delivery body is not a JSON object.');
	}
	return payload as Record<string, unknown>;
}

/** Turns one verified delivery into the item the trigger emits. */
export function orderEventFromDelivery(rawBody: Buffer, meta: OrderEventMeta, output: OrderEventOutput): OrderEvent {
	const rawText = rawBody.toString('utf8');
	const payload = parsePayload(rawText);
	const event = { ...meta };

	if (meta.topic === 'orders/delete') {
		const legacyId = numericIdInRaw(rawText, 'id');
		const id = typeof payload.admin_graphql_api_id === 'string' ? payload.admin_graphql_api_id : legacyId ? `gid://shopify/Order/${legacyId}` : null;
		return { json: output === 'raw' ? { ...payload, event } : { id, legacyId: legacyId ?? null, deleted: true, event }, sourceName: null };
	}

	// These topics carry a refund or an order edit, not the order: the item names the order by a GID and holds
	// the payload as sent (fetch the order itself with Shopify Get Orders when the whole order is needed).
	if (meta.topic === 'refunds/create' || meta.topic === 'orders/edited') {
		const orderLegacyId = numericIdInRaw(rawText, 'order_id');
		const json =
			output === 'raw'
				? { ...payload, event }
				: meta.topic === 'refunds/create'
					? {
							orderId: orderLegacyId ? `gid://shopify/Order/${orderLegacyId}` : null,
							orderLegacyId: orderLegacyId ?? null,
							refundId: typeof payload.admin_graphql_api_id === 'string' ? payload.admin_graphql_api_id : null,
							refund: payload,
							event,
						}
					: {
							orderId: orderLegacyId ? `gid://shopify/Order/${orderLegacyId}` : null,
							orderLegacyId: orderLegacyId ?? null,
							orderEdit: payload.order_edit ?? payload,
							event,
						};
		return { json, sourceName: null };
	}

	const rest = payload as RestOrder & { source_name?: string | null; updated_at?: string | null };
	const sourceName = typeof rest.source_name === 'string' ? rest.source_name : null;
	if (output === 'raw') {
		const id = typeof rest.admin_graphql_api_id === 'string' ? rest.admin_graphql_api_id : undefined;
		return { json: { ...payload, event }, changeKey: orderChangeKey(id, rest.updated_at), sourceName };
	}
	const order = normalizeWebhookOrder(rest);
	return { json: { ...order, event }, changeKey: orderChangeKey(order.id, order.updatedAt), sourceName: order.sourceName };
}

/** Turns one order found by polling into the same item shape. */
export function orderEventFromGraphql(order: GqlOrder, meta: OrderEventMeta, output: OrderEventOutput): OrderEvent {
	const event = { ...meta };
	const changeKey = orderChangeKey(order.id, order.updatedAt);
	if (output === 'raw') {
		return { json: { ...(order as unknown as Record<string, unknown>), event }, changeKey, sourceName: order.sourceName ?? null };
	}
	const posOrder = normalizeGraphqlOrder(order);
	return { json: { ...posOrder, event }, changeKey, sourceName: posOrder.sourceName };
}

/** Header fields of a delivery as event metadata. */
export function deliveryMeta(headers: WebhookDeliveryHeaders, shopDomain: string, receivedAt: Date): OrderEventMeta {
	return {
		topic: headers.topic ?? 'unknown',
		source: 'webhook',
		eventId: headers.eventId ?? null,
		webhookId: headers.webhookId ?? null,
		triggeredAt: headers.triggeredAt ?? receivedAt.toISOString(),
		apiVersion: headers.apiVersion ?? null,
		shopDomain,
	};
}
