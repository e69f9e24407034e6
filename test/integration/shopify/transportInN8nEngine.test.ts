import {
	NodeApiError,
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type JsonObject,
} from 'n8n-workflow';
import { clearAccessTokenCache } from '../../../lib/shopify/accessToken';
import { resetShopifyClientState } from '../../../lib/shopify/client';
import { SHOP_NAME } from '../../../lib/shopify/operations/shop';
import { shopifyClientFor } from '../../../nodes/shared/shopifyClient';
import { runNode } from '../../helpers/n8nEngine';
import { startScriptedShopifyServer, type ScriptedShopifyServer } from './scriptedShopifyServer';

/** The smallest node on the shared Shopify seam: proves credential → client → n8n's own http helper. */
class ShopNameProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shop Name Probe',
		name: 'shopNameProbe',
		group: ['transform'],
		version: 1,
		description: 'test node',
		defaults: { name: 'Shop Name Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'shopifyAdminApi', required: true }],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const client = await shopifyClientFor(this);
		try {
			const response = await client.request<{ shop: { name: string } }>(SHOP_NAME);
			return [[{ json: { name: response.data.shop.name, apiVersion: response.apiVersion }, pairedItem: { item: 0 } }]];
		} catch (error) {
			throw new NodeApiError(this.getNode(), { message: (error as Error).message } as JsonObject);
		}
	}
}

const TOKEN = 'shpat_engine_token_value';
const SECRET = 'engine-client-secret-value';
let server: ScriptedShopifyServer;

beforeEach(async () => {
	resetShopifyClientState();
	clearAccessTokenCache();
	server = await startScriptedShopifyServer({ clientId: 'cid', clientSecret: SECRET, staticToken: TOKEN });
});
afterEach(() => server.close());

describe('Shopify transport inside n8n-core', () => {
	it('reaches the store through n8n\'s http helper with an access token', async () => {
		const run = await runNode({
			nodeType: ShopNameProbe,
			credentials: { shopifyAdminApi: { shop: server.url, apiVersion: '2026-07', authentication: 'accessToken', accessToken: TOKEN } },
		});
		expect(run.error).toBeUndefined();
		expect(run.json()).toEqual([{ name: 'Scripted Shop', apiVersion: '2026-07' }]);
		expect(server.requests[0].path).toBe('/admin/api/2026-07/graphql.json');
	});

	it('exchanges client credentials through n8n\'s http helper, retries a 500, and logs no secret', async () => {
		server.script({ kind: 'status', status: 500 }, { kind: 'drop' }, { kind: 'ok' });
		const run = await runNode({
			nodeType: ShopNameProbe,
			credentials: { shopifyAdminApi: { shop: server.url, authentication: 'clientCredentials', clientId: 'cid', clientSecret: SECRET } },
		});
		expect(run.error).toBeUndefined();
		expect(run.json()).toEqual([{ name: 'Scripted Shop', apiVersion: '2026-10' }]);
		expect(server.tokenRequests).toBe(1);
		expect(server.requests).toHaveLength(3);
		const logged = JSON.stringify(run.logs);
		expect(logged).toMatch(/got no response \(ECONNRESET\)/);
		expect(logged).toContain('retry 1');
		expect(logged).not.toContain(SECRET);
		expect(logged).not.toContain('shpat_issued_1');
	});
});
