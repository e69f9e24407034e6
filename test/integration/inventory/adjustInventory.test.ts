/**
 * The Shopify Adjust Inventory node inside n8n-core's engine, against the Shopify simulator: deltas and sets,
 * compare-and-set, batch sizes, mixed valid/invalid runs, re-runs and a connection dropped after Shopify
 * applied a mutation. Quantities are read from the simulator's store; calls from its request log.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { ShopifyAdjustInventory } from '../../../nodes/ShopifyAdjustInventory/ShopifyAdjustInventory.node';
import { runNode } from '../../helpers/n8nEngine';
import { TOKEN, startInventoryStore, type InventoryStore } from './inventorySimulator';

let store: InventoryStore;
let mainStore: { id: string; name: string };
let warehouse: { id: string; name: string };

beforeAll(async () => {
	store = await startInventoryStore(1100);
	[mainStore, warehouse] = store.seed.locations;
});
afterAll(() => store.close());

const adjustBySku = (locationName: string, extra: INodeParameters = {}): INodeParameters => ({
	identifierType: 'sku',
	sku: '={{ $json.sku }}',
	location: { __rl: true, mode: 'name', value: locationName },
	mode: 'adjust',
	delta: '={{ $json.qty }}',
	reason: 'correction',
	options: { referenceDocumentUri: '={{ $json.ref }}' },
	...extra,
});

async function run(parameters: INodeParameters, input: IDataObject[], continueOnFail = true) {
	return await runNode({ nodeType: ShopifyAdjustInventory, parameters, input, credentials: store.credentials, continueOnFail });
}

function logSince(sequence: number) {
	return store.sim.log.list(sequence);
}
const lastSequence = () => store.sim.log.list().at(-1)?.sequence ?? 0;

describe('Shopify Adjust Inventory (n8n engine + simulator)', () => {
	it('adjusts one SKU by a delta at a location chosen by name, and reports what Shopify did', async () => {
		const { sku, inventoryItemId } = store.uniqueSkus[0];
		const before = store.available(inventoryItemId, mainStore.id);
		const result = await run(adjustBySku(mainStore.name.toUpperCase()), [{ sku, qty: -2, ref: 'gid://n8n-shopify-pos/Order/1' }]);
		expect(result.error).toBeUndefined();
		const [item] = result.json();
		expect(item).toMatchObject({
			status: 'applied',
			sku,
			inventoryItemId,
			locationId: mainStore.id,
			locationName: mainStore.name,
			mode: 'adjust',
			delta: -2,
			quantityAfterChange: before - 2,
		});
		expect(item.adjustmentGroupId).toMatch(/^gid:\/\/shopify\/InventoryAdjustmentGroup\//);
		expect(item.idempotencyKey).toMatch(/^n8n-shopify-pos-/);
		expect(store.available(inventoryItemId, mainStore.id)).toBe(before - 2);
		expect(result.output()[0].pairedItem).toEqual({ item: 0 });
	});

	it('sets an absolute quantity with compare-and-set; a stale expectation fails with the current quantity and changes nothing', async () => {
		const { sku, inventoryItemId } = store.uniqueSkus[1];
		const current = store.available(inventoryItemId, warehouse.id);
		const set = (quantity: number, expected: number): INodeParameters => ({
			identifierType: 'sku',
			sku,
			location: { __rl: true, mode: 'id', value: warehouse.id },
			mode: 'set',
			quantity,
			quantityName: 'available',
			reason: 'cycle_count_available',
			options: { expectedQuantity: expected },
		});
		const ok = await run(set(current + 10, current), [{}]);
		expect(ok.json()[0]).toMatchObject({ status: 'applied', quantity: current + 10, quantityAfterChange: current + 10, changeFromQuantity: current });
		expect(store.available(inventoryItemId, warehouse.id)).toBe(current + 10);

		const stale = await run(set(5, current), [{}]);
		expect(stale.json()[0]).toMatchObject({ status: 'failed', errorCode: 'CHANGE_FROM_QUANTITY_STALE' });
		expect(stale.json()[0].error).toContain(`was ${current}, but Shopify has ${current + 10}`);
		expect(store.available(inventoryItemId, warehouse.id)).toBe(current + 10);
	});

	it('sets on_hand by inventory item ID and reports the delta Shopify applied', async () => {
		const { inventoryItemId } = store.uniqueSkus[2];
		const result = await run(
			{
				identifierType: 'inventoryItemId',
				inventoryItemId: inventoryItemId.split('/').pop()!,
				location: { __rl: true, mode: 'list', value: mainStore.id },
				mode: 'set',
				quantity: 42,
				quantityName: 'on_hand',
				reason: 'received',
				options: { referenceDocumentUri: 'gid://n8n-shopify-pos/Receipt/1' },
			},
			[{}],
		);
		expect(result.json()[0]).toMatchObject({ status: 'applied', inventoryItemId, quantityName: 'on_hand', quantity: 42, quantityAfterChange: 42 });
		expect(typeof result.json()[0].delta).toBe('number');
	});

	it.each(['2026-01', '2026-04', '2026-07'])('works the same on API version %s', async (apiVersion) => {
		const { sku, inventoryItemId } = store.uniqueSkus[3];
		const before = store.available(inventoryItemId, mainStore.id);
		const result = await runNode({
			nodeType: ShopifyAdjustInventory,
			parameters: adjustBySku(mainStore.name),
			input: [{ sku, qty: 1, ref: `gid://n8n-shopify-pos/Version/${apiVersion}` }],
			credentials: { shopifyAdminApi: { ...store.credentials.shopifyAdminApi, apiVersion } },
		});
		expect(result.json()[0]).toMatchObject({ status: 'applied', quantityAfterChange: before + 1 });
	});

	it.each([
		[1, 1],
		[250, 1],
		[251, 2],
		[1000, 4],
	])('%i SKUs → %i mutation(s) of ≤ 250 changes, every one with @idempotent and changeFromQuantity', async (count, mutations) => {
		const skus = store.uniqueSkus.slice(0, count);
		const before = skus.map(({ inventoryItemId }) => store.available(inventoryItemId, mainStore.id));
		const since = lastSequence();
		const result = await run(adjustBySku(mainStore.name), skus.map(({ sku }, i) => ({ sku, qty: (i % 5) + 1, ref: `gid://n8n-shopify-pos/StockSync/${count}` })));
		expect(result.error).toBeUndefined();
		expect(result.json().every((item) => item.status === 'applied')).toBe(true);
		skus.forEach(({ inventoryItemId }, i) => expect(store.available(inventoryItemId, mainStore.id)).toBe(before[i] + (i % 5) + 1));
		const log = logSince(since);
		const sent = log.filter((entry) => entry.operationType === 'mutation');
		expect(sent).toHaveLength(mutations);
		for (const entry of sent) {
			expect(entry.status).toBe(200);
			expect(entry.idempotencyKey).toMatch(/^n8n-shopify-pos-[0-9a-f]{40}$/);
			const changes = (entry.variables as { input: { changes: Record<string, unknown>[] } }).input.changes;
			expect(changes.length).toBeLessThanOrEqual(250);
			for (const change of changes) expect(change).toHaveProperty('changeFromQuantity', null);
		}
		// The simulator executes every document on the pinned Admin schema: any invalid one would not answer 'ok'.
		expect(log.filter((entry) => entry.outcome !== 'THROTTLED').every((entry) => entry.outcome === 'ok')).toBe(true);
		const lookups = log.filter((entry) => entry.operationName === 'InventoryTargetsLookup');
		expect(lookups).toHaveLength(Math.ceil(count / 250));
		// Each lookup asks for as many items as it has SKUs (plus the first call's location page), so a small
		// run does not reserve 250 items' worth of the store's rate-limit budget.
		const first = Math.min(count, 250);
		expect(lookups[0].requestedCost).toBeLessThanOrEqual(2 + first + 2 + 50 + 1);
	});

	it('mixed run: bad items fail on their own items, a change Shopify rejects is reported, the rest is applied once', async () => {
		const [a, b, c] = store.uniqueSkus.slice(20, 23);
		const staleLevel = store.available(c.inventoryItemId, mainStore.id);
		const before = { a: store.available(a.inventoryItemId, mainStore.id), b: store.available(b.inventoryItemId, mainStore.id) };
		const params = adjustBySku(mainStore.name, {
			options: { referenceDocumentUri: 'gid://n8n-shopify-pos/Sale/77', expectedQuantity: '={{ $json.expected }}' },
		});
		const input = [
			{ sku: a.sku, qty: -1 },
			{ sku: 'NO-SUCH-SKU', qty: -1 },
			{ sku: store.sharedSku, qty: -1 },
			{ sku: b.sku, qty: 1.5 },
			{ sku: b.sku, qty: 3 },
			{ sku: c.sku, qty: -1, expected: staleLevel + 100 },
		];
		// Expected Current Quantity applies to every item here; items without `expected` get null from the expression.
		const result = await run(params, input);
		const items = result.json();
		expect(items.map((item) => item.status)).toEqual(['applied', 'failed', 'failed', 'failed', 'applied', 'failed']);
		expect(items.map((item) => item.errorCode ?? null)).toEqual([null, 'UNKNOWN_SKU', 'AMBIGUOUS_SKU', 'INVALID_QUANTITY', null, 'CHANGE_FROM_QUANTITY_STALE']);
		expect(items[1].error).toContain('NO-SUCH-SKU');
		expect(items[2].error).toMatch(/used by 2 product variants/);
		expect(items[5].error).toContain(`Shopify has ${staleLevel}`);
		expect(result.output().map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
		expect(JSON.stringify(items)).not.toContain(TOKEN);
		expect(JSON.stringify(result.logs)).not.toContain(TOKEN);
		expect(store.available(a.inventoryItemId, mainStore.id)).toBe(before.a - 1);
		expect(store.available(b.inventoryItemId, mainStore.id)).toBe(before.b + 3);
		expect(store.available(c.inventoryItemId, mainStore.id)).toBe(staleLevel);

		// The same execution again: Shopify replays both rounds (the rejection, then the rest); nothing moves.
		const since = lastSequence();
		const again = await run(params, input);
		expect(again.json().map((item) => [item.status, item.idempotencyKey])).toEqual(items.map((item) => [item.status, item.idempotencyKey]));
		expect(store.available(a.inventoryItemId, mainStore.id)).toBe(before.a - 1);
		expect(store.available(b.inventoryItemId, mainStore.id)).toBe(before.b + 3);
		const keys = logSince(since).filter((entry) => entry.operationType === 'mutation').map((entry) => entry.idempotencyKey);
		expect(keys).toHaveLength(2);
		expect(new Set(keys).size).toBe(2);
	});

	it('re-running the same execution leaves inventory as after one application', async () => {
		const skus = store.uniqueSkus.slice(300, 560);
		const before = skus.map(({ inventoryItemId }) => store.available(inventoryItemId, warehouse.id));
		const input = skus.map(({ sku }, i) => ({ sku, qty: -((i % 3) + 1), order_id: 5000 + (i % 2) }));
		const params = adjustBySku(warehouse.name, { options: {} });
		const first = await run(params, input);
		const since = lastSequence();
		// A re-run minutes later, on Shopify's clock: Shopify answers with the stored groups, which the output says.
		store.advanceClock(10 * 60_000);
		const second = await run(params, input);
		expect(second.json().map((item) => item.idempotencyKey)).toEqual(first.json().map((item) => item.idempotencyKey));
		expect(first.json().map((item) => [item.status, item.replayed])).toEqual(input.map(() => ['applied', false]));
		expect(second.json().map((item) => [item.status, item.replayed])).toEqual(input.map(() => ['applied', true]));
		expect(second.json().map((item) => item.adjustmentGroupId)).toEqual(first.json().map((item) => item.adjustmentGroupId));
		skus.forEach(({ inventoryItemId }, i) => expect(store.available(inventoryItemId, warehouse.id)).toBe(before[i] - ((i % 3) + 1)));
		expect(first.json()[0].referenceDocumentUri).toBe('gid://n8n-shopify-pos/Order/5000');
		const replayed = logSince(since).filter((entry) => entry.operationType === 'mutation');
		expect(replayed.length).toBeGreaterThan(0);
	});

	it('a connection dropped after Shopify applied the mutation is retried under the same key and applied once', async () => {
		const skus = store.uniqueSkus.slice(600, 610);
		const before = skus.map(({ inventoryItemId }) => store.available(inventoryItemId, mainStore.id));
		store.sim.faults.add({ kind: 'commitThenDrop', operationName: 'InventoryAdjustQuantities' });
		const since = lastSequence();
		const result = await run(adjustBySku(mainStore.name), skus.map(({ sku }) => ({ sku, qty: 4, ref: 'gid://n8n-shopify-pos/Order/drop' })));
		expect(result.json().every((item) => item.status === 'applied')).toBe(true);
		// The answer to the re-send is Shopify's stored result of this run's own first send: not a replay.
		expect(result.json().every((item) => item.replayed === false)).toBe(true);
		skus.forEach(({ inventoryItemId }, i) => expect(store.available(inventoryItemId, mainStore.id)).toBe(before[i] + 4));
		const sent = logSince(since).filter((entry) => entry.operationType === 'mutation');
		expect(sent.length).toBe(2);
		expect(sent[1].idempotencyKey).toBe(sent[0].idempotencyKey);
	});

	it('without Continue On Fail, a bad item stops the node before anything is sent', async () => {
		const since = lastSequence();
		const result = await run(adjustBySku(mainStore.name), [{ sku: store.uniqueSkus[700].sku, qty: 1, ref: 'gid://n8n-shopify-pos/Order/9' }, { sku: 'NOPE', qty: 1, ref: 'gid://n8n-shopify-pos/Order/9' }], false);
		expect(result.error?.message ?? result.nodeError()?.message).toContain('SKU "NOPE" is not in this store');
		expect(logSince(since).filter((entry) => entry.operationType === 'mutation')).toHaveLength(0);
	});
});
