import { computeWebhookHmac } from '../../../../../lib/shopify/webhooks/hmac';
import { deliveryDedupeKey, parseWebhookHeaders } from '../../../../../lib/shopify/webhooks/deliveryHeaders';
import { verifyDelivery } from '../../../../../lib/shopify/webhooks/verifyDelivery';

const SECRET = 'shpss_unit_secret';
const body = Buffer.from('{"id":820982911946154508,"admin_graphql_api_id":"gid://shopify/Order/820982911946154508"}');

function headers(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
	return {
		'x-shopify-hmac-sha256': computeWebhookHmac(body, SECRET),
		'x-shopify-topic': 'orders/create',
		'x-shopify-shop-domain': 'acme.myshopify.com',
		'x-shopify-api-version': '2026-07',
		'x-shopify-webhook-id': 'w-1',
		'x-shopify-event-id': 'e-1',
		'x-shopify-triggered-at': '2026-11-20T10:00:00.000Z',
		...overrides,
	};
}

describe('verifyDelivery', () => {
	it('accepts a signed delivery from the expected shop, case-insensitively', () => {
		const verdict = verifyDelivery({ rawBody: body, headers: headers(), secret: SECRET, expectedShopDomains: ['127.0.0.1:9999', 'ACME.myshopify.com'] });
		expect(verdict).toMatchObject({ accepted: true, headers: { topic: 'orders/create', eventId: 'e-1', apiVersion: '2026-07' } });
	});

	it.each([
		['missing-signature', { 'x-shopify-hmac-sha256': undefined }],
		['missing-signature', { 'x-shopify-hmac-sha256': '  ' }],
		['bad-signature', { 'x-shopify-hmac-sha256': computeWebhookHmac(body, 'wrong') }],
		['wrong-shop', { 'x-shopify-shop-domain': 'other.myshopify.com' }],
		['wrong-shop', { 'x-shopify-shop-domain': undefined }],
	])('rejects with %s', (reason, override) => {
		const verdict = verifyDelivery({ rawBody: body, headers: headers(override), secret: SECRET, expectedShopDomains: ['acme.myshopify.com'] });
		expect(verdict).toMatchObject({ accepted: false, reason });
	});

	it('rejects everything when no secret is configured', () => {
		const verdict = verifyDelivery({ rawBody: body, headers: headers(), secret: '', expectedShopDomains: ['acme.myshopify.com'] });
		expect(verdict).toMatchObject({ accepted: false, reason: 'missing-secret' });
	});
});

describe('delivery headers', () => {
	it('reads mixed-case and repeated headers', () => {
		const parsed = parseWebhookHeaders({ 'X-Shopify-Topic': 'orders/paid', 'x-shopify-event-id': ['e-9', 'e-10'] });
		expect(parsed.topic).toBe('orders/paid');
		expect(parsed.eventId).toBe('e-9');
	});

	it('dedupes by event id, falling back to the webhook id', () => {
		expect(deliveryDedupeKey({ eventId: 'e-1', webhookId: 'w-1' })).toBe('event:e-1');
		expect(deliveryDedupeKey({ webhookId: 'w-1' })).toBe('webhook:w-1');
		expect(deliveryDedupeKey({})).toBeUndefined();
	});
});
