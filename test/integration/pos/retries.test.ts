import { PosSimulator } from '../../../simulator/pos/posSimulator';
import { logText } from '../../helpers/n8nEngine';
import { FAST_RETRIES, runPosNode, startSimulator } from './posTestKit';

/** Retry behaviour through n8n's engine against the simulator; timing itself is unit-tested with a virtual clock. */
describe('POS HTTP Request retries', () => {
	let sim: PosSimulator;
	const credentials = () => ({ baseUrl: sim.origin, authType: 'none' });
	const order = { orderId: 'gid://shopify/Order/1', locationId: 'gid://shopify/Location/2' };
	const body = '={{ { externalId: "shopify-" + $json.orderId.split("/").pop(), lines: [{ sku: "A", quantity: 1 }] } }}';

	beforeEach(async () => {
		sim = await startSimulator();
	});
	afterEach(async () => await sim.stop());

	it('retries 429 (Retry-After seconds), 500, 503 and a dropped connection, then succeeds once', async () => {
		sim.faults.add({ kind: 'http429', retryAfterSeconds: 0 });
		sim.faults.add({ kind: 'http500' });
		sim.faults.add({ kind: 'http503' });
		sim.faults.add({ kind: 'drop' });
		const run = await runPosNode({ method: 'POST', path: '/api/orders', jsonBody: body, options: FAST_RETRIES }, [order], credentials());
		expect(run.error).toBeUndefined();
		expect(run.json(0)).toEqual([expect.objectContaining({ outcome: 'success', statusCode: 201, attempts: 5, idempotencyKey: 'shopify-1-2' })]);
		expect(sim.requests.map((request) => request.outcome)).toEqual([429, 500, 503, 'dropped', 201]);
		expect(logText(run.logs)).toMatch(/attempt 1: HTTP 429: Too many requests: waiting 0 ms as Retry-After asks/);
		expect(logText(run.logs)).toMatch(/attempt 4: no response \(ECONNRESET\): backing off \d+ ms/);
		expect(sim.store.orders).toHaveLength(1);
	});

	it('reads the HTTP-date Retry-After of the Lightspeed X flavour', async () => {
		// An HTTP date has whole seconds; a simulator clock on the second keeps the real wait near zero.
		await sim.stop();
		sim = new PosSimulator({ now: () => Math.floor(Date.now() / 1000) * 1000 });
		await sim.start();
		sim.faults.add({ kind: 'http429', retryAfterSeconds: 0 });
		const run = await runPosNode(
			{
				method: 'POST',
				path: '/api/register_sales',
				jsonBody: '={{ { register_id: "reg-1", user_id: "user-1", register_sale_products: [{ product_id: "p1", quantity: 1, price: 5 }] } }}',
				idempotencyPlacement: 'body',
				idempotencyBodyPath: 'request_id',
				options: FAST_RETRIES,
			},
			[order],
			{ ...credentials(), extraHeaders: 'User-Agent: shop-sync-test/1.0' },
		);
		expect(sim.requests[0].outcome).toBe(429);
		expect(sim.requests.length).toBe(2);
		expect(sim.requests[0].headers['user-agent']).toBe('shop-sync-test/1.0');
		expect(run.json(0)).toEqual([expect.objectContaining({ outcome: 'success', attempts: 2, idempotencyKey: 'shopify-1-2' })]);
		expect(JSON.parse(sim.requests[1].body).request_id).toBe('shopify-1-2');
		// The wait came from the date-form header, not from backoff.
		expect(logText(run.logs)).toMatch(/item 0 attempt 1: HTTP 429: Rate limiting enforced: waiting 0 ms as Retry-After asks/);
	});

	it('fails a non-retryable 4xx at once, with the POS message, on the Failed output', async () => {
		const run = await runPosNode(
			{ method: 'POST', path: '/api/orders', jsonBody: '={{ { lines: [{ sku: "A", quantity: -2 }] } }}', options: FAST_RETRIES },
			[order],
			credentials(),
		);
		expect(run.error).toBeUndefined();
		expect(run.output(0)).toEqual([]);
		const [failed] = run.output(1);
		expect(failed.pairedItem).toEqual({ item: 0 });
		expect(failed.json).toMatchObject({
			outcome: 'failed',
			attempts: 1,
			error: 'HTTP 422: lines[0] needs a "sku" (string) and a positive "quantity" (number)',
			request: { method: 'POST', url: `${sim.origin}/api/orders`, body: { lines: [{ sku: 'A', quantity: -2 }] } },
			response: { statusCode: 422, body: { message: 'lines[0] needs a "sku" (string) and a positive "quantity" (number)' } },
		});
		expect(sim.requests).toHaveLength(1);
	});

	it('gives up within the attempt bound and reports the last response', async () => {
		sim.faults.add({ kind: 'http503', count: 10 });
		const run = await runPosNode({ method: 'POST', path: '/api/orders', jsonBody: body, options: { ...FAST_RETRIES, maxAttempts: 3 } }, [order], credentials());
		expect(run.output(1)[0].json).toMatchObject({ outcome: 'failed', attempts: 3, error: 'HTTP 503: Service Unavailable (gave up after 3 of 3 attempts)' });
		expect(sim.requests).toHaveLength(3);
	});

	it('counts a configured duplicate status as success', async () => {
		sim.config.idempotency = { in: 'body', path: 'externalId', onRepeat: 'conflict' };
		const parameters = { method: 'POST', path: '/api/orders', jsonBody: body, idempotencyPlacement: 'none', options: FAST_RETRIES };
		await runPosNode(parameters, [order], credentials());
		const again = await runPosNode(parameters, [order], credentials());
		expect(again.json(0)).toEqual([expect.objectContaining({ outcome: 'duplicate', statusCode: 409 })]);
		expect(sim.store.orders).toHaveLength(1);
	});

	it('stops the workflow on a bad parameter before sending anything, or routes it to Failed with continueOnFail', async () => {
		const parameters = { method: 'POST', path: '/api/orders', jsonBody: '={{ $json.ok ? { lines: [] } : "{not json" }}', options: FAST_RETRIES };
		const stopped = await runPosNode(parameters, [{ ok: true }, { ok: false }], credentials());
		expect(stopped.error?.message).toContain('JSON Body is not valid JSON');
		expect(sim.requests).toHaveLength(0);
		const continued = await runPosNode(parameters, [{ ok: true }, { ok: false }], credentials(), { continueOnFail: true });
		expect(continued.json(0)).toHaveLength(1);
		expect(continued.output(1)).toEqual([{ json: expect.objectContaining({ outcome: 'failed', error: expect.stringContaining('not valid JSON') }), pairedItem: { item: 1 } }]);
	});
});
