import { nodeHttpSend } from '../../../lib/http/nodeHttpSend';
import { clearAccessTokenCache } from '../../../lib/shopify/accessToken';
import { ShopifyClient, resetShopifyClientState, type ShopifyClientOptions } from '../../../lib/shopify/client';
import { ShopifyApiError } from '../../../lib/shopify/errors';
import { SHOP_NAME } from '../../../lib/shopify/operations/shop';
import { startScriptedShopifyServer, type ScriptedShopifyServer } from './scriptedShopifyServer';

const STATIC_TOKEN = 'shpat_static_secret_token_value';
const CLIENT_SECRET = 'client-secret-never-shown';

let server: ScriptedShopifyServer;
let waits: number[];
let clock: number;
let logLines: string[];

function client(overrides: Partial<ShopifyClientOptions> = {}): ShopifyClient {
	return new ShopifyClient({
		shop: server.url,
		apiVersion: '2026-10',
		credentials: { authentication: 'accessToken', accessToken: STATIC_TOKEN },
		send: nodeHttpSend,
		now: () => clock,
		// No real sleeping: record the wait and move the clock, as if it had passed.
		sleep: async (ms) => {
			waits.push(ms);
			clock += ms;
		},
		random: () => 0.5,
		log: (level, message, meta) => logLines.push(`${level} ${message} ${JSON.stringify(meta ?? {})}`),
		...overrides,
	});
}

beforeEach(async () => {
	resetShopifyClientState();
	clearAccessTokenCache();
	server = await startScriptedShopifyServer({ clientId: 'client-1', clientSecret: CLIENT_SECRET, staticToken: STATIC_TOKEN });
	waits = [];
	clock = 1_000_000;
	logLines = [];
});

afterEach(async () => {
	await server.close();
});

describe('ShopifyClient against a real local HTTP server', () => {
	it('sends through admin-api-client to the loopback URL over http, with the token header', async () => {
		const response = await client().request<{ shop: { name: string } }>(SHOP_NAME);
		expect(response.data.shop.name).toBe('Scripted Shop');
		expect(response.requestId).toBe('req-1');
		expect(server.requests[0].path).toBe('/admin/api/2026-10/graphql.json');
		expect(server.requests[0].token).toBe(STATIC_TOKEN);
		expect(JSON.parse(server.requests[0].body).query).toContain('query ShopName');
	});

	it('on THROTTLED waits until the requested cost is restored, then retries', async () => {
		server.script({ kind: 'throttled', requested: 900, available: 100 }, { kind: 'ok' });
		await client({ random: () => 0 }).request(SHOP_NAME);
		expect(waits).toEqual([8000]); // (900 − 100) points at 100 points/s
		expect(server.requests).toHaveLength(2);
	});

	it('adds the same small jitter to every wait, so competing workers do not wake together and a request refused again is not put behind newer ones', async () => {
		server.script(
			{ kind: 'throttled', requested: 900, available: 100 },
			{ kind: 'throttled', requested: 900, available: 400 },
			{ kind: 'ok' },
		);
		await client().request(SHOP_NAME);
		// exact + random·min(250 ms, exact/4 + 50 ms), at random 0.5
		expect(waits).toEqual([8000 + 125, 5000 + 125]);
	});

	it('keeps waiting its turn for minutes, not a fixed count, then gives up with advice', async () => {
		// Each refusal asks for 10 s; the budget is 300 s of waiting in all.
		server.script(...Array.from({ length: 40 }, () => ({ kind: 'throttled' as const, requested: 1000, available: 0 })));
		const error = (await client().request(SHOP_NAME).catch((e: unknown) => e)) as ShopifyApiError;
		expect(error.code).toBe('THROTTLED');
		expect(error.message).toMatch(/kept throttling ShopName for \d+ s/);
		expect(waits.length).toBeGreaterThan(12);
		expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(300_000);
		expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThan(250_000);
	});

	it('paces the next call of an operation from the bucket Shopify reported', async () => {
		server.script({ kind: 'ok', requested: 900, available: 100 }, { kind: 'ok', requested: 900, available: 1100 });
		const c = client();
		await c.request(SHOP_NAME);
		expect(waits).toEqual([]);
		await c.request(SHOP_NAME); // learned cost 900, 100 available → wait 8 s before sending
		expect(waits).toEqual([8000]);
		expect(c.throttleStatus?.currentlyAvailable).toBe(1100);
	});

	it('on 429 honours Retry-After in seconds', async () => {
		server.script({ kind: 'status', status: 429, retryAfter: '2.0' }, { kind: 'ok' });
		await client().request(SHOP_NAME);
		expect(waits).toEqual([2000]);
	});

	it('backs off on 500 and 503 and on a dropped connection, then succeeds', async () => {
		server.script({ kind: 'status', status: 500 }, { kind: 'drop' }, { kind: 'status', status: 503 }, { kind: 'ok' });
		const response = await client().request<{ shop: { name: string } }>(SHOP_NAME);
		expect(response.data.shop.name).toBe('Scripted Shop');
		expect(waits).toEqual([375, 750, 1500]); // equal jitter at random 0.5: 500·2^(n−1) × 0.75
	});

	it('gives up after bounded attempts with an error that says what to check', async () => {
		server.script(...Array.from({ length: 5 }, () => ({ kind: 'status' as const, status: 502 })));
		const error = await client().request(SHOP_NAME).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ShopifyApiError);
		expect((error as ShopifyApiError).code).toBe('HTTP_502');
		expect((error as ShopifyApiError).requestId).toBe('req-5');
		expect(server.requests).toHaveLength(5);
	});

	it('maps ACCESS_DENIED to the missing scope', async () => {
		server.script({
			kind: 'graphqlErrors',
			errors: [
				{
					message: 'Access denied for orders field. Required access: `read_orders` access scope.',
					path: ['orders'],
					extensions: { code: 'ACCESS_DENIED', requiredAccess: '`read_orders` access scope.' },
				},
			],
		});
		const error = (await client().request(SHOP_NAME).catch((e: unknown) => e)) as ShopifyApiError;
		expect(error.code).toBe('ACCESS_DENIED');
		expect(error.requiredScopes).toEqual(['read_orders']);
		expect(error.message).toMatch(/ShopName.*read_orders/);
		expect(error.advice).toMatch(/Add read_orders/);
	});

	it('maps MAX_COST_EXCEEDED, and refuses an estimate above 1000 before sending', async () => {
		server.script({
			kind: 'graphqlErrors',
			errors: [{ message: 'Query cost is 1502, which exceeds the single query max cost limit (1000).', extensions: { code: 'MAX_COST_EXCEEDED', cost: 1502, maxCost: 1000 } }],
		});
		const error = (await client().request(SHOP_NAME).catch((e: unknown) => e)) as ShopifyApiError;
		expect(error.code).toBe('MAX_COST_EXCEEDED');
		expect(error.message).toMatch(/1502.*above 1000/);
		const before = server.requests.length;
		const refused = (await client().request(SHOP_NAME, {}, { estimatedCost: 1200 }).catch((e: unknown) => e)) as ShopifyApiError;
		expect(refused.code).toBe('MAX_COST_EXCEEDED');
		expect(server.requests.length).toBe(before);
	});

	it('warns once when Shopify serves another API version', async () => {
		server.script({ kind: 'ok', apiVersion: '2026-01' }, { kind: 'ok', apiVersion: '2026-01' });
		const c = client();
		const response = await c.request(SHOP_NAME);
		await c.request(SHOP_NAME);
		expect(response.apiVersion).toBe('2026-01');
		expect(logLines.filter((l) => l.startsWith('warn') && l.includes('served API version 2026-01'))).toHaveLength(1);
	});

	it('a wrong static token is a 401 with advice, without retrying', async () => {
		const error = (await client({ credentials: { authentication: 'accessToken', accessToken: 'shpat_wrong_token_1234' } })
			.request(SHOP_NAME)
			.catch((e: unknown) => e)) as ShopifyApiError;
		expect(error.code).toBe('HTTP_401');
		expect(error.advice).toMatch(/shpat_/);
		expect(server.requests).toHaveLength(1);
		expect(error.message).not.toContain('shpat_wrong_token_1234');
	});
});

describe('client credentials tokens', () => {
	const credentials = { authentication: 'clientCredentials' as const, clientId: 'client-1', clientSecret: CLIENT_SECRET };

	it('exchanges once and shares the token among concurrent callers and clients', async () => {
		await Promise.all([client({ credentials }).request(SHOP_NAME), client({ credentials }).request(SHOP_NAME), client({ credentials }).request(SHOP_NAME)]);
		await client({ credentials }).request(SHOP_NAME);
		expect(server.tokenRequests).toBe(1);
		expect(new Set(server.requests.map((r) => r.token))).toEqual(new Set(['shpat_issued_1']));
	});

	it('renews after a 401 (token expired early) and retries the request once', async () => {
		const c = client({ credentials });
		await c.request(SHOP_NAME);
		server.expireTokens();
		const response = await c.request<{ shop: { name: string } }>(SHOP_NAME);
		expect(response.data.shop.name).toBe('Scripted Shop');
		expect(server.tokenRequests).toBe(2);
		expect(server.requests.map((r) => r.token)).toEqual(['shpat_issued_1', 'shpat_issued_1', 'shpat_issued_2']);
	});

	it('renews ~60 s before expires_in runs out', async () => {
		const c = client({ credentials });
		await c.request(SHOP_NAME);
		clock += 86_399_000 - 61_000;
		await c.request(SHOP_NAME);
		expect(server.tokenRequests).toBe(1);
		clock += 2_000;
		await c.request(SHOP_NAME);
		expect(server.tokenRequests).toBe(2);
	});

	it.each([
		[400, '{"error":"app_not_installed","error_description":"Oauth error app_not_installed: The application is not installed on this shop."}', 'app_not_installed', /Install app/],
		[400, '{"error":"shop_not_permitted","error_description":"Client credentials cannot be performed on this shop."}', 'shop_not_permitted', /same Shopify organization/],
		[401, '{"error":"invalid_client"}', 'invalid_client', /Copy both again/],
	])('token endpoint %d %s → advice', async (status, body, code, advice) => {
		server.failTokenGrant(status, body);
		const error = (await client({ credentials }).request(SHOP_NAME).catch((e: unknown) => e)) as ShopifyApiError;
		expect(error.code).toBe(code);
		expect(error.advice).toMatch(advice);
		expect(server.requests).toHaveLength(0);
	});

	it('a wrong client secret is reported without the secret', async () => {
		const wrong = 'wrong-secret-value-xyz';
		const error = (await client({ credentials: { ...credentials, clientSecret: wrong } }).request(SHOP_NAME).catch((e: unknown) => e)) as ShopifyApiError;
		expect(error.code).toBe('invalid_client');
		expect(JSON.stringify({ ...error, message: error.message })).not.toContain(wrong);
	});
});

describe('no secret in any error or log line', () => {
	it('across every failure path', async () => {
		const creds = { authentication: 'clientCredentials' as const, clientId: 'client-1', clientSecret: CLIENT_SECRET };
		server.script(
			{ kind: 'throttled', requested: 10, available: 0 },
			{ kind: 'status', status: 500 },
			{ kind: 'drop' },
			{ kind: 'status', status: 429, retryAfter: '1' },
			{ kind: 'graphqlErrors', errors: [{ message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
		);
		const errors: unknown[] = [];
		errors.push(await client({ credentials: creds }).request(SHOP_NAME).catch((e: unknown) => e));
		errors.push(await client().request(SHOP_NAME).catch((e: unknown) => e));
		server.expireTokens();
		errors.push(await client({ credentials: { authentication: 'accessToken', accessToken: 'shpat_revoked_abcdef' } }).request(SHOP_NAME).catch((e: unknown) => e));
		await server.close();
		errors.push(await client({ credentials: creds }).request(SHOP_NAME).catch((e: unknown) => e));
		server = await startScriptedShopifyServer();
		const everything = JSON.stringify([
			logLines,
			errors.map((e) => (e instanceof ShopifyApiError ? { ...e, message: e.message, text: e.describe() } : String(e))),
		]);
		expect(errors.filter((e) => e instanceof ShopifyApiError).length).toBeGreaterThanOrEqual(3);
		for (const secret of [STATIC_TOKEN, CLIENT_SECRET, 'shpat_issued_1', 'shpat_revoked_abcdef']) {
			expect(everything).not.toContain(secret);
		}
	});
});
