import type { PosSimulator } from '../../../simulator/pos/posSimulator';
import { runPosNode, startSimulator } from './posTestKit';

/**
 * The limiter's spacing is proven exactly with an injected clock in test/unit/lib/pos/rateLimiter.test.ts.
 * Here, in n8n's engine and over real HTTP, only what a busy machine cannot break is asserted: a lower bound.
 * Slowness can only make the run longer; a limiter that was not shared by both executions (or absent)
 * would finish the 40 requests in about half the time.
 */
describe('POS HTTP Request rate limit', () => {
	let sim: PosSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ auth: { type: 'bearer', token: 'rate-token' } });
	});
	afterAll(async () => await sim.stop());

	it('is shared by concurrent items and by concurrent executions of the same credential', async () => {
		const parameters = {
			method: 'POST',
			path: '/api/orders',
			jsonBody: '={{ { externalId: "r-" + $json.n, lines: [] } }}',
			options: { concurrency: 10, requestsPerSecond: 20, maxAttempts: 1 },
		};
		const credentials = { baseUrl: sim.origin, authType: 'bearer', token: 'rate-token' };
		const started = Date.now();
		// Two executions at once, 20 items each, 10 in flight in each.
		const runs = await Promise.all([0, 1].map((run) => runPosNode(parameters, Array.from({ length: 20 }, (_, n) => ({ n: run * 100 + n })), credentials)));
		const elapsed = Date.now() - started;
		// One shared 20/s limiter: 40 requests take at least 39 intervals of 50 ms.
		expect(elapsed).toBeGreaterThanOrEqual(39 * 50);
		expect(runs.flatMap((run) => run.json(0))).toHaveLength(40);
		expect(sim.store.orders).toHaveLength(40);
	});
});
