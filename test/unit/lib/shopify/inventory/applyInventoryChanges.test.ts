import { applyInventoryChanges } from '../../../../../lib/shopify/inventory/applyInventoryChanges';
import type { GraphqlClient } from '../../../../../lib/shopify/orders/graphqlClient';
import { batchKey } from '../../../../../lib/shopify/inventory/idempotencyKey';
import type { RawInventoryChange } from '../../../../../lib/shopify/inventory/types';

/**
 * The transport seam scripted per operation: lookups answer from a small catalogue; mutations answer with
 * whatever the test queues. (Shopify's behaviour itself is exercised in test/integration against the simulator.)
 */
interface SentMutation {
	key: string;
	changes: { inventoryItemId: string; delta?: number; quantity?: number; changeFromQuantity: number | null }[];
}

function scriptedShopify(catalogue: Record<string, string[]>, mutationAnswers: ((sent: SentMutation) => unknown)[] = []) {
	const sent: SentMutation[] = [];
	const lookups: Record<string, unknown>[] = [];
	const costs: number[] = [];
	const answer = async <T>(document: string, variables: Record<string, unknown>, options?: { estimatedCost?: number }): Promise<{ data: T }> => {
		const name = /(query|mutation)\s+(\w+)/.exec(document)![2];
		if (name === 'InventoryTargetsLookup') {
			lookups.push(variables);
			costs.push(options?.estimatedCost ?? 0);
			const byId = (variables.ids as string[]).map((id) =>
				id.includes('ProductVariant')
					? { __typename: 'ProductVariant', id, sku: 'BY-ID', displayName: 'By ID', inventoryItem: { id: 'gid://shopify/InventoryItem/900' } }
					: id.endsWith('/404')
						? null
						: { __typename: 'InventoryItem', id, sku: 'ITEM-SKU' },
			);
			const skus = [...String(variables.skuQuery).matchAll(/sku:'([^']*)'/g)].map((m) => m[1]);
			const nodes = skus.flatMap((sku) => (catalogue[sku] ?? []).map((item) => ({ id: item, sku })));
			return {
				data: {
					...(variables.withIds ? { nodes: byId } : {}),
					...(variables.withSkus ? { inventoryItems: { nodes, pageInfo: { hasNextPage: false, endCursor: null } } } : {}),
					...(variables.withLocations
						? { locations: { nodes: [{ id: 'gid://shopify/Location/1', name: 'Main Store' }, { id: 'gid://shopify/Location/2', name: 'Warehouse' }], pageInfo: { hasNextPage: false, endCursor: null } } }
						: {}),
				} as T,
			};
		}
		if (name === 'InventoryItemVariants') {
			const ids = variables.ids as string[];
			return { data: { nodes: ids.map((id) => ({ id, variants: { nodes: [{ id: `gid://shopify/ProductVariant/${id.split('/').pop()}0`, displayName: `Tee - ${id.split('/').pop()}` }] } })) } as T };
		}
		if (name === 'InventoryQuantitiesAtLocation') {
			const ids = variables.inventoryItemIds as string[];
			return { data: { nodes: ids.map((id) => ({ id, inventoryLevel: { quantities: [{ name: 'available', quantity: 3 }] } })) } as T };
		}
		const input = variables.input as { changes?: SentMutation['changes']; quantities?: SentMutation['changes'] };
		const mutation: SentMutation = { key: variables.idempotencyKey as string, changes: input.changes ?? input.quantities ?? [] };
		sent.push(mutation);
		const answer = mutationAnswers.shift()?.(mutation) ?? {
			inventoryAdjustmentGroup: {
				id: `gid://shopify/InventoryAdjustmentGroup/${sent.length}`,
				changes: mutation.changes.map((change) => ({
					name: 'available',
					delta: change.delta ?? 0,
					quantityAfterChange: 100 + (change.delta ?? change.quantity ?? 0),
					item: { id: change.inventoryItemId },
					location: { id: 'gid://shopify/Location/1' },
				})),
			},
			userErrors: [],
		};
		const field = name === 'InventoryAdjustQuantities' ? 'inventoryAdjustQuantities' : 'inventorySetQuantities';
		return { data: { [field]: answer } as T };
	};
	// What ShopifyClient.request answers: the data and the version Shopify served.
	const request: GraphqlClient['request'] = async <T>(document: string, variables: Record<string, unknown> = {}, options?: { estimatedCost?: number }) => ({ ...(await answer<T>(document, variables, options)), apiVersion: '2026-07' });
	return { request, sent, lookups, costs };
}

function raw(i: number, sku: string, overrides: Partial<RawInventoryChange> = {}): RawInventoryChange {
	return {
		itemIndex: i,
		identifierType: 'sku',
		identifier: sku,
		locationBy: 'name',
		location: 'Main Store',
		mode: 'adjust',
		quantityName: 'available',
		quantity: -1,
		reason: 'correction',
		referenceDocumentUri: 'gid://n8n-shopify-pos/Input/run',
		...overrides,
	};
}

const catalogueOf = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`SKU-${i}`, [`gid://shopify/InventoryItem/${i}`]]));

describe('applyInventoryChanges', () => {
	it('applies 1,000 SKU changes with 4 lookups and 4 mutations, every change carrying changeFromQuantity', async () => {
		const shopify = scriptedShopify(catalogueOf(1000));
		const result = await applyInventoryChanges(
			Array.from({ length: 1000 }, (_, i) => raw(i, `SKU-${i}`)),
			{ request: shopify.request },
		);
		expect(result.calls).toEqual({ lookups: 4, mutations: 4 });
		expect(Math.max(...shopify.costs)).toBeLessThanOrEqual(1000);
		expect(result.outcomes.every((o) => o.status === 'applied')).toBe(true);
		expect(shopify.sent.map((m) => m.changes.length)).toEqual([250, 250, 250, 250]);
		expect(shopify.sent.flatMap((m) => m.changes).every((c) => 'changeFromQuantity' in c && c.changeFromQuantity === null)).toBe(true);
		expect(new Set(shopify.sent.map((m) => m.key)).size).toBe(4);
		expect(result.outcomes[7]).toMatchObject({ sku: 'SKU-7', inventoryItemId: 'gid://shopify/InventoryItem/7', locationName: 'Main Store', delta: -1, quantityAfterChange: 99 });
	});

	it('looks up 250 SKUs and 100 IDs in one call within the 1,000-point cap, and resolves each ID', async () => {
		const shopify = scriptedShopify(catalogueOf(250));
		const ids = Array.from({ length: 100 }, (_, i) => raw(250 + i, '', { identifierType: i % 2 ? 'variantId' : 'inventoryItemId', identifier: i === 0 ? 404 : 1000 + i }));
		const result = await applyInventoryChanges([...Array.from({ length: 250 }, (_, i) => raw(i, `SKU-${i}`)), ...ids], { request: shopify.request });
		expect(shopify.lookups).toHaveLength(1);
		expect(Math.max(...shopify.costs)).toBeLessThanOrEqual(1000);
		expect(result.outcomes[250].error?.code).toBe('UNKNOWN_INVENTORY_ITEM');
		expect(result.outcomes[251]).toMatchObject({ status: 'applied', variantId: 'gid://shopify/ProductVariant/1001', inventoryItemId: 'gid://shopify/InventoryItem/900', sku: 'BY-ID' });
		expect(result.outcomes[252]).toMatchObject({ status: 'applied', inventoryItemId: 'gid://shopify/InventoryItem/1002', sku: 'ITEM-SKU' });
	});

	it('reproduces the same keys and contents when the same input runs again', async () => {
		const input = Array.from({ length: 300 }, (_, i) => raw(i, `SKU-${i % 40}`, { quantity: i + 1 }));
		const first = scriptedShopify(catalogueOf(40));
		const second = scriptedShopify(catalogueOf(40));
		await applyInventoryChanges(input, { request: first.request });
		await applyInventoryChanges(input, { request: second.request });
		expect(first.sent.length).toBeGreaterThan(1);
		expect(second.sent).toEqual(first.sent);
	});

	it('after an atomic rejection reports the named change on its item and re-sends the rest under the next round key', async () => {
		const shopify = scriptedShopify(catalogueOf(3), [
			(sent) => ({
				inventoryAdjustmentGroup: null,
				userErrors: [{ field: ['input', 'changes', String(sent.changes.findIndex((c) => c.inventoryItemId.endsWith('/1'))), 'changeFromQuantity'], message: 'stale', code: 'CHANGE_FROM_QUANTITY_STALE' }],
			}),
		]);
		const result = await applyInventoryChanges([raw(0, 'SKU-0'), raw(1, 'SKU-1', { expectedQuantity: 10 }), raw(2, 'SKU-2')], { request: shopify.request });
		expect(shopify.sent).toHaveLength(2);
		const keys = result.outcomes.map((o) => o.changeKey!);
		expect(shopify.sent[0].key).toBe(batchKey(keys, 0));
		expect(shopify.sent[1].key).toBe(batchKey(keys, 1));
		expect(shopify.sent[1].changes.map((c) => c.inventoryItemId).sort()).toEqual(['gid://shopify/InventoryItem/0', 'gid://shopify/InventoryItem/2']);
		expect(result.outcomes.map((o) => o.status)).toEqual(['applied', 'failed', 'applied']);
		expect(result.outcomes[1].error).toMatchObject({ code: 'CHANGE_FROM_QUANTITY_STALE', source: 'shopify' });
		expect(result.outcomes[1].error!.message).toContain('was 10, but Shopify has 3');
	});

	it('follows an earlier run: previous attempt failed → next round; other contents under that key → refused, nothing re-applied', async () => {
		const shopify = scriptedShopify(catalogueOf(2), [
			() => ({ inventoryAdjustmentGroup: null, userErrors: [{ field: null, message: 'previous failed', code: 'IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED' }] }),
			() => ({ inventoryAdjustmentGroup: null, userErrors: [{ field: null, message: 'mismatch', code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH' }] }),
		]);
		const result = await applyInventoryChanges([raw(0, 'SKU-0'), raw(1, 'SKU-1')], { request: shopify.request });
		const keys = result.outcomes.map((o) => o.changeKey!);
		expect(shopify.sent.map((m) => m.key)).toEqual([batchKey(keys, 0), batchKey(keys, 1)]);
		expect(result.outcomes.every((o) => o.status === 'failed' && o.error?.code === 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH')).toBe(true);
		expect(result.outcomes[0].error!.message).toContain('not applied again');
	});

	it('refuses unknown and shared SKUs and unknown locations by name, listing the candidates', async () => {
		const shopify = scriptedShopify({ ...catalogueOf(1), SHARED: ['gid://shopify/InventoryItem/7', 'gid://shopify/InventoryItem/8'] });
		const result = await applyInventoryChanges(
			[raw(0, 'SKU-0'), raw(1, 'NOPE'), raw(2, 'SHARED'), raw(3, 'SKU-0', { location: 'Basement', quantity: 5 })],
			{ request: shopify.request },
		);
		expect(result.outcomes.map((o) => o.status)).toEqual(['applied', 'failed', 'failed', 'failed']);
		expect(result.outcomes[1].error).toMatchObject({ code: 'UNKNOWN_SKU', value: 'NOPE' });
		expect(result.outcomes[2].error!.code).toBe('AMBIGUOUS_SKU');
		expect(result.outcomes[2].error!.message).toContain('"Tee - 7" (gid://shopify/ProductVariant/70)');
		expect(result.outcomes[2].error!.message).toContain('"Tee - 8" (gid://shopify/ProductVariant/80)');
		expect(result.outcomes[3].error!.message).toContain('"Main Store", "Warehouse"');
		expect(shopify.sent).toHaveLength(1);
		expect(shopify.sent[0].changes).toHaveLength(1);
	});

	it('sends nothing when asked to be all-or-nothing and an item fails its checks', async () => {
		const shopify = scriptedShopify(catalogueOf(2));
		const result = await applyInventoryChanges([raw(0, 'SKU-0'), raw(1, 'SKU-1', { quantity: 'x' })], { request: shopify.request, allOrNothingBeforeSending: true });
		expect(shopify.sent).toHaveLength(0);
		expect(result.outcomes.map((o) => o.error?.code)).toEqual(['NOT_SENT', 'INVALID_QUANTITY']);
		expect(result.outcomes[0]).toMatchObject({ status: 'failed', sku: 'SKU-0', inventoryItemId: 'gid://shopify/InventoryItem/0', locationName: 'Main Store' });
	});

	it('applies an identical change (same event twice in one run) once, and skips zero deltas', async () => {
		const shopify = scriptedShopify(catalogueOf(2));
		const result = await applyInventoryChanges([raw(0, 'SKU-0'), raw(1, 'SKU-0'), raw(2, 'SKU-1', { quantity: 0 })], { request: shopify.request });
		expect(result.outcomes.map((o) => o.status)).toEqual(['applied', 'duplicate', 'skipped']);
		expect(result.outcomes[1].duplicateOf).toBe(0);
		expect(shopify.sent.flatMap((m) => m.changes)).toHaveLength(1);
	});

	it('sets absolute quantities with inventorySetQuantities and a compare-and-set value', async () => {
		const shopify = scriptedShopify(catalogueOf(1));
		const result = await applyInventoryChanges([raw(0, 'SKU-0', { mode: 'set', quantity: 12, expectedQuantity: 9, quantityName: 'on_hand' })], { request: shopify.request });
		expect(shopify.sent[0].changes[0]).toEqual({ inventoryItemId: 'gid://shopify/InventoryItem/0', locationId: 'gid://shopify/Location/1', quantity: 12, changeFromQuantity: 9 });
		expect(result.outcomes[0]).toMatchObject({ status: 'applied', mode: 'set', quantity: 12 });
	});
});
