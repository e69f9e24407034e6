import { SIMULATED_DOMAIN_PREFIX, SIMULATED_MERCHANT_ID, type SimulatedOAuth2 } from '../../../simulator/pos/oauth2Server';
import type { PosSimulator } from '../../../simulator/pos/posSimulator';
import { startSimulator } from './posTestKit';

// The POS simulator as each vendor's authorization server, over HTTP as n8n's OAuth2 client talks to it
// (form-encoded token requests, the client ID and secret in the body): the paths and answer shapes each
// vendor documents, single-use codes, expiring access tokens, and refresh tokens revoked once rotated.
const APP: SimulatedOAuth2 = { type: 'oauth2', clientId: 'app-1', clientSecret: 'secret-1', accessTokenTtlSeconds: 600, rotateRefreshTokens: true };
const REDIRECT = 'http://127.0.0.1:1/rest/oauth2-credential/callback';

const VENDORS = [
	{ vendor: 'square', authorize: '/oauth2/authorize', token: '/oauth2/token', extra: {}, expiry: 'expires_at' },
	{ vendor: 'lightspeedX', authorize: '/connect', token: '/api/1.0/token', extra: { domain_prefix: SIMULATED_DOMAIN_PREFIX }, expiry: 'expires_in' },
	{ vendor: 'clover', authorize: '/oauth/v2/authorize', token: '/oauth/v2/token', extra: { merchant_id: SIMULATED_MERCHANT_ID }, expiry: 'access_token_expiration' },
	{ vendor: 'loyverse', authorize: '/oauth/authorize', token: '/oauth/token', extra: {}, expiry: 'expires_in' },
] as const;

async function form(sim: PosSimulator, path: string, fields: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
	const response = await fetch(`${sim.origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function codeFrom(sim: PosSimulator, authorizePath: string): Promise<URL> {
	const url = new URL(`${sim.origin}${authorizePath}`);
	url.search = new URLSearchParams({ client_id: APP.clientId, redirect_uri: REDIRECT, response_type: 'code', state: 'st-9' }).toString();
	const response = await fetch(url, { redirect: 'manual' });
	expect(response.status).toBe(302);
	return new URL(response.headers.get('location') ?? '');
}

describe('POS simulator: each vendor\'s OAuth2 authorization server', () => {
	let sim: PosSimulator;
	beforeEach(async () => {
		sim = await startSimulator({ auth: APP });
	});
	afterEach(async () => await sim.stop());

	for (const { vendor, authorize, token, extra, expiry } of VENDORS) {
		it(`${vendor}: consent sends the code back with the state; the code works once; the token opens the API until it expires`, async () => {
			const back = await codeFrom(sim, authorize);
			expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
			expect(back.searchParams.get('state')).toBe('st-9');
			for (const [name, value] of Object.entries(extra)) expect(back.searchParams.get(name)).toBe(value);
			const exchange = { grant_type: 'authorization_code', code: back.searchParams.get('code') ?? '', client_id: APP.clientId, client_secret: APP.clientSecret, redirect_uri: REDIRECT };
			const tokens = await form(sim, token, exchange);
			expect(tokens.status).toBe(200);
			expect(tokens.body).toEqual(expect.objectContaining({ access_token: expect.any(String), refresh_token: expect.any(String), [expiry]: expect.anything() }));
			expect((await form(sim, token, exchange)).body).toMatchObject({ error: 'invalid_grant' });

			const api = () => fetch(`${sim.origin}/api/stock?locationId=main`, { headers: { authorization: `Bearer ${tokens.body.access_token as string}` } });
			expect((await api()).status).toBe(200);
			sim.oauth2.expireAccessTokens();
			expect((await api()).status).toBe(401);
		});
	}

	it('refresh tokens rotate: the new one works, the used one is revoked (Lightspeed X, Clover)', async () => {
		const back = await codeFrom(sim, '/connect');
		const first = await form(sim, '/api/1.0/token', { grant_type: 'authorization_code', code: back.searchParams.get('code') ?? '', client_id: APP.clientId, client_secret: APP.clientSecret });
		const refresh = (refreshToken: string) => form(sim, '/api/1.0/token', { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: APP.clientId, client_secret: APP.clientSecret });
		const second = await refresh(first.body.refresh_token as string);
		expect(second.status).toBe(200);
		expect(second.body.refresh_token).not.toBe(first.body.refresh_token);
		expect((await refresh(first.body.refresh_token as string)).body).toMatchObject({ error: 'invalid_grant' });
		expect((await refresh(second.body.refresh_token as string)).status).toBe(200);
		expect(sim.oauth2.log.refusedRefreshes.map((refusal) => refusal.reason)).toEqual(['revoked refresh token']);
	});

	it('Clover refreshes at /oauth/v2/refresh with the client ID; its token address refuses refresh grants', async () => {
		const back = await codeFrom(sim, '/oauth/v2/authorize');
		const tokens = await form(sim, '/oauth/v2/token', { grant_type: 'authorization_code', code: back.searchParams.get('code') ?? '', client_id: APP.clientId, client_secret: APP.clientSecret });
		const refreshToken = tokens.body.refresh_token as string;
		expect((await form(sim, '/oauth/v2/token', { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: APP.clientId, client_secret: APP.clientSecret })).body).toMatchObject({
			error: 'unsupported_grant_type',
		});
		const response = await fetch(`${sim.origin}/oauth/v2/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_id: APP.clientId, refresh_token: refreshToken }) });
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual(expect.objectContaining({ access_token: expect.any(String), refresh_token: expect.any(String) }));
	});

	it('refuses a wrong client secret, an unknown client on the sign-in page, and an unknown bearer token', async () => {
		const back = await codeFrom(sim, '/oauth2/authorize');
		expect((await form(sim, '/oauth2/token', { grant_type: 'authorization_code', code: back.searchParams.get('code') ?? '', client_id: APP.clientId, client_secret: 'wrong' })).status).toBe(401);
		const unknown = await fetch(`${sim.origin}/oauth2/authorize?client_id=other&redirect_uri=${encodeURIComponent(REDIRECT)}`, { redirect: 'manual' });
		expect(unknown.status).toBe(400);
		expect((await fetch(`${sim.origin}/api/stock`, { headers: { authorization: 'Bearer made-up' } })).status).toBe(401);
	});
});
