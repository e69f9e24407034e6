import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Shopify signs every webhook delivery with HMAC-SHA256 over the exact bytes it sent, keyed with the app's
 * client secret (or the webhook secret shown in the Shopify admin for admin-created webhooks), and sends the
 * digest base64-encoded in `X-Shopify-Hmac-Sha256`. Only the raw body can be verified: a body parsed and
 * re-serialised (key order, spacing, unicode escapes, number formatting) no longer matches.
 */
export function computeWebhookHmac(rawBody: Buffer | string, secret: string): string {
	return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/** A SHA-256 digest in canonical base64: 43 characters and one `=` of padding. */
const BASE64_SHA256 = /^[A-Za-z0-9+/]{43}=$/;

/**
 * True only when `signature` is the canonical base64 HMAC of `rawBody` under `secret`. The comparison runs in
 * constant time over the decoded digests, so the time taken does not tell a forger how many bytes matched.
 * A hex digest, a truncated or padded value, an empty value or an empty secret never verify.
 */
export function isValidWebhookHmac(rawBody: Buffer, signature: string | undefined, secret: string): boolean {
	if (!secret || typeof signature !== 'string') return false;
	const candidate = signature.trim();
	if (!BASE64_SHA256.test(candidate)) return false;
	const expected = createHmac('sha256', secret).update(rawBody).digest();
	const given = Buffer.from(candidate, 'base64');
	if (given.length !== expected.length) return false;
	return timingSafeEqual(given, expected);
}
