import type { PosSimulator } from '../../../../simulator/pos/posSimulator';
import { expectSquareContract, inventoryAdjustment, physicalCount, startSquare, type Json, type SquareApi } from './squareKit';

describe('Square simulator: inventory', () => {
	let sim: PosSimulator;
	let api: SquareApi;
	let clock: { now: number };
	let tee: string;
	let cap: string;
	let main: string;

	beforeEach(async () => {
		({ sim, api, clock } = await startSquare());
		[main] = sim.square.locations.seed([{ name: 'Main street' }]).map((location) => location.id);
		const [item] = sim.square.catalog.seed([{ name: 'Tee', variations: [{ sku: 'TEE', priceAmount: 2500 }, { sku: 'CAP', priceAmount: 1500 }] }]);
		[tee, cap] = (item.item_data as Json).variations.map((variation: Json) => variation.id as string);
	});
	afterEach(async () => {
		expectSquareContract(sim);
		await sim.stop();
	});

	const inStock = (id: string) => sim.square.inventory.quantity(id, main);

	it('lists the seeded locations; a change at a location the seller lacks is refused', async () => {
		const locations = await api.get('/v2/locations');
		expect(locations.json.locations).toEqual([expect.objectContaining({ id: main, name: 'Main street', status: 'ACTIVE', currency: 'USD' })]);
		expect(main).toMatch(/^[A-Z0-9]{13}$/);
		const elsewhere = await api.post('/v2/inventory/changes/batch-create', { idempotency_key: 'k0', changes: [physicalCount(tee, 'NOWHERE', '5')] });
		expect(elsewhere.status).toBe(400);
		expect(elsewhere.json.errors[0].field).toBe('changes[0].physical_count.location_id');
	});

	it('moves stock between states: counts for tracked states, none for SOLD', async () => {
		const reply = await api.post('/v2/inventory/changes/batch-create', {
			idempotency_key: 'k1',
			changes: [physicalCount(tee, main, '20'), inventoryAdjustment(tee, main, '3'), inventoryAdjustment(tee, main, '2', 'IN_STOCK', 'WASTE'), inventoryAdjustment(tee, main, '1.5', 'NONE', 'IN_STOCK')],
		});
		expect(reply.status).toBe(200);
		expect(reply.json.counts).toEqual([
			expect.objectContaining({ catalog_object_id: tee, state: 'IN_STOCK', location_id: main, quantity: '16.5' }),
			expect.objectContaining({ catalog_object_id: tee, state: 'WASTE', location_id: main, quantity: '2' }),
		]);
		expect((reply.json.changes as Json[]).map((change) => change.type)).toEqual(['PHYSICAL_COUNT', 'ADJUSTMENT', 'ADJUSTMENT', 'ADJUSTMENT']);
		const counts = await api.post('/v2/inventory/counts/batch-retrieve', { catalog_object_ids: [tee], location_ids: [main], states: ['IN_STOCK', 'SOLD'] });
		expect(counts.json.counts).toEqual([expect.objectContaining({ state: 'IN_STOCK', quantity: '16.5' })]);
	});

	it('counts follow occurred_at, not arrival: a late adjustment that occurred before a count is inside it, one after applies on top', async () => {
		const send = (key: string, change: Json) => api.post('/v2/inventory/changes/batch-create', { idempotency_key: key, changes: [change] });
		const count = physicalCount(tee, main, '10');
		(count.physical_count as Json).occurred_at = '2026-12-01T09:00:00Z';
		expect((await send('c', count)).status).toBe(200);
		expect((await send('after', inventoryAdjustment(tee, main, '2', 'IN_STOCK', 'SOLD', { occurred_at: '2026-12-01T09:30:00Z' }))).status).toBe(200);
		expect(inStock(tee)).toBe(8);
		// Reported late by an offline register, it happened before the count: the count already holds it.
		const late = await send('before', inventoryAdjustment(tee, main, '3', 'IN_STOCK', 'SOLD', { occurred_at: '2026-12-01T08:00:00Z' }));
		expect(late.status).toBe(200);
		expect(late.json.counts).toEqual([]);
		expect(inStock(tee)).toBe(8);
		// The history lists all three in Square's order, the late one first.
		const listed = await api.post('/v2/inventory/changes/batch-retrieve', { catalog_object_ids: [tee], location_ids: [main] });
		expect((listed.json.changes as Json[]).map((change) => ((change.adjustment ?? change.physical_count) as Json).quantity)).toEqual(['3', '10', '2']);
	});

	it('the same key and body answer the first result and change nothing; the same key with another body is refused', async () => {
		const body = { idempotency_key: 'shopify-1001', changes: [physicalCount(tee, main, '10'), inventoryAdjustment(tee, main, '2', 'IN_STOCK', 'SOLD', { reference_id: 'shopify:1001:1' })] };
		const first = await api.post('/v2/inventory/changes/batch-create', body);
		const again = await api.post('/v2/inventory/changes/batch-create', JSON.parse(JSON.stringify(body)));
		expect(again).toEqual(first);
		expect(inStock(tee)).toBe(8);
		const other = await api.post('/v2/inventory/changes/batch-create', { ...body, changes: [inventoryAdjustment(tee, main, '5')] });
		expect(other.status).toBe(400);
		expect(other.json.errors[0]).toMatchObject({ category: 'INVALID_REQUEST_ERROR', code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotency_key' });
		expect(inStock(tee)).toBe(8);
	});

	it('an unknown catalog object, a field Square no longer takes, or 101 changes: refused, nothing applied', async () => {
		const unknown = await api.post('/v2/inventory/changes/batch-create', { idempotency_key: 'k2', changes: [inventoryAdjustment(tee, main, '1'), inventoryAdjustment('NOT-A-VARIATION', main, '1')] });
		expect(unknown.status).toBe(404);
		expect(unknown.json.errors[0]).toMatchObject({ category: 'INVALID_REQUEST_ERROR', code: 'NOT_FOUND', field: 'changes[1].adjustment.catalog_object_id' });
		expect(unknown.json.errors[0].detail).toContain('NOT-A-VARIATION');
		const legacy = inventoryAdjustment(tee, main, '1');
		legacy.adjustment.location_id = main;
		const old = await api.post('/v2/inventory/changes/batch-create', { idempotency_key: 'k3', changes: [legacy] });
		expect(old.json.errors[0]).toMatchObject({ code: 'BAD_REQUEST', field: 'changes[0].adjustment.location_id' });
		const many = await api.post('/v2/inventory/changes/batch-create', { idempotency_key: 'k4', changes: Array.from({ length: 101 }, () => inventoryAdjustment(cap, main, '1')) });
		expect(many.status).toBe(400);
		expect(many.json.errors[0].field).toBe('changes');
		const longKey = await api.post('/v2/inventory/changes/batch-create', { idempotency_key: 'k'.repeat(129), changes: [inventoryAdjustment(tee, main, '1')] });
		expect(longKey.json.errors[0]).toMatchObject({ code: 'VALUE_TOO_LONG', field: 'idempotency_key' });
		expect([inStock(tee), inStock(cap)]).toEqual([0, 0]);
		// A refused key is not used up: the corrected request goes through under it.
		expect((await api.post('/v2/inventory/changes/batch-create', { idempotency_key: 'k2', changes: [inventoryAdjustment(tee, main, '1')] })).status).toBe(200);
		expect(inStock(tee)).toBe(-1);
	});

	it('counts come back newest first, filtered by updated_after and paged', async () => {
		await api.post('/v2/inventory/changes/batch-create', { idempotency_key: 'first', changes: [physicalCount(tee, main, '5')] });
		clock.now += 1000;
		const since = new Date(clock.now - 1).toISOString();
		await api.post('/v2/inventory/changes/batch-create', { idempotency_key: 'second', changes: [physicalCount(cap, main, '7'), inventoryAdjustment(cap, main, '1', 'IN_STOCK', 'WASTE', { occurred_at: since })] });
		const recent = await api.allPages('/v2/inventory/counts/batch-retrieve', { updated_after: since, limit: 1 }, 'counts');
		expect(recent.pages).toBe(2);
		expect(recent.items.map((count) => [count.catalog_object_id, count.state, count.quantity])).toEqual([
			[cap, 'WASTE', '1'],
			[cap, 'IN_STOCK', '6'],
		]);
		const all = await api.post('/v2/inventory/counts/batch-retrieve', { location_ids: [main], states: ['IN_STOCK'] });
		expect((all.json.counts as Json[]).map((count) => count.catalog_object_id)).toEqual([cap, tee]);
	});

	it('occurred_at must lie within the 24 hours before the request', async () => {
		const at = (iso: string) => inventoryAdjustment(tee, main, '1', 'NONE', 'IN_STOCK', { occurred_at: iso });
		const stale = await api.post('/v2/inventory/changes/batch-create', { idempotency_key: 'old', changes: [at('2026-11-30T09:59:59Z')] });
		expect(stale.status).toBe(400);
		expect(stale.json.errors[0].field).toBe('changes[0].adjustment.occurred_at');
		const future = await api.post('/v2/inventory/changes/batch-create', { idempotency_key: 'future', changes: [at('2026-12-01T10:00:01Z')] });
		expect(future.json.errors[0].field).toBe('changes[0].adjustment.occurred_at');
		const edge = await api.post('/v2/inventory/changes/batch-create', { idempotency_key: 'edge', changes: [at('2026-11-30T10:00:00Z'), at('2026-12-01T10:00:00Z')] });
		expect(edge.status).toBe(200);
		expect(inStock(tee)).toBe(2);
	});

	it('a physical count equal to the current count is ignored unless ignore_unchanged_counts is false', async () => {
		await api.post('/v2/inventory/changes/batch-create', { idempotency_key: 'c1', changes: [physicalCount(cap, main, '4')] });
		const same = await api.post('/v2/inventory/changes/batch-create', { idempotency_key: 'c2', changes: [physicalCount(cap, main, '4')] });
		expect(same.json.changes ?? []).toEqual([]);
		const kept = await api.post('/v2/inventory/changes/batch-create', { idempotency_key: 'c3', ignore_unchanged_counts: false, changes: [physicalCount(cap, main, '4')] });
		expect(kept.json.changes).toHaveLength(1);
	});

	it('changes come back by updated_after and type with id, source, reference_id and created_at, paged', async () => {
		await api.post('/v2/inventory/changes/batch-create', { idempotency_key: 'a', changes: [physicalCount(tee, main, '50')] });
		clock.now += 60_000;
		const since = new Date(clock.now - 1).toISOString();
		const adjustments = Array.from({ length: 30 }, (_, index) => inventoryAdjustment(tee, main, '1', 'IN_STOCK', 'SOLD', { reference_id: `shopify:1:${index}`, occurred_at: `2026-12-01T09:${String(59 - index).padStart(2, '0')}:00Z` }));
		await api.post('/v2/inventory/changes/batch-create', { idempotency_key: 'b', changes: adjustments });
		const { items, pages } = await api.allPages('/v2/inventory/changes/batch-retrieve', { updated_after: since, types: ['ADJUSTMENT'], limit: 7 }, 'changes');
		expect(pages).toBe(5);
		expect(items).toHaveLength(30);
		// Oldest occurred_at first.
		expect(items.map((change) => change.adjustment.reference_id)).toEqual(Array.from({ length: 30 }, (_, index) => `shopify:1:${29 - index}`));
		for (const change of items) {
			expect(change.adjustment).toMatchObject({ from_state: 'IN_STOCK', to_state: 'SOLD', created_at: new Date(clock.now).toISOString(), source: { product: 'EXTERNAL_API', application_id: 'sq0idp-simulated-application' } });
			expect(change.adjustment.id).toMatch(/^[A-Z2-7]{24}$/);
		}
		const counts = await api.post('/v2/inventory/changes/batch-retrieve', { updated_after: since, types: ['PHYSICAL_COUNT'] });
		expect(counts.json.changes).toEqual([]);
		expect(inStock(tee)).toBe(20);
	});
});
