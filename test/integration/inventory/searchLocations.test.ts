import type { ILoadOptionsFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { nodeHttpSend } from '../../../lib/http/nodeHttpSend';
import { searchLocations } from '../../../nodes/ShopifyAdjustInventory/searchLocations';
import { startInventoryStore, type InventoryStore } from './inventorySimulator';

let store: InventoryStore;
beforeAll(async () => {
	store = await startInventoryStore(3);
});
afterAll(() => store.close());

/** Just what searchLocations touches of n8n's load-options context; HTTP goes out over node:http. */
function loadOptionsContext(): ILoadOptionsFunctions {
	return {
		getCredentials: async () => store.credentials.shopifyAdminApi,
		logger: { debug() {}, info() {}, warn() {}, error() {} },
		helpers: {
			httpRequest: async (options: IHttpRequestOptions) => {
				const response = await nodeHttpSend({
					method: 'POST',
					url: options.url,
					headers: options.headers as Record<string, string>,
					body: options.body as string,
				});
				return { body: Buffer.from(response.body), headers: response.headers, statusCode: response.status };
			},
		},
	} as unknown as ILoadOptionsFunctions;
}

describe('Location list search', () => {
	it('lists the active locations by name with their IDs', async () => {
		const result = await searchLocations.call(loadOptionsContext());
		expect(result.results.map((entry) => entry.name).sort()).toEqual(store.seed.locations.map((location) => location.name).sort());
		expect(result.results.every((entry) => String(entry.value).startsWith('gid://shopify/Location/'))).toBe(true);
	});

	it('filters by part of the name, ignoring case', async () => {
		const [, second] = store.seed.locations;
		const result = await searchLocations.call(loadOptionsContext(), second.name.slice(1, 5).toLowerCase());
		expect(result.results).toContainEqual({ name: second.name, value: second.id });
		expect(result.results.every((entry) => entry.name.toLowerCase().includes(second.name.slice(1, 5).toLowerCase()))).toBe(true);
	});
});
