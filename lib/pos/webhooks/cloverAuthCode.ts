import { constantTimeEqual } from './constantTimeEqual';

export const CLOVER_AUTH_HEADER = 'x-clover-auth';

/**
 * Clover does not sign webhooks: every message carries the app's static "Clover Auth Code" in
 * `X-Clover-Auth` (shown in the Developer Dashboard once the webhook URL is verified,
 * https://docs.clover.com/docs/webhooks). Comparing it in constant time is all that can be checked.
 */
export function isValidCloverAuth(header: string | undefined, authCode: string): boolean {
	if (!authCode || !header) return false;
	return constantTimeEqual(header.trim(), authCode.trim());
}

/** Clover's codes are UUIDs; anything far longer or with odd characters is not a verification request. */
const VERIFICATION_CODE = /^[A-Za-z0-9-]{1,100}$/;

/**
 * The code of Clover's one-time URL verification: a POST whose JSON body is exactly
 * `{"verificationCode":"ce7643c1-…"}`, sent when the developer clicks "Send Verification Code"; the code must
 * be pasted back into the dashboard (https://docs.clover.com/docs/webhooks). Undefined for any other body.
 */
export function cloverVerificationCode(body: unknown): string | undefined {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
	const keys = Object.keys(body);
	if (keys.length !== 1 || keys[0] !== 'verificationCode') return undefined;
	const code = (body as { verificationCode: unknown }).verificationCode;
	return typeof code === 'string' && VERIFICATION_CODE.test(code) ? code : undefined;
}
