import { isValidWebhookHmac } from './hmac';
import { parseWebhookHeaders, type IncomingHeaders, type WebhookDeliveryHeaders } from './deliveryHeaders';

export type DeliveryRejection = 'missing-secret' | 'missing-signature' | 'bad-signature' | 'wrong-shop';

export type DeliveryVerdict =
	| { accepted: true; headers: WebhookDeliveryHeaders }
	| { accepted: false; reason: DeliveryRejection; headers: WebhookDeliveryHeaders };

export interface DeliveryToVerify {
	rawBody: Buffer;
	headers: IncomingHeaders;
	/** The webhook secret, or the app's client secret when none is set. */
	secret: string;
	/** The store's myshopify.com name(s) the delivery may come from (X-Shopify-Shop-Domain). */
	expectedShopDomains: readonly string[];
}

/**
 * Decides whether a delivery came from the shop the credential belongs to. The signature is checked first
 * (it proves the sender holds the secret); the shop domain is checked too because one app secret can sign
 * deliveries for every store the app is installed on, and this trigger answers for one store only.
 */
export function verifyDelivery(delivery: DeliveryToVerify): DeliveryVerdict {
	const headers = parseWebhookHeaders(delivery.headers);
	if (!delivery.secret) return { accepted: false, reason: 'missing-secret', headers };
	if (!headers.hmac) return { accepted: false, reason: 'missing-signature', headers };
	if (!isValidWebhookHmac(delivery.rawBody, headers.hmac, delivery.secret)) {
		return { accepted: false, reason: 'bad-signature', headers };
	}
	const sender = (headers.shopDomain ?? '').toLowerCase();
	if (!sender || !delivery.expectedShopDomains.some((domain) => domain.toLowerCase() === sender)) {
		return { accepted: false, reason: 'wrong-shop', headers };
	}
	return { accepted: true, headers };
}
