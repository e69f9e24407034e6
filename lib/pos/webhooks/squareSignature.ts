import { constantTimeEqual } from './constantTimeEqual';
import { hmacDigest } from './hmacDigest';

export const SQUARE_SIGNATURE_HEADER = 'x-square-hmacsha256-signature';

/**
 * Square's webhook signature: base64 HMAC-SHA256, keyed with the subscription's signature key, over the
 * notification URL exactly as registered in Square followed by the raw body
 * (https://developer.squareup.com/docs/webhooks/step3validate). Square signs the URL it was given, not the
 * one n8n sees behind a proxy, so the caller passes the public URL(s) the subscription may name.
 */
export function squareSignature(signatureKey: string, notificationUrl: string, rawBody: Buffer | string): string {
	return hmacDigest('sha256', signatureKey, [notificationUrl, rawBody]).toString('base64');
}

export function isValidSquareSignature(
	rawBody: Buffer,
	header: string | undefined,
	signatureKey: string,
	notificationUrls: readonly string[],
): boolean {
	if (!signatureKey || !header) return false;
	const given = header.trim();
	// Every candidate URL is tried, so the time taken does not say which one (if any) was close.
	let valid = false;
	for (const url of notificationUrls) {
		if (url && constantTimeEqual(given, squareSignature(signatureKey, url, rawBody))) valid = true;
	}
	return valid;
}
