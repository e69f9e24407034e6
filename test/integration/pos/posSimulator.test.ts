import { nodeHttpSend } from '../../../lib/http/nodeHttpSend';
import { NetworkError } from '../../../lib/http/types';
import { PosSimulatorClient } from '../../../simulator/pos/client';
import { PosSimulator } from '../../../simulator/pos/posSimulator';

/** The simulator itself, through its HTTP API and control API, as another process would drive it. */
describe('POS simulator', () => {
	let sim: PosSimulator;
	let control: PosSimulatorClient;
	const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
		nodeHttpSend({ method: 'POST', url: `${sim.origin}${path}`, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
	const get = (path: string, headers: Record<string, string> = {}) => nodeHttpSend({ method: 'GET', url: `${sim.origin}${path}`, headers });

	beforeEach(async () => {
		sim = new PosSimulator();
		await sim.start();
		control = new PosSimulatorClient(sim.origin);
	});
	afterEach(async () => await sim.stop());

	it('generic POS: header idempotency replays the stored answer and refuses another body', async () => {
		const order = { externalId: 'e1', locationId: 'L1', lines: [{ sku: 'A', quantity: 2 }] };
		const first = await post('/api/orders', order, { 'Idempotency-Key': 'k1' });
		const replay = await post('/api/orders', order, { 'Idempotency-Key': 'k1' });
		const other = await post('/api/orders', { ...order, externalId: 'e2' }, { 'Idempotency-Key': 'k1' });
		expect([first.status, replay.status, other.status]).toEqual([201, 201, 422]);
		expect(replay.body).toBe(first.body);
		expect(replay.headers['idempotent-replayed']).toBe('true');
		expect((await control.state()).orders).toHaveLength(1);
		expect(JSON.parse((await get('/api/stock?locationId=L1')).body)).toEqual({ locationId: 'L1', stock: [{ sku: 'A', quantity: -2 }] });
	});

	it('generic POS: body-path idempotency with conflict answers 409, none creates every time', async () => {
		await control.configure({ idempotency: { in: 'body', path: 'externalId', onRepeat: 'conflict' } });
		expect((await post('/api/orders', { externalId: 'x', lines: [] })).status).toBe(201);
		expect((await post('/api/orders', { externalId: 'x', lines: [] })).status).toBe(409);
		await control.configure({ idempotency: { in: 'none' } });
		await post('/api/orders', { externalId: 'y', lines: [] });
		await post('/api/orders', { externalId: 'y', lines: [] });
		expect(JSON.parse((await get('/api/orders?externalId=y')).body).orders).toHaveLength(2);
	});

	it('checks each auth type', async () => {
		await control.configure({ auth: { type: 'basic', username: 'u', password: 'p' } });
		expect((await get('/api/orders')).status).toBe(401);
		expect((await get('/api/orders', { authorization: `Basic ${Buffer.from('u:p').toString('base64')}` })).status).toBe(200);
		await control.configure({ auth: { type: 'header', name: 'x-api-key', value: 'k' } });
		expect((await get('/api/orders', { 'X-Api-Key': 'k' })).status).toBe(200);
		expect((await get('/api/orders', { 'X-Api-Key': 'no' })).status).toBe(401);
	});

	it('faults: 429 with seconds or an HTTP date, 500, 503, drop, commit-then-drop', async () => {
		await sim.stop();
		sim = new PosSimulator({ now: () => 1_700_000_000_400 });
		await sim.start();
		control = new PosSimulatorClient(sim.origin);
		await control.fault([
			{ kind: 'http429', retryAfterSeconds: 3 },
			{ kind: 'http429', retryAfterSeconds: 3, retryAfterForm: 'date' },
			{ kind: 'http500' },
			{ kind: 'http503' },
			{ kind: 'drop' },
			{ kind: 'commitThenDrop', method: 'POST' },
		]);
		const seconds = await get('/api/orders');
		expect([seconds.status, seconds.headers['retry-after']]).toEqual([429, '3']);
		const dated = await get('/api/orders');
		expect(dated.status).toBe(429);
		// 3 s after 22:13:20.400, rounded up to the whole second an HTTP date can say.
		expect(dated.headers['retry-after']).toBe('Tue, 14 Nov 2023 22:13:24 GMT');
		expect((await get('/api/orders')).status).toBe(500);
		expect((await get('/api/orders')).status).toBe(503);
		await expect(get('/api/orders')).rejects.toBeInstanceOf(NetworkError);
		await expect(post('/api/orders', { lines: [] })).rejects.toBeInstanceOf(NetworkError);
		expect((await control.state()).orders).toHaveLength(1);
		expect((await control.requests()).map((request) => request.outcome)).toEqual([429, 429, 500, 503, 'dropped', 'committedThenDropped']);
	});

	it('outage windows on an injected clock', async () => {
		let now = 1_000_000;
		await sim.stop();
		sim = new PosSimulator({ now: () => now });
		await sim.start();
		control = new PosSimulatorClient(sim.origin);
		await control.outage({ startsInMs: 100, durationMs: 60_000 });
		expect((await get('/api/orders')).status).toBe(200);
		now += 100;
		expect((await get('/api/orders')).status).toBe(503);
		expect(await control.outageStatus()).toEqual({ active: 'http503', endsAt: 1_060_100 });
		now += 60_000;
		expect((await get('/api/orders')).status).toBe(200);
	});

	it('outages counted in requests: start after N requests, last M requests, chain, whatever the clock says', async () => {
		let now = 5_000;
		await sim.stop();
		sim = new PosSimulator({ now: () => now });
		await sim.start();
		control = new PosSimulatorClient(sim.origin);
		await control.outage({ startsAfterRequests: 2, requests: 2, kind: 'drop' });
		await control.outage({ startsWhenPreviousEnds: true, requests: 1 });
		expect((await get('/api/orders')).status).toBe(200);
		await expect(get('/api/orders')).rejects.toBeInstanceOf(NetworkError);
		now += 3_600_000;
		expect(await control.outageStatus()).toEqual({ active: 'drop', endsAt: null });
		await expect(get('/api/orders')).rejects.toBeInstanceOf(NetworkError);
		expect((await get('/api/orders')).status).toBe(503);
		expect((await get('/api/orders')).status).toBe(200);
		expect(await control.outageStatus()).toEqual({ active: null, endsAt: now });
		expect((await control.requests()).map((request) => request.outcome)).toEqual([200, 'dropped', 'dropped', 503, 200]);
	});

	it('an outage needs exactly one of a duration or a request count', async () => {
		await expect(control.outage({ requests: 2, durationMs: 100 })).rejects.toThrow(/exactly one of durationMs .* or requests/);
		await expect(control.outage({ startsInMs: 0 })).rejects.toThrow(/exactly one of/);
		await expect(control.outage({ requests: 0 })).rejects.toThrow(/requests must be a whole number above 0, got 0/);
		expect((await get('/api/orders')).status).toBe(200);
	});

	it('Lightspeed X: User-Agent required, request_id dedupes, 429 Retry-After as an HTTP date', async () => {
		const sale = { register_id: 'r1', user_id: 'u1', register_sale_products: [{ product_id: 'p', quantity: 1, price: 2 }], request_id: 'shopify-1' };
		expect((await post('/api/register_sales', sale)).status).toBe(400);
		const ua = { 'User-Agent': 'test/1.0' };
		expect((await post('/api/register_sales', { ...sale, user_id: undefined }, ua)).status).toBe(400);
		const first = await post('/api/register_sales', sale, ua);
		const again = await post('/api/register_sales', sale, ua);
		expect(JSON.parse(again.body)).toEqual(JSON.parse(first.body));
		expect((await post('/api/register_sales', { ...sale, note: 'x' }, ua)).status).toBe(409);
		await control.fault({ kind: 'http429', retryAfterSeconds: 5 });
		const limited = await post('/api/register_sales', sale, ua);
		expect(limited.headers['retry-after']).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
		expect((await control.state()).orders).toHaveLength(1);
	});

	it('Square: unknown keys and wrong types fail as the SDK schema says', async () => {
		const bad = await post('/v2/orders', { idempotency_key: 'k', order: { location_id: 'L', line_items: [{ name: 'x', quantity: '1', base_price_money: { amount: 1, currency: 'USD' }, colour: 'red' }] } });
		expect(bad.status).toBe(400);
		expect(JSON.parse(bad.body).errors[0]).toMatchObject({ code: 'BAD_REQUEST', field: 'order.line_items[0].colour' });
		const good = await post('/v2/orders', { idempotency_key: 'k', order: { location_id: 'L', line_items: [{ name: 'x', quantity: '2', base_price_money: { amount: 150, currency: 'USD' } }] } });
		expect(JSON.parse(good.body).order).toMatchObject({ state: 'OPEN', total_money: { amount: 300, currency: 'USD' } });
	});

	it('Clover: an atomic order keeps its lines and reference, a custom order only Clover\'s fields', async () => {
		const line = { name: 'Tee', price: 1400, unitQty: 3000 };
		const atomic = await post('/v3/merchants/M/atomic_order/orders', { orderCart: { externalReferenceId: 'a', title: 'A', lineItems: [line] } });
		expect(JSON.parse(atomic.body)).toMatchObject({ externalReferenceId: 'a', title: 'A', lineItems: [line], total: 4200 });
		const custom = await post('/v3/merchants/M/orders', { externalReferenceId: 'b', title: 'B', lineItems: [line] });
		expect(JSON.parse(custom.body)).toMatchObject({ title: 'B' });
		expect(JSON.parse(custom.body)).not.toHaveProperty('lineItems');
		expect(JSON.parse(custom.body)).not.toHaveProperty('externalReferenceId');
		expect((await post('/v3/merchants/M/atomic_order/orders', { lineItems: [line] })).status).toBe(400);
	});

	it('Clover filters by external reference; Loyverse lists receipts newest first', async () => {
		await post('/v3/merchants/M/atomic_order/orders', { orderCart: { externalReferenceId: 'a' } });
		await post('/v3/merchants/M/atomic_order/orders', { orderCart: { externalReferenceId: 'b' } });
		expect(JSON.parse((await get('/v3/merchants/M/orders?filter=externalReferenceId=b')).body).elements).toEqual([expect.objectContaining({ externalReferenceId: 'b' })]);
		await post('/v1.0/receipts', { store_id: 's', order: 'o1', line_items: [{ variant_id: 'v', quantity: 1 }], payments: [{ payment_type_id: 'pt' }] });
		await post('/v1.0/receipts', { store_id: 's', order: 'o2', line_items: [{ variant_id: 'v', quantity: 1 }], payments: [{ payment_type_id: 'pt' }] });
		expect((await post('/v1.0/receipts', { store_id: 's', order: 'o3', line_items: [{ variant_id: 'v', quantity: 1 }] })).status).toBe(400);
		expect(JSON.parse((await get('/v1.0/receipts?store_id=s')).body).receipts.map((receipt: { order: string }) => receipt.order)).toEqual(['o2', 'o1']);
		expect((await post('/v1.0/receipts', { store_id: 's', line_items: [] })).status).toBe(400);
	});
});
