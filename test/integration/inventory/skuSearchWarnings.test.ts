/**
 * Adjust Inventory's SKU lookups are searches too: if Shopify ignored their `sku` field (as it does with any
 * field it does not know for a type, answering unfiltered), the node stops and names it before any change.
 */
import { ShopifyAdjustInventory } from '../../../nodes/ShopifyAdjustInventory/ShopifyAdjustInventory.node';
import { runNode } from '../../helpers/n8nEngine';
import { startAnswerEditingProxy, type AnswerEditingProxy } from '../shopify/answerEditingProxy';
import { startInventoryStore, type InventoryStore } from './inventorySimulator';

let store: InventoryStore;
let proxy: AnswerEditingProxy;

beforeAll(async () => {
	store = await startInventoryStore(5);
	proxy = await startAnswerEditingProxy(store.origin);
});
afterAll(async () => {
	await proxy.close();
	await store.close();
});

it('stops with the ignored field named when Shopify reports a warning on the SKU search, and changes nothing', async () => {
	const { sku, inventoryItemId } = store.uniqueSkus[0];
	const [location] = store.seed.locations;
	const before = store.available(inventoryItemId, location.id);
	proxy.edit((exchange) => {
		if (exchange.operationName !== 'InventoryTargetsLookup' || !exchange.variables.withSkus) return;
		// Shopify's report, in the shape recorded from a live store (see lib/shopify/searchWarnings.ts).
		exchange.answer.extensions = {
			...exchange.answer.extensions,
			search: [
				{
					path: ['inventoryItems'],
					query: exchange.variables.skuQuery,
					parsed: { field: 'sku', match_all: sku },
					warnings: [{ field: 'sku', message: 'Invalid search field for this query.', code: 'invalid_field' }],
				},
			],
		};
	});
	const result = await runNode({
		nodeType: ShopifyAdjustInventory,
		parameters: {
			identifierType: 'sku',
			sku: '={{ $json.sku }}',
			location: { __rl: true, mode: 'name', value: location.name },
			mode: 'adjust',
			delta: '={{ $json.qty }}',
			reason: 'correction',
		},
		input: [{ sku, qty: -1 }],
		credentials: { shopifyAdminApi: { ...store.credentials.shopifyAdminApi, shop: proxy.url } },
	});
	expect(result.error?.message).toContain('Shopify ignored the search field "sku" ("Invalid search field for this query.")');
	expect(result.error?.message).toContain('Nothing was sent to Shopify');
	expect(proxy.operations).toContain('InventoryTargetsLookup');
	expect(proxy.operations.filter((name) => name?.startsWith('Inventory') && name !== 'InventoryTargetsLookup')).toEqual([]);
	expect(store.available(inventoryItemId, location.id)).toBe(before);
});
