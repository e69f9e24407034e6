import { createHmac } from 'node:crypto';
import { configurationProblem, type PosPreset, type PosTriggerSettings, type PosWebhookSecrets } from '../../../../../lib/pos/webhooks/presets';
import { verifyPosDelivery, type IncomingDelivery } from '../../../../../lib/pos/webhooks/verifyPosDelivery';

const URL = 'https://n8n.example.com/webhook/abc/pos';
const SECRET = 'the-signing-secret-7Hq';
const TOKEN = 'Zq8v1LxT0pR4nW2sYk6e';
const BODY = Buffer.from('{"event_id":"e1","type":"inventory.count.updated"}');

function settings(preset: PosPreset, changes: Partial<PosTriggerSettings> = {}): PosTriggerSettings {
	return {
		preset,
		signedUrls: [URL],
		loyverseAuthentication: 'signature',
		tokenQueryParameter: 'token',
		tokenHeaderName: 'X-Webhook-Token',
		genericHmac: { headerName: 'X-Signature', algorithm: 'sha256', encoding: 'hex', prefix: 'sha256=', signedContent: 'body' },
		acceptUnauthenticated: false,
		eventPaths: { eventIdPath: 'id', eventTypePath: 'type' },
		...changes,
	};
}

const secrets: PosWebhookSecrets = { secret: SECRET, urlToken: TOKEN };
const delivery = (headers: Record<string, string> = {}, query: Record<string, string> = {}): IncomingDelivery => ({ rawBody: BODY, headers, query });
const hmac = (algorithm: string, ...parts: Array<string | Buffer>) => {
	const mac = createHmac(algorithm, SECRET);
	for (const part of parts) mac.update(part);
	return mac.digest();
};

describe('verifyPosDelivery: each preset its own way', () => {
	it('Square: the signature of URL + body in x-square-hmacsha256-signature', () => {
		const signature = hmac('sha256', URL, BODY).toString('base64');
		expect(verifyPosDelivery(delivery({ 'x-square-hmacsha256-signature': signature }), settings('square'), secrets)).toEqual({ accepted: true });
		expect(verifyPosDelivery(delivery({ 'x-square-hmacsha256-signature': hmac('sha256', BODY).toString('base64') }), settings('square'), secrets)).toEqual({
			accepted: false,
			reason: 'bad-signature',
		});
		expect(verifyPosDelivery(delivery(), settings('square'), secrets)).toEqual({ accepted: false, reason: 'missing-signature' });
	});

	it('Loyverse signed: HMAC-SHA1 of the body; Loyverse unsigned: the URL token', () => {
		const signature = hmac('sha1', BODY).toString('hex');
		expect(verifyPosDelivery(delivery({ 'x-loyverse-signature': signature }), settings('loyverse'), secrets).accepted).toBe(true);
		const unsigned = settings('loyverse', { loyverseAuthentication: 'urlToken' });
		expect(verifyPosDelivery(delivery({ 'x-loyverse-signature': signature }), unsigned, secrets)).toEqual({ accepted: false, reason: 'missing-token' });
		expect(verifyPosDelivery(delivery({}, { token: TOKEN }), unsigned, secrets).accepted).toBe(true);
	});

	it('Clover: the auth code header; not configured until the code is in the credential', () => {
		expect(verifyPosDelivery(delivery({ 'x-clover-auth': SECRET }), settings('clover'), secrets).accepted).toBe(true);
		expect(verifyPosDelivery(delivery({ 'x-clover-auth': 'guess' }), settings('clover'), secrets)).toEqual({ accepted: false, reason: 'bad-token' });
		expect(verifyPosDelivery(delivery({ 'x-clover-auth': SECRET }), settings('clover'), { secret: '', urlToken: '' })).toMatchObject({
			accepted: false,
			reason: 'not-configured',
		});
	});

	it('Lightspeed X: the URL token in the query or the header, nothing else', () => {
		expect(verifyPosDelivery(delivery({}, { token: TOKEN }), settings('lightspeedX'), secrets).accepted).toBe(true);
		expect(verifyPosDelivery(delivery({ 'x-webhook-token': TOKEN }), settings('lightspeedX'), secrets).accepted).toBe(true);
		expect(verifyPosDelivery(delivery({}, { token: TOKEN.slice(1) }), settings('lightspeedX'), secrets)).toEqual({ accepted: false, reason: 'bad-token' });
		expect(verifyPosDelivery(delivery(), settings('lightspeedX'), secrets)).toEqual({ accepted: false, reason: 'missing-token' });
		const renamed = settings('lightspeedX', { tokenQueryParameter: 'key' });
		expect(verifyPosDelivery(delivery({}, { key: TOKEN }), renamed, secrets).accepted).toBe(true);
	});

	it('Generic HMAC: the configured header, prefix and algorithm', () => {
		const signature = `sha256=${hmac('sha256', BODY).toString('hex')}`;
		expect(verifyPosDelivery(delivery({ 'x-signature': signature }), settings('genericHmac'), secrets).accepted).toBe(true);
		expect(verifyPosDelivery(delivery({ 'x-other': signature }), settings('genericHmac'), secrets)).toEqual({ accepted: false, reason: 'missing-signature' });
	});

	it('None: refused unless unauthenticated deliveries are accepted explicitly', () => {
		expect(verifyPosDelivery(delivery(), settings('none'), undefined)).toMatchObject({ accepted: false, reason: 'not-configured' });
		expect(verifyPosDelivery(delivery(), settings('none', { acceptUnauthenticated: true }), undefined)).toEqual({ accepted: true });
	});

	it('a verdict never carries the secret, the token or the signature', () => {
		const signature = hmac('sha256', URL, BODY).toString('base64');
		const verdicts = [
			verifyPosDelivery(delivery({ 'x-square-hmacsha256-signature': signature }), settings('square', { signedUrls: ['https://other'] }), secrets),
			verifyPosDelivery(delivery({}, { token: `${TOKEN}x` }), settings('lightspeedX'), secrets),
			verifyPosDelivery(delivery({ 'x-clover-auth': 'guess' }), settings('clover'), secrets),
			verifyPosDelivery(delivery(), settings('lightspeedX'), { secret: SECRET, urlToken: 'short-token' }),
		];
		const text = JSON.stringify(verdicts);
		for (const secretText of [SECRET, TOKEN, signature, 'short-token']) expect(text).not.toContain(secretText);
	});
});

describe('configurationProblem: what keeps a trigger from verifying, in words for the owner', () => {
	it.each([
		['square', settings('square'), { secret: '', urlToken: '' }, /Signature Key is missing.*Developer Console/],
		['loyverse', settings('loyverse'), { secret: '', urlToken: '' }, /Client Secret is missing/],
		['loyverse unsigned', settings('loyverse', { loyverseAuthentication: 'urlToken' }), { secret: SECRET, urlToken: 'abc' }, /at least 16 characters.*it has 3/],
		['lightspeed', settings('lightspeedX'), { secret: '', urlToken: '' }, /URL Token/],
		['generic', settings('genericHmac', { genericHmac: { ...settings('genericHmac').genericHmac, headerName: '' } }), secrets, /Signature Header is empty/],
		['none', settings('none'), undefined, /Accept Unauthenticated Deliveries/],
		['no credential', settings('square'), undefined, /Choose a POS Webhook Secret credential/],
	])('%s', (_name, chosen, given, message) => {
		expect(configurationProblem(chosen, given as PosWebhookSecrets | undefined)).toMatch(message);
	});

	it('lets Clover publish without its auth code (the code exists only after the URL is verified)', () => {
		expect(configurationProblem(settings('clover'), { secret: '', urlToken: '' })).toBeUndefined();
	});
});
