import type { PosSimulatorClient } from '../../../../simulator/pos/client';
import type { PosSimulator } from '../../../../simulator/pos/posSimulator';
import { saleBody, setup, startLightspeed, type Json, type LightspeedApi } from './lightspeedKit';

const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

describe('Lightspeed X-Series simulator: rate limits', () => {
	let sim: PosSimulator;
	let api: LightspeedApi;
	let control: PosSimulatorClient;
	let clock: { now: number };
	let tee: Json;

	beforeEach(async () => {
		({ sim, api, control, clock } = await startLightspeed());
		[tee] = await control.lightspeedProducts([{ sku: 'TEE', name: 'Tee', price: 25, stock: 10 }]);
	});
	afterEach(() => sim.stop());

	it('a 429 on the date-versioned sale path: HTTP-date Retry-After, Lightspeed\'s body, nothing recorded', async () => {
		await control.fault({ kind: 'http429', retryAfterSeconds: 30, pathPrefix: '/api/2026-04/' });
		const limited = await api.post('/api/2026-04/sales', saleBody(setup(sim), [[tee.id, 1, '25']], '25.00'));
		expect(limited.status).toBe(429);
		expect(limited.json).toEqual({ error: 'Too Many Requests', message: 'Rate limiting enforced' });
		expect(limited.headers['retry-after']).toMatch(HTTP_DATE);
		expect(Date.parse(limited.headers['retry-after'] as string)).toBe(clock.now + 30_000);
		expect(limited.headers['x-ratelimit-remaining']).toBe('0');
		expect((await api.get('/api/2.0/sales')).json.data).toEqual([]);
		expect((await api.post('/api/2026-04/sales', saleBody(setup(sim), [[tee.id, 1, '25']], '25.00'))).status).toBe(201);
	});

	it('the server\'s requests-per-second limit answers Lightspeed\'s 429 on its paths', async () => {
		await control.configure({ rateLimitPerSecond: 1 });
		expect((await api.get('/api/2.0/outlets')).status).toBe(200);
		const limited = await api.get('/api/2.0/products?sku=TEE');
		expect(limited).toMatchObject({ status: 429, json: { error: 'Too Many Requests' } });
		expect(limited.headers['retry-after']).toMatch(HTTP_DATE);
	});

	it('every answer carries X-RateLimit-Limit (300 per register + 50 per 5 minutes) and X-RateLimit-Remaining', async () => {
		const first = await api.get('/api/2.0/outlets');
		expect(first.headers['x-ratelimit-limit']).toBe('650');
		expect(first.headers['x-ratelimit-remaining']).toBe('649');
		expect((await api.get('/api/2.0/nothing-here')).headers['x-ratelimit-remaining']).toBe('648');
		clock.now += 300_000;
		expect((await api.get('/api/2.0/outlets')).headers['x-ratelimit-remaining']).toBe('649');
		expect((await api.send('GET', '/api/2.0/outlets', undefined, {})).headers['x-ratelimit-remaining']).toBe('648');
	});
});
