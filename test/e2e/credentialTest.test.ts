import { PosSimulator } from '../../simulator/pos/posSimulator';
import { startShopifySimulator, type RunningShopifySimulator } from '../../simulator/shopify';
import { N8nInstance, type CredentialImport } from './harness';
import { posCredential } from './workflows/posWorkflows';
import { shopifyCredential } from './workflows/shopifyWorkflows';

// The credential editor's Test button inside a real n8n 2.41.1 (`POST /rest/credentials/test`, what the editor
// sends), for both credentials of the package, against the Shopify and POS simulators: what a user sees when
// they paste their credentials.
const POS_TOKEN = 'pos-credential-test-token-5d2e';
const WRONG_SHOPIFY_TOKEN = 'shpat_wrong0000000000000000000000000';
const WRONG_CLIENT_SECRET = 'shpss_wrong_secret_1f9c0d';

interface TestResult {
	status: 'OK' | 'Error';
	message: string;
}

describe('The credential test inside n8n (the editor\'s Test button)', () => {
	let n8n: N8nInstance;
	let shop: RunningShopifySimulator;
	let pos: PosSimulator;
	const credentials = new Map<string, CredentialImport>();

	beforeAll(async () => {
		shop = await startShopifySimulator({ seed: false });
		await shop.control.seed({ seed: 3, locations: 1, products: 1, orders: 0 });
		pos = new PosSimulator({ config: { auth: { type: 'bearer', token: POS_TOKEN } } });
		const posOrigin = await pos.start();
		const token = shopifyCredential('shopToken', shop);
		const clientCredentials: CredentialImport = {
			...token,
			id: 'shopClient',
			name: 'Shopify simulator shopClient',
			data: { shop: shop.url, apiVersion: '2026-10', authentication: 'clientCredentials', clientId: shop.clientId, clientSecret: shop.clientSecret },
		};
		for (const credential of [
			token,
			{ ...token, id: 'shopWrongToken', name: 'wrong token', data: { ...token.data, accessToken: WRONG_SHOPIFY_TOKEN } },
			clientCredentials,
			{ ...clientCredentials, id: 'shopWrongSecret', name: 'wrong secret', data: { ...clientCredentials.data, clientSecret: WRONG_CLIENT_SECRET } },
			posCredential('pos', posOrigin, POS_TOKEN),
			posCredential('posWrongToken', posOrigin, 'not-the-token'),
		]) {
			credentials.set(credential.id, credential);
		}
		n8n = await N8nInstance.create({ log: (line) => process.stdout.write(`${line}\n`) });
		await n8n.importCredentials([...credentials.values()]);
		await n8n.start();
	}, 300_000);

	afterAll(async () => {
		await n8n?.dispose();
		await pos?.stop();
		await shop?.close();
	}, 60_000);

	/** What the editor sends when the user clicks Test: the credential's id, type and the data in the form. */
	const test = async (id: string): Promise<TestResult> => {
		const credential = credentials.get(id)!;
		return await n8n.rest.rest<TestResult>('POST', '/credentials/test', {
			credentials: { id: credential.id, name: credential.name, type: credential.type, data: credential.data },
		});
	};

	it('connects with a custom app\'s access token and names the store', async () => {
		expect(await test('shopToken')).toEqual({ status: 'OK', message: expect.stringMatching(/^Connected to ".+" \(.+\.myshopify\.com\)\.$/) });
	});

	it('connects with a Dev Dashboard app\'s client ID and secret (a token exchanged first)', async () => {
		const tokenExchanges = () => shop.simulator.log.list().filter((entry) => entry.endpoint === 'oauth' && entry.status === 200).length;
		const before = tokenExchanges();
		expect(await test('shopClient')).toEqual({ status: 'OK', message: expect.stringContaining('Connected to') });
		expect(tokenExchanges()).toBe(before + 1);
	});

	it('says what to fix for a wrong token or secret, without repeating it', async () => {
		const wrongToken = await test('shopWrongToken');
		expect(wrongToken.status).toBe('Error');
		expect(wrongToken.message).toMatch(/token/i);
		expect(wrongToken.message).not.toContain(WRONG_SHOPIFY_TOKEN);
		const wrongSecret = await test('shopWrongSecret');
		expect(wrongSecret.status).toBe('Error');
		expect(wrongSecret.message).toMatch(/client (ID|secret)/i);
		expect(wrongSecret.message).not.toContain(WRONG_CLIENT_SECRET);
	});

	it('POS API: passes with the right token and fails with a wrong one', async () => {
		expect((await test('pos')).status).toBe('OK');
		const wrong = await test('posWrongToken');
		expect(wrong.status).toBe('Error');
		expect(wrong.message).not.toContain('not-the-token');
		expect(pos.requests.some((request) => request.headers.authorization === `Bearer ${POS_TOKEN}`)).toBe(true);
	});
});
