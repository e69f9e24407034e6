/** Header values as Node and n8n hand them over: lower-case names, sometimes repeated (string[]). */
export type IncomingHeaders = Record<string, string | string[] | undefined>;

/** The `X-Shopify-*` headers of one webhook delivery. */
export interface WebhookDeliveryHeaders {
	hmac?: string;
	/** `orders/create`, `refunds/create`… */
	topic?: string;
	shopDomain?: string;
	apiVersion?: string;
	/** Unique per delivery attempt: a retry of the same event gets a new one. */
	webhookId?: string;
	/** Same value for every delivery of the same event: the key that identifies a duplicate. */
	eventId?: string;
	triggeredAt?: string;
}

function single(headers: IncomingHeaders, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	const first = Array.isArray(value) ? value[0] : value;
	if (typeof first !== 'string') return undefined;
	const trimmed = first.trim();
	return trimmed === '' ? undefined : trimmed;
}

export function parseWebhookHeaders(headers: IncomingHeaders): WebhookDeliveryHeaders {
	const lower: IncomingHeaders = {};
	for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = value;
	return {
		hmac: single(lower, 'x-shopify-hmac-sha256'),
		topic: single(lower, 'x-shopify-topic'),
		shopDomain: single(lower, 'x-shopify-shop-domain'),
		apiVersion: single(lower, 'x-shopify-api-version'),
		webhookId: single(lower, 'x-shopify-webhook-id'),
		eventId: single(lower, 'x-shopify-event-id'),
		triggeredAt: single(lower, 'x-shopify-triggered-at'),
	};
}

/**
 * The identity of the event a delivery carries. Shopify keeps `X-Shopify-Event-Id` across retries and
 * re-deliveries of one event; older deliveries without it fall back to `X-Shopify-Webhook-Id`, which at
 * least collapses a delivery replayed by a proxy.
 */
export function deliveryDedupeKey(headers: WebhookDeliveryHeaders): string | undefined {
	if (headers.eventId) return `event:${headers.eventId}`;
	if (headers.webhookId) return `webhook:${headers.webhookId}`;
	return undefined;
}
