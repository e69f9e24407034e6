import type { PosSimulator } from '../../../simulator/pos/posSimulator';
import { runPosNode, startSimulator } from './posTestKit';

/**
 * A POS outage during a burst of 200 orders: dropped connections, then 503s, each for a fixed number of
 * requests so the outage is as long on a busy machine as on an idle one; backoff compressed 100× (0.5 s →
 * 5 ms). Every item must end on exactly one output, and after the failed ones are re-sent the POS holds each
 * order exactly once.
 *
 * Why the outage must bite: an item that makes a request during the outage and does not fail is still in
 * flight when the outage ends (it has another attempt to make); at most CONCURRENCY items are in flight, each
 * makes at most MAX_ATTEMPTS requests, so an outage longer than CONCURRENCY × MAX_ATTEMPTS requests must
 * have ended at least one item on the Failed output, however the requests interleave.
 */
const CONCURRENCY = 10;
const MAX_ATTEMPTS = 4;
const OUTAGE_REQUESTS = CONCURRENCY * MAX_ATTEMPTS + 1;

describe('POS HTTP Request during an outage', () => {
	let sim: PosSimulator;

	beforeAll(async () => {
		sim = await startSimulator({ auth: { type: 'bearer', token: 'burst-token' }, idempotency: { in: 'header', name: 'Idempotency-Key', onRepeat: 'replay' } });
	});
	afterAll(async () => await sim.stop());

	it('loses and doubles no order across 200 items', async () => {
		const orders = Array.from({ length: 200 }, (_, index) => ({ orderId: `gid://shopify/Order/${5000 + index}`, locationId: 'gid://shopify/Location/1', sku: `SKU-${index % 7}` }));
		const parameters = {
			method: 'POST',
			path: '/api/orders',
			jsonBody: '={{ { externalId: "shopify-" + $json.orderId.split("/").pop(), locationId: "L1", lines: [{ sku: $json.sku, quantity: 1 }] } }}',
			options: { concurrency: CONCURRENCY, requestsPerSecond: 2000, initialDelaySeconds: 0.005, maxDelaySeconds: 0.15, maxTotalWaitSeconds: 0.3, maxAttempts: MAX_ATTEMPTS },
		};
		const credentials = { baseUrl: sim.origin, authType: 'bearer', token: 'burst-token' };
		// Some orders commit and lose their answer just before the outage.
		sim.faults.add({ kind: 'commitThenDrop', count: 5 });
		// The outage begins with the 30th request: OUTAGE_REQUESTS dropped connections, then as many 503s.
		sim.faults.addOutage({ startsAfterRequests: 30, requests: OUTAGE_REQUESTS, kind: 'drop' });
		sim.faults.addOutage({ startsWhenPreviousEnds: true, requests: OUTAGE_REQUESTS, kind: 'http503' });

		const first = await runPosNode(parameters, orders, credentials);
		expect(first.error).toBeUndefined();
		const [succeeded, failed] = [first.output(0), first.output(1)];
		const routed = [...succeeded, ...failed].map((item) => (item.pairedItem as { item: number }).item).sort((a, b) => a - b);
		expect(routed).toEqual(orders.map((_, index) => index));
		// The outage must have bitten, or this test proves nothing.
		expect(failed.length).toBeGreaterThan(0);
		expect(sim.requests.filter((request) => request.outcome === 'dropped')).toHaveLength(OUTAGE_REQUESTS);
		expect(sim.requests.filter((request) => request.outcome === 503)).toHaveLength(OUTAGE_REQUESTS);
		for (const item of failed) expect(item.json).toMatchObject({ outcome: 'failed', request: { method: 'POST' }, idempotencyKey: expect.stringMatching(/^shopify-\d+-1$/) });

		// The POS is back (both outages have answered all their requests): re-send the failed items, as a
		// workflow would from the Failed output.
		expect(sim.faults.outageNow()).toBeNull();
		expect(sim.faults.outagesEnd()).not.toBeNull();
		const failedInputs = failed.map((item) => orders[(item.pairedItem as { item: number }).item]);
		const second = await runPosNode(parameters, failedInputs, credentials);
		expect(second.output(1)).toEqual([]);
		expect(second.output(0)).toHaveLength(failed.length);

		const perOrder = new Map<string, number>();
		for (const order of sim.store.orders) perOrder.set(order.externalRef ?? '', (perOrder.get(order.externalRef ?? '') ?? 0) + 1);
		expect(perOrder.size).toBe(200);
		expect([...perOrder.values()].every((count) => count === 1)).toBe(true);
		expect(Object.values(Object.fromEntries(sim.store.stock.get('L1') ?? [])).reduce((sum, quantity) => sum + quantity, 0)).toBe(-200);
		console.info(`outage burst: ${succeeded.length} succeeded, ${failed.length} failed then re-sent, ${sim.requests.length} requests in all`);
	});
});
