import * as net from 'node:net';
import type { ICredentialTestFunctions } from 'n8n-workflow';
import { nodeHttpSend } from '../../../lib/http/nodeHttpSend';
import { clearAccessTokenCache } from '../../../lib/shopify/accessToken';
import { resetShopifyClientState } from '../../../lib/shopify/client';
import { checkShopifyConnection } from '../../../lib/shopify/connectionCheck';
import { shopifyAdminApiConnectionTest } from '../../../nodes/shared/shopifyCredentialTest';
import { startScriptedShopifyServer, type ScriptedShopifyServer } from './scriptedShopifyServer';

const TOKEN = 'shpat_connection_check_token';
const SECRET = 'connection-check-client-secret';
let server: ScriptedShopifyServer;

beforeEach(async () => {
	resetShopifyClientState();
	clearAccessTokenCache();
	server = await startScriptedShopifyServer({ clientId: 'cid', clientSecret: SECRET, staticToken: TOKEN });
});
afterEach(() => server.close());

const check = (credentials: Parameters<typeof checkShopifyConnection>[0]['credentials'], shop = server.url) =>
	checkShopifyConnection({ shop, apiVersion: '2026-10', credentials, send: nodeHttpSend });

async function closedPort(): Promise<number> {
	const probe = net.createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
	const { port } = probe.address() as net.AddressInfo;
	await new Promise<void>((resolve) => probe.close(() => resolve()));
	return port;
}

describe('credential test', () => {
	it('connects with a custom-app token', async () => {
		const result = await check({ authentication: 'accessToken', accessToken: TOKEN });
		expect(result).toMatchObject({ ok: true, shopName: 'Scripted Shop' });
	});

	it('connects with client credentials after the token exchange', async () => {
		const result = await check({ authentication: 'clientCredentials', clientId: 'cid', clientSecret: SECRET });
		expect(result.ok).toBe(true);
		expect(server.tokenRequests).toBe(1);
	});

	it.each<[string, { shop?: string; accessToken?: string }, string, RegExp]>([
		['storefront domain', { shop: 'www.acme.com' }, 'INVALID_SHOP', /myshopify\.com/],
		['wrong token', { accessToken: 'shpat_wrong' }, 'HTTP_401', /Copy the Admin API access token again/],
		['empty token', { accessToken: '' }, 'MISSING_FIELD', /Access Token is empty/],
	])('%s → its own advice', async (_label, change, code, message) => {
		const result = await check({ authentication: 'accessToken', accessToken: change.accessToken ?? TOKEN }, change.shop);
		expect(result).toMatchObject({ ok: false, code });
		expect(result.ok === false && result.message).toMatch(message);
	});

	it('missing scope names the scope', async () => {
		server.script({
			kind: 'graphqlErrors',
			errors: [{ message: 'Access denied for shop field.', extensions: { code: 'ACCESS_DENIED', requiredAccess: '`read_locations` access scope.' } }],
		});
		const result = await check({ authentication: 'accessToken', accessToken: TOKEN });
		expect(result.ok === false && result.message).toMatch(/lacks read_locations.*Add read_locations/);
	});

	it('unknown shop (404) says to check the Shop field', async () => {
		server.script({ kind: 'status', status: 404, body: 'Not Found' });
		const result = await check({ authentication: 'accessToken', accessToken: TOKEN });
		expect(result).toMatchObject({ ok: false, code: 'SHOP_NOT_FOUND' });
		expect(result.ok === false && result.message).toMatch(/Check the Shop field/);
	});

	it.each([
		['{"error":"app_not_installed"}', /Install app/],
		['{"error":"shop_not_permitted"}', /same Shopify organization/],
	])('token endpoint %s → advice', async (body, advice) => {
		server.failTokenGrant(400, body);
		const result = await check({ authentication: 'clientCredentials', clientId: 'cid', clientSecret: SECRET });
		expect(result.ok === false && result.message).toMatch(advice);
		expect(JSON.stringify(result)).not.toContain(SECRET);
	});

	it('unreachable host says what to check', async () => {
		const port = await closedPort();
		const result = await check({ authentication: 'accessToken', accessToken: TOKEN }, `http://127.0.0.1:${port}`);
		expect(result).toMatchObject({ ok: false, code: 'NETWORK' });
		expect(result.ok === false && result.message).toMatch(/Could not reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\).*DNS, firewall, proxy/);
	});

	it('runs as n8n calls it (testedBy function) and never echoes the secret', async () => {
		const context = { logger: console, helpers: {} } as unknown as ICredentialTestFunctions;
		const ok = await shopifyAdminApiConnectionTest.call(context, {
			id: '1',
			name: 'Shopify',
			type: 'shopifyAdminApi',
			data: { shop: server.url, apiVersion: '2026-10', authentication: 'accessToken', accessToken: TOKEN },
		});
		expect(ok).toEqual({ status: 'OK', message: 'Connected to "Scripted Shop" (scripted.myshopify.com).' });
		const bad = await shopifyAdminApiConnectionTest.call(context, {
			id: '1',
			name: 'Shopify',
			type: 'shopifyAdminApi',
			data: { shop: server.url, authentication: 'clientCredentials', clientId: 'cid', clientSecret: 'the-wrong-secret' },
		});
		expect(bad.status).toBe('Error');
		expect(bad.message).not.toContain('the-wrong-secret');
	});
});
