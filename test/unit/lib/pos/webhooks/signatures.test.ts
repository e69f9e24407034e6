import { WebhooksHelper } from 'square';
import { CLOVER_AUTH_HEADER, cloverVerificationCode, isValidCloverAuth } from '../../../../../lib/pos/webhooks/cloverAuthCode';
import { constantTimeEqual } from '../../../../../lib/pos/webhooks/constantTimeEqual';
import { isValidGenericHmac, type GenericHmacScheme } from '../../../../../lib/pos/webhooks/genericHmac';
import { isValidLoyverseSignature } from '../../../../../lib/pos/webhooks/loyverseSignature';
import { isValidSquareSignature, squareSignature } from '../../../../../lib/pos/webhooks/squareSignature';
import { isValidUrlToken, tokenOf } from '../../../../../lib/pos/webhooks/urlToken';

// Known-answer vectors. Square: the vector of Square's own SDK tests (square/square-nodejs-sdk,
// tests/integration/webhooks.test.ts) and the SDK's WebhooksHelper.verifySignature, code we did not write.
// The others were computed independently with `openssl dgst -hmac` and pasted here as literals.

const SQUARE_SDK_VECTOR = {
	body: '{"merchant_id":"MLEFBHHSJGVHD","type":"webhooks.test_notification","event_id":"ac3ac95b-f97d-458c-a6e6-18981597e05f","created_at":"2022-07-13T20:30:59.037339943Z","data":{"type":"webhooks","id":"bc368e64-01aa-407e-b46e-3231809b1129"}}',
	signature: 'GF4YkrJgGBDZ9NIYbNXBnMzqb2HoL4RW/S6vkZ9/2N4=',
	key: 'Ibxx_5AKakO-3qeNVR61Dw',
	url: 'https://webhook.site/679a4f3a-dcfa-49ee-bac5-9d0edad886b9',
};

const SQUARE_INVENTORY_BODY =
	'{"merchant_id":"MLSQ1","type":"inventory.count.updated","event_id":"6a8f5f28-54a1-4eb0-a98a-3111513fd4fc","created_at":"2026-11-20T10:00:01.123456789Z","data":{"type":"inventory_counts","id":"84f3c5d2-1b2e-4c5a-9a55-1e2f3a4b5c6d","object":{"inventory_counts":[{"calculated_at":"2026-11-20T10:00:00.9Z","catalog_object_id":"VAR-TEE-S","catalog_object_type":"ITEM_VARIATION","location_id":"L1MAIN","quantity":"19","state":"IN_STOCK"},{"calculated_at":"2026-11-20T10:00:00.9Z","catalog_object_id":"VAR-TEE-S","catalog_object_type":"ITEM_VARIATION","location_id":"L1MAIN","quantity":"3","state":"SOLD"}]}}}';
const SQUARE_URL = 'https://n8n.example.com/webhook/abc/pos';
const SQUARE_KEY = 'sq-signature-key-Ab12';
/** openssl: printf '%s%s' URL BODY | openssl dgst -sha256 -hmac KEY -binary | base64 */
const SQUARE_INVENTORY_SIGNATURE = 'bUUZWKtvDjVNDlyyCT2pA4iF2X1ZzRwKYDeh/SATSv4=';

describe('Square signature (x-square-hmacsha256-signature)', () => {
	it("accepts the vector of Square's SDK tests", async () => {
		const body = Buffer.from(SQUARE_SDK_VECTOR.body);
		expect(isValidSquareSignature(body, SQUARE_SDK_VECTOR.signature, SQUARE_SDK_VECTOR.key, [SQUARE_SDK_VECTOR.url])).toBe(true);
		expect(squareSignature(SQUARE_SDK_VECTOR.key, SQUARE_SDK_VECTOR.url, body)).toBe(SQUARE_SDK_VECTOR.signature);
	});

	it("computes what Square's SDK accepts, and the openssl literal, for an inventory.count.updated body", async () => {
		const signature = squareSignature(SQUARE_KEY, SQUARE_URL, SQUARE_INVENTORY_BODY);
		expect(signature).toBe(SQUARE_INVENTORY_SIGNATURE);
		await expect(
			WebhooksHelper.verifySignature({ requestBody: SQUARE_INVENTORY_BODY, signatureHeader: signature, signatureKey: SQUARE_KEY, notificationUrl: SQUARE_URL }),
		).resolves.toBe(true);
		expect(isValidSquareSignature(Buffer.from(SQUARE_INVENTORY_BODY), SQUARE_INVENTORY_SIGNATURE, SQUARE_KEY, [SQUARE_URL])).toBe(true);
	});

	it('accepts when any of the candidate URLs is the one Square signed', () => {
		const body = Buffer.from(SQUARE_INVENTORY_BODY);
		expect(isValidSquareSignature(body, SQUARE_INVENTORY_SIGNATURE, SQUARE_KEY, ['http://127.0.0.1:5678/webhook-test/abc/pos', SQUARE_URL])).toBe(true);
	});

	it.each([
		['another URL (the one n8n sees behind a proxy)', SQUARE_INVENTORY_BODY, SQUARE_INVENTORY_SIGNATURE, SQUARE_KEY, 'http://10.0.0.5:5678/webhook/abc/pos'],
		['a trailing slash on the URL', SQUARE_INVENTORY_BODY, SQUARE_INVENTORY_SIGNATURE, SQUARE_KEY, `${SQUARE_URL}/`],
		['another key', SQUARE_INVENTORY_BODY, SQUARE_INVENTORY_SIGNATURE, 'sq-signature-key-Ab13', SQUARE_URL],
		['a re-serialised body', JSON.stringify(JSON.parse(SQUARE_INVENTORY_BODY), null, 1), SQUARE_INVENTORY_SIGNATURE, SQUARE_KEY, SQUARE_URL],
		['a changed quantity', SQUARE_INVENTORY_BODY.replace('"19"', '"91"'), SQUARE_INVENTORY_SIGNATURE, SQUARE_KEY, SQUARE_URL],
		['a hex signature', SQUARE_INVENTORY_BODY, Buffer.from(SQUARE_INVENTORY_SIGNATURE, 'base64').toString('hex'), SQUARE_KEY, SQUARE_URL],
		['an empty signature', SQUARE_INVENTORY_BODY, '', SQUARE_KEY, SQUARE_URL],
		['an empty key', SQUARE_INVENTORY_BODY, SQUARE_INVENTORY_SIGNATURE, '', SQUARE_URL],
	])('refuses %s (and so does the SDK)', async (_name, body, signature, key, url) => {
		expect(isValidSquareSignature(Buffer.from(body), signature, key, [url])).toBe(false);
		if (key) {
			await expect(WebhooksHelper.verifySignature({ requestBody: body, signatureHeader: signature, signatureKey: key, notificationUrl: url })).resolves.toBe(false);
		}
	});
});

const LOYVERSE_BODY =
	'{"merchant_id":"b1c2d3e4","type":"inventory_levels.update","created_at":"2026-11-20T10:00:00.000Z","inventory_levels":[{"variant_id":"0a1b2c3d-var-1","store_id":"5e6f-store-1","in_stock":7,"updated_at":"2026-11-20T09:59:58.000Z"}]}';
const LOYVERSE_SECRET = 'loyverse-client-secret-9f3';
/** openssl dgst -sha1 -hmac SECRET (hex) and -binary | base64. */
const LOYVERSE_HEX = 'e64efdba4a4207d114629d72316c6cf61ebf04c0';
const LOYVERSE_BASE64 = '5k79ukpCB9EUYp1yMWxs9h6/BMA=';

describe('Loyverse signature (X-Loyverse-Signature)', () => {
	const body = Buffer.from(LOYVERSE_BODY);

	it.each([
		['hex', LOYVERSE_HEX],
		['upper-case hex', LOYVERSE_HEX.toUpperCase()],
		['base64', LOYVERSE_BASE64],
		['base64 with spaces around', ` ${LOYVERSE_BASE64} `],
	])('accepts the digest in %s', (_name, signature) => {
		expect(isValidLoyverseSignature(body, signature, LOYVERSE_SECRET)).toBe(true);
	});

	it.each([
		['another secret', LOYVERSE_HEX, 'loyverse-client-secret-9f4'],
		['a truncated hex digest', LOYVERSE_HEX.slice(0, 38), LOYVERSE_SECRET],
		['a SHA-256 digest', 'a'.repeat(64), LOYVERSE_SECRET],
		['no signature', '', LOYVERSE_SECRET],
		['an empty secret', LOYVERSE_HEX, ''],
	])('refuses %s', (_name, signature, secret) => {
		expect(isValidLoyverseSignature(body, signature, secret)).toBe(false);
	});

	it('refuses a body changed after signing', () => {
		expect(isValidLoyverseSignature(Buffer.from(LOYVERSE_BODY.replace('"in_stock":7', '"in_stock":70')), LOYVERSE_HEX, LOYVERSE_SECRET)).toBe(false);
	});
});

describe('Clover (X-Clover-Auth, verification)', () => {
	const code = '0307e264-b33a-4913-88aa-37b10014a0b8';

	it('accepts the auth code, refuses any other or none', () => {
		expect(CLOVER_AUTH_HEADER).toBe('x-clover-auth');
		expect(isValidCloverAuth(code, code)).toBe(true);
		expect(isValidCloverAuth(code.replace('0307', '0308'), code)).toBe(false);
		expect(isValidCloverAuth(code.slice(0, 10), code)).toBe(false);
		expect(isValidCloverAuth(undefined, code)).toBe(false);
		expect(isValidCloverAuth('', '')).toBe(false);
		expect(isValidCloverAuth(code, '')).toBe(false);
	});

	it("reads the verification code only from Clover's exact verification body", () => {
		expect(cloverVerificationCode({ verificationCode: 'ce7643c1-83ea-4218-abe6-da876c9c7a0a' })).toBe('ce7643c1-83ea-4218-abe6-da876c9c7a0a');
		expect(cloverVerificationCode({ verificationCode: 'ce7643c1', appId: 'X' })).toBeUndefined();
		expect(cloverVerificationCode({ verificationCode: 42 })).toBeUndefined();
		expect(cloverVerificationCode({ verificationCode: '<script>' })).toBeUndefined();
		expect(cloverVerificationCode({ appId: 'A', merchants: {} })).toBeUndefined();
		expect(cloverVerificationCode([{ verificationCode: 'a' }])).toBeUndefined();
		expect(cloverVerificationCode(undefined)).toBeUndefined();
	});
});

describe('URL token', () => {
	const token = 'Zq8v1LxT0pR4nW2sYk6e';
	const sources = (query: Record<string, unknown>, headers: Record<string, string>) => ({ query, headers, queryParameter: 'token', headerName: 'X-Webhook-Token' });

	it('is read from the query, else from the header', () => {
		expect(tokenOf(sources({ token }, {}))).toBe(token);
		expect(tokenOf(sources({ token: [token, 'x'] }, {}))).toBe(token);
		expect(tokenOf(sources({}, { 'x-webhook-token': token }))).toBe(token);
		expect(tokenOf(sources({}, {}))).toBeUndefined();
	});

	it('matches exactly, and never when the expected token is too short to be a secret', () => {
		expect(isValidUrlToken(token, token)).toBe(true);
		expect(isValidUrlToken(`${token}x`, token)).toBe(false);
		expect(isValidUrlToken(undefined, token)).toBe(false);
		expect(isValidUrlToken('short-token', 'short-token')).toBe(false);
	});
});

const GENERIC_BODY = '{"id":"evt_1001","type":"sale.completed","lines":[{"sku":"TEE-S","quantity":2}]}';
const GENERIC_KEY = 'in-house-pos-key';
const GENERIC_URL = 'https://n8n.example.com/webhook/abc/pos';

describe('Generic HMAC', () => {
	const body = Buffer.from(GENERIC_BODY);
	const scheme = (changes: Partial<GenericHmacScheme>): GenericHmacScheme => ({
		headerName: 'X-Signature',
		algorithm: 'sha256',
		encoding: 'hex',
		prefix: '',
		signedContent: 'body',
		...changes,
	});

	it.each([
		// openssl dgst -sha256 -hmac KEY (hex)
		['sha256 hex with a sha256= prefix', scheme({ prefix: 'sha256=' }), 'sha256=64fb31f49bcb9a47575fbf7aef73cba1048aeb8e8b500aa6112fb46657ec3630'],
		// openssl dgst -sha1 -hmac KEY -binary | base64
		['sha1 base64', scheme({ algorithm: 'sha1', encoding: 'base64' }), 'JnWqcvXF6iEH58OsZGa0jXAe3XQ='],
		// printf '%s%s' URL BODY | openssl dgst -sha512 -hmac KEY -binary | base64
		[
			'sha512 base64 over URL + body',
			scheme({ algorithm: 'sha512', encoding: 'base64', signedContent: 'urlAndBody' }),
			'N+lYI7YirY0aLxMhbrXIS59uSq5UE9JAAKAy5Btd59l7OVd4T3LJF+lmyHRrNx+vBuS0pPjLsWKhXUob0KGE/w==',
		],
	])('accepts the openssl vector: %s', (_name, chosen, header) => {
		expect(isValidGenericHmac(chosen, body, header, GENERIC_KEY, [GENERIC_URL])).toBe(true);
	});

	it('refuses a missing prefix, another algorithm, another encoding, another URL or key', () => {
		const hex = '64fb31f49bcb9a47575fbf7aef73cba1048aeb8e8b500aa6112fb46657ec3630';
		expect(isValidGenericHmac(scheme({ prefix: 'sha256=' }), body, hex, GENERIC_KEY, [])).toBe(false);
		expect(isValidGenericHmac(scheme({ algorithm: 'sha512' }), body, hex, GENERIC_KEY, [])).toBe(false);
		expect(isValidGenericHmac(scheme({ encoding: 'base64' }), body, hex, GENERIC_KEY, [])).toBe(false);
		expect(isValidGenericHmac(scheme({}), body, hex, 'other-key', [])).toBe(false);
		const urlScheme = scheme({ algorithm: 'sha512', encoding: 'base64', signedContent: 'urlAndBody' });
		const urlSignature = 'N+lYI7YirY0aLxMhbrXIS59uSq5UE9JAAKAy5Btd59l7OVd4T3LJF+lmyHRrNx+vBuS0pPjLsWKhXUob0KGE/w==';
		expect(isValidGenericHmac(urlScheme, body, urlSignature, GENERIC_KEY, ['https://n8n.example.com/webhook/abd/pos'])).toBe(false);
		expect(isValidGenericHmac(scheme({}), body, hex, GENERIC_KEY, [])).toBe(true);
	});
});

describe('constant-time comparison', () => {
	it('compares values of any length, and an empty expected value never matches', () => {
		expect(constantTimeEqual('abc', 'abc')).toBe(true);
		expect(constantTimeEqual('abc', 'abcd')).toBe(false);
		expect(constantTimeEqual(Buffer.from([1, 2]), Buffer.from([1, 2]))).toBe(true);
		expect(constantTimeEqual('', '')).toBe(false);
	});
});
