import type { PosSimulator } from '../../../simulator/pos/posSimulator';
import { FAST_RETRIES, runPosNode, startSimulator } from './posTestKit';

/**
 * "Commit then drop": the POS stores the order and the answer is lost. The retry must not create a
 * second order — the idempotency key (header or body) or the lookup-before-create sees to it.
 */
describe('POS HTTP Request exactly once after commit-then-drop', () => {
	let sim: PosSimulator;
	const order = { orderId: 'gid://shopify/Order/4401', locationId: 'gid://shopify/Location/9' };
	const genericBody = '={{ { externalId: "shopify-4401", locationId: "L1", lines: [{ sku: "A", quantity: 2 }] } }}';

	beforeEach(async () => {
		sim = await startSimulator();
		sim.faults.add({ kind: 'commitThenDrop', method: 'POST' });
	});
	afterEach(async () => await sim.stop());

	it('with the key in a header', async () => {
		sim.config.idempotency = { in: 'header', name: 'Idempotency-Key', onRepeat: 'replay' };
		const run = await runPosNode({ method: 'POST', path: '/api/orders', jsonBody: genericBody, options: FAST_RETRIES }, [order], { baseUrl: sim.origin, authType: 'none' });
		expect(sim.requests.map((request) => request.outcome)).toEqual(['committedThenDropped', 201]);
		expect(sim.requests.map((request) => request.headers['idempotency-key'])).toEqual(['shopify-4401-9', 'shopify-4401-9']);
		expect(sim.store.orders).toHaveLength(1);
		expect(sim.store.quantity('L1', 'A')).toBe(-2);
		expect(run.json(0)).toEqual([expect.objectContaining({ outcome: 'success', attempts: 2, body: expect.objectContaining({ id: sim.store.orders[0].id }) })]);
	});

	it('with the key at a body path (Square)', async () => {
		const run = await runPosNode(
			{
				method: 'POST',
				path: '/v2/orders',
				jsonBody: '={{ { order: { location_id: "MAIN", reference_id: "#4401", line_items: [{ name: "Tee", quantity: "1", base_price_money: { amount: 2500, currency: "USD" } }] } } }}',
				idempotencyPlacement: 'body',
				idempotencyBodyPath: 'idempotency_key',
				options: FAST_RETRIES,
			},
			[order],
			{ baseUrl: sim.origin, authType: 'none' },
		);
		expect(sim.requests.map((request) => request.outcome)).toEqual(['committedThenDropped', 200]);
		expect(sim.store.orders).toHaveLength(1);
		expect(run.json(0)).toEqual([expect.objectContaining({ outcome: 'success', body: { order: expect.objectContaining({ id: sim.store.orders[0].id }) } })]);
	});

	it('with "create only if absent" on a POS without idempotency (Clover)', async () => {
		const run = await runPosNode(
			{
				method: 'POST',
				path: '/v3/merchants/M1/atomic_order/orders',
				jsonBody: '={{ { orderCart: { externalReferenceId: "shopify-4401", title: "Shopify #4401" } } }}',
				idempotencyPlacement: 'none',
				createIfAbsent: true,
				lookupPath: '/v3/merchants/M1/orders?filter=externalReferenceId=shopify-4401',
				lookupResultPath: 'elements',
				lookupMatchField: 'externalReferenceId',
				lookupMatchValue: 'shopify-4401',
				options: FAST_RETRIES,
			},
			[order],
			{ baseUrl: sim.origin, authType: 'none' },
		);
		expect(sim.requests.map((request) => `${request.method} ${request.outcome}`)).toEqual(['GET 200', 'POST committedThenDropped', 'GET 200']);
		expect(sim.store.orders).toHaveLength(1);
		expect(run.json(0)).toEqual([expect.objectContaining({ outcome: 'alreadyExists', body: expect.objectContaining({ id: sim.store.orders[0].id }) })]);
	});

	it('with a lookup that must pick the record from an unfiltered list (Loyverse)', async () => {
		const parameters = {
			method: 'POST',
			path: '/v1.0/receipts',
			jsonBody: '={{ { store_id: "store-1", order: "shopify-" + $json.n, line_items: [{ variant_id: "v1", quantity: 1 }], payments: [{ payment_type_id: "pt-1" }] } }}',
			idempotencyPlacement: 'none',
			createIfAbsent: true,
			lookupPath: '/v1.0/receipts?store_id=store-1',
			lookupResultPath: 'receipts',
			lookupMatchField: 'order',
			lookupMatchValue: '={{ "shopify-" + $json.n }}',
			options: FAST_RETRIES,
		};
		const run = await runPosNode(parameters, [{ n: 1 }, { n: 2 }], { baseUrl: sim.origin, authType: 'none' });
		expect(run.json(0).map((json) => json.outcome)).toEqual(['alreadyExists', 'success']);
		expect(sim.store.orders.map((stored) => stored.externalRef)).toEqual(['shopify-1', 'shopify-2']);
	});

	it('without any protection it does not retry, and says why (one order, on the Failed output)', async () => {
		const run = await runPosNode(
			{ method: 'POST', path: '/v3/merchants/M1/orders', jsonBody: '={{ { title: "x" } }}', idempotencyPlacement: 'none', options: FAST_RETRIES },
			[order],
			{ baseUrl: sim.origin, authType: 'none' },
		);
		expect(sim.store.orders).toHaveLength(1);
		expect(run.output(1)[0].json).toMatchObject({ outcome: 'failed', attempts: 1, error: expect.stringContaining('could create it twice') });
	});
});
