import { startShopifySimulator, type RunningShopifySimulator } from '../../../simulator/shopify';
import { ALL_SCOPES } from '../../../simulator/shopify/auth/accessScopes';
import { adminGraphql } from './helpers/adminApi';

const ADJUST = `mutation Adjust($input: InventoryAdjustQuantitiesInput!, $key: String!) {
	inventoryAdjustQuantities(input: $input) @idempotent(key: $key) {
		inventoryAdjustmentGroup { id reason referenceDocumentUri changes { name delta quantityAfterChange item { id } location { id } } }
		userErrors { field message code }
	}
}`;
const SET = `mutation SetStock($input: InventorySetQuantitiesInput!, $key: String!) {
	inventorySetQuantities(input: $input) @idempotent(key: $key) {
		inventoryAdjustmentGroup { id changes(quantityNames: ["available", "on_hand"]) { name delta quantityAfterChange } }
		userErrors { field message code }
	}
}`;

describe('Shopify simulator: inventory mutations', () => {
	let sim: RunningShopifySimulator;
	let locationId: string;
	let items: Array<{ inventoryItemId: string; sku: string }>;

	const available = async (inventoryItemId: string, name = 'available') =>
		(await sim.control.inventory({ inventoryItemId, locationId }))[0].quantities[name];
	const change = (inventoryItemId: string, delta: number, changeFromQuantity: number | null = null) => ({
		inventoryItemId,
		locationId,
		delta,
		changeFromQuantity,
	});

	beforeAll(async () => {
		sim = await startShopifySimulator({ seed: { seed: 3, products: 8, locations: 2 } });
		const levels = await sim.control.inventory();
		locationId = levels[0].locationId;
		items = levels.filter((l) => l.locationId === locationId).map((l) => ({ inventoryItemId: l.inventoryItemId, sku: l.sku! }));
	});
	afterAll(async () => {
		await sim.close();
	});

	it('requires @idempotent from 2026-04 and accepts its absence on 2026-01', async () => {
		const withoutKey = `mutation Adjust($input: InventoryAdjustQuantitiesInput!) { inventoryAdjustQuantities(input: $input) { userErrors { code } } }`;
		const input = { name: 'available', reason: 'correction', changes: [change(items[0].inventoryItemId, 1)] };
		const before = await available(items[0].inventoryItemId);
		const refused = await adminGraphql(sim, withoutKey, { input });
		expect(refused.body.errors?.[0].message).toMatch(/requires an idempotency key.*@idempotent/);
		expect(await available(items[0].inventoryItemId)).toBe(before);
		const old = await adminGraphql(sim, withoutKey, { input: { ...input, changes: [{ ...input.changes[0], changeFromQuantity: undefined }] } }, { version: '2026-01' });
		expect(old.body.errors).toBeUndefined();
		expect(await available(items[0].inventoryItemId)).toBe(before + 1);
	});

	it('applies a delta, reports quantityAfterChange and replays the same key without applying again', async () => {
		const id = items[1].inventoryItemId;
		const before = await available(id);
		const input = { name: 'available', reason: 'received', referenceDocumentUri: 'gid://n8n-pos/Sale/1001', changes: [change(id, 5, before)] };
		const first: any = await adminGraphql(sim, ADJUST, { input, key: 'sale-1001-line-1' });
		const group = first.body.data.inventoryAdjustQuantities.inventoryAdjustmentGroup;
		expect(first.body.data.inventoryAdjustQuantities.userErrors).toEqual([]);
		expect(group.changes).toEqual([
			{ name: 'available', delta: 5, quantityAfterChange: before + 5, item: { id }, location: { id: locationId } },
			expect.objectContaining({ name: 'on_hand', delta: 5 }),
		]);
		expect(group.referenceDocumentUri).toBe('gid://n8n-pos/Sale/1001');
		const replay: any = await adminGraphql(sim, ADJUST, { input, key: 'sale-1001-line-1' });
		expect(replay.body.data.inventoryAdjustQuantities.inventoryAdjustmentGroup.id).toBe(group.id);
		expect(await available(id)).toBe(before + 5);
		const log = await sim.control.requests();
		expect(log.filter((entry) => entry.idempotencyKey === 'sale-1001-line-1')).toHaveLength(2);
	});

	it('refuses the same key with other input', async () => {
		const id = items[2].inventoryItemId;
		await adminGraphql(sim, ADJUST, { input: { name: 'available', reason: 'correction', changes: [change(id, 1)] }, key: 'k-mismatch' });
		const other: any = await adminGraphql(sim, ADJUST, { input: { name: 'available', reason: 'correction', changes: [change(id, 2)] }, key: 'k-mismatch' });
		expect(other.body.data.inventoryAdjustQuantities.userErrors[0].code).toBe('IDEMPOTENCY_KEY_PARAMETER_MISMATCH');
		expect(other.body.data.inventoryAdjustQuantities.inventoryAdjustmentGroup).toBeNull();
	});

	it('requires changeFromQuantity on every change from 2026-04 (null is allowed)', async () => {
		const id = items[3].inventoryItemId;
		const missing: any = await adminGraphql(sim, ADJUST, {
			input: { name: 'available', reason: 'correction', changes: [change(id, 1), { inventoryItemId: id, locationId, delta: 1 }] },
			key: 'k-missing-cfq',
		});
		expect(missing.body.errors[0].message).toMatch(/changes\[1\] has none/);
		const explicitNull: any = await adminGraphql(sim, ADJUST, { input: { name: 'available', reason: 'correction', changes: [change(id, 1, null)] }, key: 'k-null-cfq' });
		expect(explicitNull.body.data.inventoryAdjustQuantities.userErrors).toEqual([]);
	});

	it('is atomic: a stale changeFromQuantity or a bad item refuses the whole call with field paths per change', async () => {
		const ids = items.slice(0, 5).map((i) => i.inventoryItemId);
		const before = await Promise.all(ids.map((id) => available(id)));
		const changes = ids.map((id, index) => change(id, -1, before[index]));
		changes[2] = change(ids[2], -1, before[2] + 100);
		changes[3] = change('gid://shopify/InventoryItem/1', -1);
		const response: any = await adminGraphql(sim, ADJUST, { input: { name: 'available', reason: 'shrinkage', changes }, key: 'k-atomic' });
		const { userErrors, inventoryAdjustmentGroup } = response.body.data.inventoryAdjustQuantities;
		expect(inventoryAdjustmentGroup).toBeNull();
		expect(userErrors).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ code: 'CHANGE_FROM_QUANTITY_STALE', field: ['input', 'changes', '2', 'changeFromQuantity'] }),
				expect.objectContaining({ code: 'INVALID_INVENTORY_ITEM', field: ['input', 'changes', '3', 'inventoryItemId'] }),
			]),
		);
		expect(await Promise.all(ids.map((id) => available(id)))).toEqual(before);
	});

	it('checks reason, quantity name, location and the 250-change limit', async () => {
		const id = items[0].inventoryItemId;
		const bad: any = await adminGraphql(sim, ADJUST, {
			input: { name: 'sold', reason: 'because', changes: [{ ...change(id, 1), locationId: 'gid://shopify/Location/1' }] },
			key: 'k-bad',
		});
		const codes = bad.body.data.inventoryAdjustQuantities.userErrors.map((e: any) => `${e.code}:${e.field.join('.')}`);
		expect(codes).toEqual(['INVALID_QUANTITY_NAME:input.name', 'INVALID_REASON:input.reason', 'INVALID_LOCATION:input.changes.0.locationId']);
		const tooMany: any = await adminGraphql(sim, ADJUST, {
			input: { name: 'available', reason: 'correction', changes: Array.from({ length: 251 }, () => change(id, 1)) },
			key: 'k-too-many',
		});
		expect(tooMany.body.errors[0].message).toBe('The input array size of 251 is greater than the maximum allowed of 250.');
		const exactly: any = await adminGraphql(sim, ADJUST, {
			input: { name: 'available', reason: 'correction', changes: Array.from({ length: 250 }, () => change(id, 1)) },
			key: 'k-250',
		});
		expect(exactly.body.data.inventoryAdjustQuantities.userErrors).toEqual([]);
	});

	it('sets absolute quantities with compare-and-set and refuses other names', async () => {
		const id = items[4].inventoryItemId;
		const before = await available(id);
		const set: any = await adminGraphql(sim, SET, {
			input: { name: 'available', reason: 'cycle_count_available', quantities: [{ inventoryItemId: id, locationId, quantity: 42, changeFromQuantity: before }] },
			key: 'count-1',
		});
		expect(set.body.data.inventorySetQuantities.inventoryAdjustmentGroup.changes[0]).toEqual({ name: 'available', delta: 42 - before, quantityAfterChange: 42 });
		expect(await available(id)).toBe(42);
		const stale: any = await adminGraphql(sim, SET, {
			input: { name: 'available', reason: 'correction', quantities: [{ inventoryItemId: id, locationId, quantity: 1, changeFromQuantity: 41 }] },
			key: 'count-2',
		});
		expect(stale.body.data.inventorySetQuantities.userErrors[0]).toEqual(
			expect.objectContaining({ code: 'CHANGE_FROM_QUANTITY_STALE', field: ['input', 'quantities', '0', 'changeFromQuantity'] }),
		);
		expect(await available(id)).toBe(42);
		const onHand: any = await adminGraphql(sim, SET, {
			input: { name: 'on_hand', reason: 'correction', quantities: [{ inventoryItemId: id, locationId, quantity: 50, changeFromQuantity: null }] },
			key: 'count-3',
		});
		expect(onHand.body.data.inventorySetQuantities.userErrors).toEqual([]);
		expect(await available(id, 'on_hand')).toBe(50);
		const badName: any = await adminGraphql(sim, SET, {
			input: { name: 'committed', reason: 'correction', quantities: [{ inventoryItemId: id, locationId, quantity: 1, changeFromQuantity: null }] },
			key: 'count-4',
		});
		expect(badName.body.data.inventorySetQuantities.userErrors[0].code).toBe('INVALID_NAME');
	});

	it('denies writes without write_inventory, naming the scope', async () => {
		await sim.control.configure({ scopes: ['read_inventory', 'read_orders'] });
		try {
			const denied: any = await adminGraphql(sim, ADJUST, {
				input: { name: 'available', reason: 'correction', changes: [change(items[0].inventoryItemId, 1)] },
				key: 'k-denied',
			});
			expect(denied.status).toBe(200);
			expect(denied.body.errors[0].extensions.code).toBe('ACCESS_DENIED');
			expect(denied.body.errors[0].message).toContain('write_inventory');
			expect(denied.body.errors[0].extensions.requiredAccess).toContain('write_inventory');
		} finally {
			await sim.control.configure({ scopes: [...ALL_SCOPES] });
		}
	});
});
