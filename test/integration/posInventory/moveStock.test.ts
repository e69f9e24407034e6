import { serialization } from 'square';
import type { PosSimulator } from '../../../simulator/pos/posSimulator';
import { expectSquareContract } from '../pos/square/squareKit';
import { logText } from '../../helpers/n8nEngine';
import { orderEvent, runInventory, seedSquare, squareCalls, SQUARE_TOKEN, startSquare, squareStock } from './posInventoryKit';

const MOVE = { operation: 'moveStock' };
const strict = { unrecognizedObjectKeys: 'fail' as const };

describe('POS Inventory: Move Stock for Shopify Orders (Square)', () => {
	let sim: PosSimulator;

	beforeEach(async () => {
		sim = await startSquare();
		seedSquare(sim, [
			{ id: 'VAR-TEE', sku: 'TEE-M', quantity: 20 },
			{ id: 'VAR-HAT', sku: 'HAT', quantity: 10 },
			{ id: 'VAR-MUG', sku: 'MUG', quantity: 5 },
		]);
	});
	/** Injected faults and refused tokens answer in the simulator's words, not Square's: no contract check then. */
	let faulted = false;
	afterEach(async () => {
		try {
			if (!faulted) expectSquareContract(sim);
		} finally {
			faulted = false;
			await sim.stop();
		}
	});

	it('moves Square\'s stock once per order line, in one Square call per order once the SKU map is warm', async () => {
		const first = [orderEvent(1001, [{ sku: 'TEE-M', quantity: -2 }, { sku: 'HAT', quantity: -1 }]), orderEvent(1002, [{ sku: 'MUG', quantity: -1 }])];
		const run = await runInventory(sim, MOVE, first);
		expect(run.output(1)).toEqual([]);
		expect(run.json(0).map((json) => [json.orderName, json.outcome])).toEqual([
			['#1001', 'moved'],
			['#1002', 'moved'],
		]);
		expect(run.output(0).map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect([squareStock(sim, 'VAR-TEE'), squareStock(sim, 'VAR-HAT'), squareStock(sim, 'VAR-MUG')]).toEqual([18, 9, 4]);
		// Cold map: one catalog search for every SKU of the run, then one stock write per order.
		expect(squareCalls(sim, '/v2/catalog/search')).toBe(1);
		expect(squareCalls(sim, '/v2/inventory/changes/batch-create')).toBe(2);
		for (const request of sim.requests) {
			const body = JSON.parse(request.body);
			const schema = request.path === '/v2/catalog/search' ? serialization.SearchCatalogObjectsRequest : serialization.BatchChangeInventoryRequest;
			expect(schema.parse(body, strict).ok).toBe(true);
		}

		// Warm map: 10 more orders cost 10 calls, one each, and no lookup.
		sim.requests.length = 0;
		const next = Array.from({ length: 10 }, (_, index) => orderEvent(1100 + index, [{ sku: 'TEE-M', quantity: -1 }, { sku: 'HAT', quantity: -1 }]));
		const warm = await runInventory(sim, MOVE, next);
		expect(warm.output(1)).toEqual([]);
		const callsPerOrder = squareCalls(sim) / next.length;
		expect(callsPerOrder).toBe(1);
		expect(squareStock(sim, 'VAR-TEE')).toBe(8);
	});

	it('the same order again (a retry, a duplicate webhook, webhook and poll) moves nothing twice', async () => {
		const orders = [orderEvent(1001, [{ sku: 'TEE-M', quantity: -2 }]), orderEvent(1002, [{ sku: 'TEE-M', quantity: -3 }, { sku: 'HAT', quantity: -1 }])];
		const once = await runInventory(sim, MOVE, orders);
		const again = await runInventory(sim, MOVE, orders);
		// The repeat carries the same keys (its occurred_at is the new request's): Square answers
		// IDEMPOTENCY_KEY_REUSED, read as "already there".
		const calls = (run: typeof once) => run.json(0).map((json) => (json.calls as Array<Record<string, unknown>>).map((call) => call.idempotencyKey));
		expect(calls(again)).toEqual(calls(once));
		expect(again.json(0).flatMap((json) => json.calls as Array<Record<string, unknown>>).every((call) => call.alreadyApplied === true)).toBe(true);
		expect(squareStock(sim, 'VAR-TEE')).toBe(15);
		expect(squareStock(sim, 'VAR-HAT')).toBe(9);
		const keys = sim.requests.filter((request) => request.path === '/v2/inventory/changes/batch-create').map((request) => JSON.parse(request.body).idempotency_key);
		expect(keys).toEqual([keys[0], keys[1], keys[0], keys[1]]);
	});

	it('an event older than Square\'s one day is dated now, and a repeat a moment later still moves nothing twice', async () => {
		const old = [orderEvent(1001, [{ sku: 'TEE-M', quantity: -2 }], {}, '2026-01-02T10:00:00Z')];
		const once = await runInventory(sim, MOVE, old);
		expect(once.json(0)[0]).toMatchObject({ outcome: 'moved' });
		const sent = JSON.parse(sim.requests.find((request) => request.path === '/v2/inventory/changes/batch-create')!.body);
		expect(Date.now() - Date.parse(sent.changes[0].adjustment.occurred_at)).toBeLessThan(24 * 3600_000);
		const again = await runInventory(sim, MOVE, old);
		expect(again.output(1)).toEqual([]);
		expect(squareStock(sim, 'VAR-TEE')).toBe(18);
	});

	it('a restock, and an edit in both directions, move the difference back', async () => {
		await runInventory(sim, MOVE, [orderEvent(1001, [{ sku: 'TEE-M', quantity: -4 }])]);
		const follow = [
			orderEvent(1001, [{ sku: 'TEE-M', quantity: 1, cause: 'restock' }], { id: 'refund' }),
			orderEvent(1002, [{ sku: 'HAT', quantity: -2, cause: 'edit' }, { sku: 'MUG', quantity: 1, cause: 'edit' }]),
		];
		const run = await runInventory(sim, MOVE, follow);
		expect(run.output(1)).toEqual([]);
		expect([squareStock(sim, 'VAR-TEE'), squareStock(sim, 'VAR-HAT'), squareStock(sim, 'VAR-MUG')]).toEqual([17, 8, 6]);
		const restock = JSON.parse(sim.requests.filter((request) => request.path === '/v2/inventory/changes/batch-create')[1].body);
		expect(restock.changes[0].adjustment).toMatchObject({ from_state: 'SOLD', to_state: 'IN_STOCK', quantity: '1', reference_id: 'shopify:6000000001001:60000000010011' });
	});

	it('an order with a SKU Square lacks goes to "Failed / Not Mapped" naming it, and moves nothing; the others move', async () => {
		const orders = [orderEvent(1001, [{ sku: 'TEE-M', quantity: -1 }, { sku: 'GHOST-1', quantity: -1 }]), orderEvent(1002, [{ sku: 'HAT', quantity: -1 }])];
		const run = await runInventory(sim, MOVE, orders);
		expect(run.json(0).map((json) => json.orderName)).toEqual(['#1002']);
		expect(run.json(1)).toEqual([
			expect.objectContaining({
				outcome: 'notMapped',
				orderName: '#1001',
				unmappedSkus: ['GHOST-1'],
				error: 'SKU "GHOST-1" is not in Square\'s catalog: give the Square item variation the same SKU as in Shopify, then send this item again.',
				request: null,
			}),
		]);
		expect(run.output(1)[0].pairedItem).toEqual({ item: 0 });
		expect(squareStock(sim, 'VAR-TEE')).toBe(20);
		expect(squareStock(sim, 'VAR-HAT')).toBe(9);

		// Fixed in Square: the item sent again moves its whole order, asking only for the SKU that was missing.
		seedSquare(sim, [{ id: 'VAR-GHOST', sku: 'GHOST-1', quantity: 3 }]);
		sim.requests.length = 0;
		const retry = await runInventory(sim, MOVE, [orders[0]]);
		expect(retry.json(0)[0]).toMatchObject({ outcome: 'moved' });
		expect(JSON.parse(sim.requests[0].body).query.set_query.attribute_values).toEqual(['GHOST-1']);
		expect([squareStock(sim, 'VAR-TEE'), squareStock(sim, 'VAR-GHOST')]).toEqual([19, 2]);
	});

	it('two Square variations whose SKUs differ only in case: Not Mapped, naming both, never a guess', async () => {
		seedSquare(sim, [{ id: 'VAR-CAP-OLD', sku: 'cap', quantity: 1 }, { id: 'VAR-CAP', sku: 'CAP', quantity: 1 }]);
		const run = await runInventory(sim, MOVE, [orderEvent(1001, [{ sku: 'CAP', quantity: -1 }])]);
		expect(run.json(1)[0].error).toContain('SKU "CAP" matches 2 Square item variations (Square compares SKUs ignoring case): "cap" (Item cap, id VAR-CAP-OLD), "CAP" (Item CAP, id VAR-CAP)');
		expect(squareCalls(sim, '/v2/inventory/changes/batch-create')).toBe(0);
	});

	it('a line without a SKU is reported as skipped, the rest of the order moves', async () => {
		const run = await runInventory(sim, MOVE, [orderEvent(1001, [{ sku: 'TEE-M', quantity: -1 }, { sku: null, quantity: -1 }])]);
		expect(run.json(0)[0]).toMatchObject({ outcome: 'moved', skipped: [expect.objectContaining({ reason: 'The Shopify line has no SKU, so no POS item can be named for it.' })] });
		expect(squareStock(sim, 'VAR-TEE')).toBe(19);
	});

	it('Square refusing the token: every order on "Failed / Not Mapped" with Square\'s words, the request without the secret', async () => {
		faulted = true;
		const run = await runInventory(sim, MOVE, [orderEvent(1001, [{ sku: 'TEE-M', quantity: -1 }])], { token: 'EAAA-wrong-secret-token' });
		const failedItem = run.json(1)[0];
		expect(failedItem).toMatchObject({ outcome: 'failed', orderName: '#1001', response: { statusCode: 401 } });
		expect(failedItem.error).toMatch(/^Looking up SKUs in Square failed, so no stock moved: HTTP 401/);
		expect(failedItem.request).toMatchObject({ method: 'POST', headers: expect.objectContaining({ Authorization: '[redacted]' }), body: { object_types: ['ITEM_VARIATION'] } });
		const everything = JSON.stringify(run.run.data.resultData) + logText(run.logs);
		expect(everything).not.toContain('EAAA-wrong-secret-token');
		expect(everything).not.toContain(SQUARE_TOKEN);
	});

	it('Square failing the stock write after retries: the order goes to Failed with the body to keep for a retry', async () => {
		await runInventory(sim, { operation: 'findItemsBySku' }, [{ sku: 'TEE-M' }]);
		faulted = true;
		sim.faults.add({ kind: 'http500', count: 10, pathPrefix: '/v2/inventory' });
		const run = await runInventory(sim, { ...MOVE, options: { maxAttempts: 2 } }, [orderEvent(1001, [{ sku: 'TEE-M', quantity: -1 }])]);
		const failedItem = run.json(1)[0];
		expect(failedItem.error).toMatch(/^Square refused the stock change: HTTP 500/);
		expect((failedItem.request as { body: { changes: unknown[] } }).body.changes).toHaveLength(1);
		expect(failedItem.stockChanges).toHaveLength(1);
		expect(squareStock(sim, 'VAR-TEE')).toBe(20);
	});

	it('an item without stockChanges stops the run naming the field, or goes to Failed with "On Error: Continue"', async () => {
		const stopped = await runInventory(sim, MOVE, [{ id: 'gid://shopify/Order/1' }]);
		expect(stopped.error?.message).toContain('The item has no stockChanges list');
		expect(squareCalls(sim)).toBe(0);
		const continued = await runInventory(sim, MOVE, [{ id: 'gid://shopify/Order/1' }, orderEvent(1002, [{ sku: 'HAT', quantity: -1 }])], { continueOnFail: true });
		expect(continued.json(1)[0]).toMatchObject({ outcome: 'failed', error: expect.stringContaining('no stockChanges') });
		expect(continued.json(0)[0]).toMatchObject({ outcome: 'moved', orderName: '#1002' });
	});
});
