import type { PosSimulatorClient } from '../../../../simulator/pos/client';
import type { PosSimulator } from '../../../../simulator/pos/posSimulator';
import { startLoyverse, type LoyverseApi } from './loyverseKit';

describe('Loyverse simulator: 429', () => {
	let sim: PosSimulator;
	let api: LoyverseApi;
	let control: PosSimulatorClient;
	let clock: { now: number };

	beforeEach(async () => {
		({ sim, api, control, clock } = await startLoyverse());
	});
	afterEach(() => sim.stop());

	const RATE_LIMITED = { errors: [{ code: 'RATE_LIMITED', details: expect.any(String) }] };

	it('Loyverse\'s own limit (rateLimitRequests per rateLimitWindowSeconds): 429 with RATE_LIMITED and Retry-After until the window frees a request', async () => {
		await control.loyverseSettings({ rateLimitRequests: 3, rateLimitWindowSeconds: 300 });
		for (let count = 0; count < 3; count++) {
			expect((await api.get('/v1.0/stores')).status).toBe(200);
			clock.now += 10_000;
		}
		const refused = await api.get('/v1.0/stores');
		expect(refused).toMatchObject({ status: 429, json: RATE_LIMITED });
		expect(refused.headers['retry-after']).toBe('270');
		clock.now += 270_000;
		expect((await api.get('/v1.0/stores')).status).toBe(200);
		expect((await api.get('/v1.0/stores')).status).toBe(429);
		await control.loyverseSettings({ retryAfterHeader: false });
		expect((await api.get('/v1.0/stores')).headers['retry-after']).toBeUndefined();
	});

	it('the server\'s own 429s (rate limit config, faults) on Loyverse paths come in Loyverse\'s body; Retry-After per the knob', async () => {
		await control.fault({ kind: 'http429', method: 'POST', pathPrefix: '/v1.0/inventory', retryAfterSeconds: 7 });
		const faulted = await api.post('/v1.0/inventory', { inventory_levels: [] });
		expect(faulted).toMatchObject({ status: 429, json: RATE_LIMITED });
		expect(faulted.headers['retry-after']).toBe('7');
		await control.configure({ rateLimitPerSecond: 1 });
		expect((await api.get('/v1.0/stores')).status).toBe(200);
		await control.loyverseSettings({ retryAfterHeader: false });
		const limited = await api.get('/v1.0/receipts');
		expect(limited).toMatchObject({ status: 429, json: RATE_LIMITED });
		expect(limited.headers['retry-after']).toBeUndefined();
	});
});
