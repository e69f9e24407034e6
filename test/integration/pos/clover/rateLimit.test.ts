import type { PosSimulatorClient } from '../../../../simulator/pos/client';
import type { PosSimulator } from '../../../../simulator/pos/posSimulator';
import { startClover, type CloverApi } from './cloverKit';

describe('Clover simulator: per-token rate limits', () => {
	let sim: PosSimulator;
	let api: CloverApi;
	let control: PosSimulatorClient;
	let clock: { now: number };
	let path: string;
	const token = (name: string) => ({ authorization: `Bearer ${name}` });

	beforeEach(async () => {
		({ sim, api, control, clock } = await startClover());
		const [tee] = await control.cloverItems([{ name: 'Tee', sku: 'TEE-1', price: 2500 }]);
		path = `/v3/merchants/${sim.clover.merchantId}/item_stocks/${tee.id}`;
		await control.cloverSettings({ rateLimits: true });
	});
	afterEach(() => sim.stop());

	it('off by default: 40 requests in the same millisecond all pass', async () => {
		await control.cloverSettings({ rateLimits: false });
		for (let n = 0; n < 40; n++) expect((await api.get(path)).status).toBe(200);
	});

	it('16 requests a second per token; the 17th is 429 with retry-after in seconds, and waiting requests extend the wait', async () => {
		for (let n = 0; n < 16; n++) expect((await api.get(path, token('a'))).status).toBe(200);
		const refused = await api.get(path, token('a'));
		expect(refused.status).toBe(429);
		expect(refused.headers['retry-after']).toBe('1');
		expect(refused.headers['x-ratelimit-tokenlimit']).toBe('16');
		expect((await api.get(path, token('b'))).status).toBe(200);
		clock.now += 500;
		const again = await api.get(path, token('a'));
		expect(again.status).toBe(429);
		expect(again.headers['retry-after']).toBe('2');
		clock.now += 1000;
		expect((await api.get(path, token('a'))).status).toBe(429);
		clock.now += 3000;
		expect((await api.get(path, token('a'))).status).toBe(200);
	});

	it('5 concurrent requests per token: the 6th, while 5 are held open, is 429 with X-RateLimit-tokenConcurrentLimit', async () => {
		await control.fault({ kind: 'latency', latencyMs: 2000, count: 5, pathPrefix: '/v3/' });
		const held = Array.from({ length: 5 }, () => api.get(path, token('a')));
		// Wait until the five have arrived (they are logged on arrival, then held by the latency fault).
		for (let waited = 0; sim.requests.length < 5 && waited < 1500; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
		await new Promise((resolve) => setTimeout(resolve, 50));
		const sixth = await api.get(path, token('a'));
		expect(sixth.status).toBe(429);
		expect(sixth.headers['x-ratelimit-tokenconcurrentlimit']).toBe('5');
		expect(sixth.headers['retry-after']).toMatch(/^\d+$/);
		expect((await api.get(path, token('b'))).status).toBe(200);
		expect((await Promise.all(held)).map((reply) => reply.status)).toEqual([200, 200, 200, 200, 200]);
		clock.now += 1000;
		expect((await api.get(path, token('a'))).status).toBe(200);
	});
});
