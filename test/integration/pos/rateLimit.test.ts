import type { PosSimulator } from '../../../simulator/pos/posSimulator';
import { runPosNode, startSimulator } from './posTestKit';

describe('POS HTTP Request rate limit', () => {
	let sim: PosSimulator;
	beforeAll(async () => {
		// The POS answers 429 past 25 requests in any sliding second.
		sim = await startSimulator({ auth: { type: 'bearer', token: 'rate-token' }, rateLimitPerSecond: 25 });
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
		// Two executions at once, 20 items each, 10 in flight in each: far over 25 per second if unlimited or unshared.
		const runs = await Promise.all([0, 1].map((run) => runPosNode(parameters, Array.from({ length: 20 }, (_, n) => ({ n: run * 100 + n })), credentials)));
		expect(sim.requests.filter((request) => request.outcome === 429)).toEqual([]);
		expect(runs.flatMap((run) => run.json(0))).toHaveLength(40);
		expect(sim.store.orders).toHaveLength(40);
	});
});
