import { PosOAuth2Api } from '../../../credentials/PosOAuth2Api.credentials';
import { PosHttpRequest } from '../../../nodes/PosHttpRequest/PosHttpRequest.node';
import { PosInventory } from '../../../nodes/PosInventory/PosInventory.node';
import type { SimulatedOAuth2 } from '../../../simulator/pos/oauth2Server';
import type { PosSimulator } from '../../../simulator/pos/posSimulator';
import { logText, runNode } from '../../helpers/n8nEngine';
import { FAST_RETRIES, startSimulator } from './posTestKit';

// POS HTTP Request signed by the POS OAuth2 credential through n8n-core's own OAuth2 request helper (the one
// n8n uses), against the POS simulator acting as the vendor's authorization server: the token is sent, an
// expired one is refreshed once and the call goes through, a revoked sign-in ends on the Failed output with
// what to do, and no token or secret appears anywhere.
const APP: SimulatedOAuth2 = { type: 'oauth2', clientId: 'sim-client-7f3', clientSecret: 'sim-SECRET-client-4410', accessTokenTtlSeconds: 3600, rotateRefreshTokens: true };

/** What n8n's redirect flow stores: the code from the authorize page, exchanged at the token address (form-encoded, as n8n sends it). */
async function signIn(sim: PosSimulator): Promise<Record<string, unknown>> {
	const authorize = new URL(`${sim.origin}/oauth2/authorize`);
	authorize.search = new URLSearchParams({ client_id: APP.clientId, redirect_uri: 'http://127.0.0.1:1/callback', response_type: 'code', state: 's1' }).toString();
	const redirected = await fetch(authorize, { redirect: 'manual' });
	const code = new URL(redirected.headers.get('location') ?? '').searchParams.get('code');
	const token = await fetch(`${sim.origin}/oauth2/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'authorization_code', code: code ?? '', client_id: APP.clientId, client_secret: APP.clientSecret, redirect_uri: 'http://127.0.0.1:1/callback' }).toString(),
	});
	expect(token.status).toBe(200);
	return (await token.json()) as Record<string, unknown>;
}

/** The credential's fields once n8n has resolved its presets (Square, Address Override = the simulator). */
function credential(sim: PosSimulator, oauthTokenData: Record<string, unknown>) {
	return {
		vendor: 'square',
		environment: 'production',
		addressOverride: sim.origin,
		grantType: 'authorizationCode',
		authUrl: `${sim.origin}/oauth2/authorize`,
		accessTokenUrl: `${sim.origin}/oauth2/token`,
		clientId: APP.clientId,
		clientSecret: APP.clientSecret,
		scope: 'INVENTORY_READ',
		authQueryParameters: '',
		authentication: 'body',
		tokenExpiredStatusCode: 401,
		baseUrl: sim.origin,
		vendorHeaders: 'Square-Version: 2026-09-16',
		extraHeaders: '',
		oauthTokenData,
	};
}

async function run(sim: PosSimulator, oauthTokenData: Record<string, unknown>, items = 1) {
	return await runNode({
		nodeType: PosHttpRequest,
		parameters: { authentication: 'posOAuth2Api', method: 'GET', path: '/api/stock', queryParameters: { parameter: [{ name: 'locationId', value: 'main' }] }, options: FAST_RETRIES },
		input: Array.from({ length: items }, (_, index) => ({ index })),
		credentials: { posOAuth2Api: credential(sim, oauthTokenData) as never },
		credentialTypes: [PosOAuth2Api],
	});
}

describe('POS HTTP Request with the POS OAuth2 credential (n8n-core OAuth2 helper + simulator)', () => {
	let sim: PosSimulator;
	beforeEach(async () => {
		sim = await startSimulator({ auth: APP });
	});
	afterEach(async () => await sim.stop());

	it('sends the access token n8n holds, with the vendor\'s headers', async () => {
		const tokens = await signIn(sim);
		const result = await run(sim, tokens, 3);
		expect(result.json(1)).toEqual([]);
		expect(result.json(0)).toHaveLength(3);
		const calls = sim.requests.filter((request) => request.path.startsWith('/api/stock'));
		expect(calls.map((call) => [call.outcome, call.headers.authorization, call.headers['square-version']])).toEqual(
			Array.from({ length: 3 }, () => [200, `Bearer ${tokens.access_token as string}`, '2026-09-16']),
		);
	});

	it('an expired access token is refreshed once (the refresh token rotates) and the call goes through', async () => {
		const tokens = await signIn(sim);
		sim.oauth2.expireAccessTokens();
		const result = await run(sim, tokens, 2);
		expect(result.json(1)).toEqual([]);
		expect(result.json(0)).toHaveLength(2);
		expect(sim.oauth2.log.refreshes).toBeGreaterThanOrEqual(1);
		expect(sim.oauth2.log.refusedRefreshes).toEqual([]);
		const calls = sim.requests.filter((request) => request.path.startsWith('/api/stock'));
		expect(calls.at(-1)?.headers.authorization).not.toBe(`Bearer ${tokens.access_token as string}`);
	});

	it('a sign-in the POS revoked ends on Failed saying to reconnect; no token or secret in outputs or logs', async () => {
		const tokens = await signIn(sim);
		sim.oauth2.expireAccessTokens();
		// The stored refresh token was used elsewhere and rotated away: this one is revoked.
		await run(sim, tokens);
		const result = await run(sim, tokens);
		expect(result.json(0)).toEqual([]);
		const [failed] = result.json(1);
		expect(failed).toMatchObject({ outcome: 'failed' });
		expect(String(failed.error)).toMatch(/needs to be reconnected.*sign in to the POS again; nothing was sent/);
		expect(sim.oauth2.log.refusedRefreshes.map((refusal) => refusal.reason)).toContain('revoked refresh token');
		const everything = JSON.stringify(result.run.data) + logText(result.logs);
		for (const secret of [tokens.access_token, tokens.refresh_token, APP.clientSecret]) expect(everything).not.toContain(secret);
	});

	it('the POS node (Square) lists locations with the OAuth2 credential, refreshing an expired token first', async () => {
		const [location] = sim.square.locations.seed([{ name: 'Main Street' }]);
		const tokens = await signIn(sim);
		sim.oauth2.expireAccessTokens();
		const result = await runNode({
			nodeType: PosInventory,
			parameters: { authentication: 'posOAuth2Api', vendor: 'square', operation: 'listLocations', options: { requestsPerSecond: 0 } },
			input: [{}],
			credentials: { posOAuth2Api: credential(sim, tokens) as never },
			credentialTypes: [PosOAuth2Api],
		});
		expect(result.json(0)).toEqual([expect.objectContaining({ vendor: 'square', id: location.id, name: 'Main Street' })]);
		expect(sim.oauth2.log.refreshes).toBe(1);
	});
});
