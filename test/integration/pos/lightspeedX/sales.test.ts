import type { PosSimulatorClient } from '../../../../simulator/pos/client';
import type { PosSimulator } from '../../../../simulator/pos/posSimulator';
import { saleBody, setup, startLightspeed, type Json, type LightspeedApi, type Setup } from './lightspeedKit';

describe('Lightspeed X-Series simulator: date-versioned sales', () => {
	let sim: PosSimulator;
	let api: LightspeedApi;
	let control: PosSimulatorClient;
	let ids: Setup;
	let tee: Json;
	let mug: Json;

	beforeEach(async () => {
		({ sim, api, control } = await startLightspeed());
		ids = setup(sim);
		[tee, mug] = await control.lightspeedProducts([
			{ sku: 'TEE', name: 'Tee', price: 25, stock: 10 },
			{ sku: 'MUG', name: 'Mug', price: 12, stock: 4 },
		]);
	});
	afterEach(() => sim.stop());

	const level = async (product: Json) => ((await api.get(`/api/2.0/products/${product.id}/inventory`)).json.data as Json[])[0].inventory_level as number;

	it('creates a closed sale: 201 with the date-versioned shape, stock down once per POST', async () => {
		const created = await api.post('/api/2026-04/sales', saleBody(ids, [[tee.id, 2, '25', '3.75']], '57.50', { note: 'Shopify order #1001' }));
		expect(created.status).toBe(201);
		const sale = created.json.data as Json;
		expect(sale).toMatchObject({
			invoice_number: '1',
			state: 'closed',
			source: { author_id: ids.sync, register_id: ids.online, outlet_id: ids.outlet },
			note: 'Shopify order #1001',
			line_items: [{ product: { id: tee.id }, quantity: 2, pricing: { price: '25.00', total_price: '50.00' }, tax: { id: ids.gst, amount: '3.75', total_amount: '7.50' } }],
			payments: [{ payment_type: { id: ids.shopify }, amount: '57.50' }],
			totals: { total_price: '50.00', total_tax: '7.50', total_payment: '57.50' },
			created_at: '2026-12-01T10:00:00+00:00',
			version: expect.any(Number),
		});
		expect(await level(tee)).toBe(8);
		const stored = await api.get(`/api/2.0/sales/${sale.id}`);
		expect(stored.json.data).toMatchObject({ id: sale.id, status: 'CLOSED', state: 'closed', user_id: ids.sync, register_id: ids.online, outlet_id: ids.outlet, total_price: 50, total_tax: 7.5 });
		expect(stored.json.data.line_items[0]).toMatchObject({ product_id: tee.id, quantity: 2, price: 25, tax: 3.75, tax_id: ids.gst, price_total: 50, tax_total: 7.5 });
		expect(stored.json.data.payments[0]).toMatchObject({ payment_type_id: ids.shopify, amount: 57.5 });
	});

	it('is not idempotent: the same body twice makes two sales and moves stock twice', async () => {
		const body = saleBody(ids, [[tee.id, 1, '25']], '25.00');
		const first = await api.post('/api/2026-01/sales', body);
		const second = await api.post('/api/2026-01/sales', body);
		expect([first.status, second.status]).toEqual([201, 201]);
		expect(second.json.data.id).not.toBe(first.json.data.id);
		expect([first.json.data.invoice_number, second.json.data.invoice_number]).toEqual(['1', '2']);
		expect(await level(tee)).toBe(8);
		expect((await control.state()).orders.filter((order) => order.flavour === 'lightspeedX')).toHaveLength(2);
	});

	it('refuses an unknown product naming the field, and moves nothing', async () => {
		const before = await api.get('/api/2.0/inventory');
		const refused = await api.post('/api/2026-04/sales', saleBody(ids, [[tee.id, 1, '25'], ['00000000-0000-4000-8000-000000000000', 1, '5']], '30.00'));
		expect(refused.status).toBe(400);
		expect(refused.json).toEqual({ error: 'Bad Request', details: expect.stringMatching(/^line_items\[1\]\.product\.id: /) });
		expect((await api.get('/api/2.0/inventory')).json).toEqual(before.json);
		expect((await api.get('/api/2.0/sales')).json).toEqual({ data: [], version: null });
	});

	it.each([
		['no author', (body: Json) => ({ ...body, source: { register_id: body.source.register_id } }), /^source\.author_id: is required/],
		['an unknown register', (body: Json) => ({ ...body, source: { ...body.source, register_id: 'nope' } }), /^source\.register_id: no register/],
		['no lines', (body: Json) => ({ ...body, line_items: [] }), /^line_items: must be a non-empty array/],
		['a zero quantity', (body: Json) => ({ ...body, line_items: [{ ...body.line_items[0], quantity: 0 }] }), /^line_items\[0\]\.quantity: must be a non-zero number/],
		['a quantity as text', (body: Json) => ({ ...body, line_items: [{ ...body.line_items[0], quantity: '1' }] }), /^line_items\[0\]\.quantity/],
		['a numeric price', (body: Json) => ({ ...body, line_items: [{ ...body.line_items[0], pricing: { price: 25 } }] }), /^line_items\[0\]\.pricing\.price: must be a decimal string/],
		['an unknown tax', (body: Json) => ({ ...body, line_items: [{ ...body.line_items[0], tax: { id: 'x', amount: '0' } }] }), /^line_items\[0\]\.tax\.id: no tax/],
		['an unknown payment type', (body: Json) => ({ ...body, payments: [{ payment_type: { id: 'x' }, amount: '25' }] }), /^payments\[0\]\.payment_type\.id: no payment type/],
		['another state', (body: Json) => ({ ...body, state: 'voided' }), /^state: /],
	])('refuses %s with 400 and the field path', async (_name, change, details) => {
		const refused = await api.post('/api/2026-04/sales', change(saleBody(ids, [[tee.id, 1, '25']], '25.00')));
		expect(refused).toMatchObject({ status: 400, json: { error: 'Bad Request', details: expect.stringMatching(details) } });
		expect(await level(tee)).toBe(10);
	});

	it('refuses a body that is not JSON, in Lightspeed\'s error shape', async () => {
		const refused = await api.post('/api/2026-04/sales', '{"source":');
		expect(refused).toMatchObject({ status: 400, json: { error: 'Bad Request', details: expect.stringMatching(/^body: not valid JSON/) } });
		expect((await api.post('/api/2026-04/sales', [])).json).toEqual({ error: 'Bad Request', details: 'body: must be a JSON object' });
	});

	it('a closed sale must be paid in full, to the cent', async () => {
		const short = await api.post('/api/2026-04/sales', saleBody(ids, [[tee.id, 1, '25', '3.75']], '28.74'));
		expect(short.json).toEqual({ error: 'Bad Request', details: 'payments: the amounts sum to 28.74, which must equal the sale total 28.75' });
		const unpaid = await api.post('/api/2026-04/sales', saleBody(ids, [[tee.id, 1, '25']], null));
		expect(unpaid.json.details).toMatch(/^payments: .* must equal the sale total 25.00$/);
		expect(await level(tee)).toBe(10);
	});

	it('rounds each line half up to cents, then sums', async () => {
		const body = saleBody(ids, [[tee.id, 1, '0.125', '0.01875'], [mug.id, 3, '10.99', '1.6485']], '38.07');
		const sale = (await api.post('/api/2026-07/sales', body)).json.data as Json;
		expect(sale.line_items.map((line: Json) => [line.pricing.total_price, line.tax.total_amount])).toEqual([
			['0.13', '0.02'],
			['32.97', '4.95'],
		]);
		expect(sale.line_items[0].pricing.price).toBe('0.125');
		expect(sale.totals).toEqual({ total_price: '33.10', total_tax: '4.97', total_payment: '38.07' });
	});

	it('a negative quantity is a return: stock comes back, totals are negative (rounded half away from zero)', async () => {
		const sale = await api.post('/api/2026-10/sales', saleBody(ids, [[mug.id, -2, '12.1225']], '-24.25'));
		expect(sale.status).toBe(201);
		expect(sale.json.data.totals).toEqual({ total_price: '-24.25', total_tax: '0.00', total_payment: '-24.25' });
		expect(await level(mug)).toBe(6);
	});

	it('a saved (parked) sale moves nothing and needs no payment', async () => {
		const saved = await api.post('/api/2027-01/sales', { ...saleBody(ids, [[tee.id, 3, '25']], null), state: 'saved' });
		expect(saved.status).toBe(201);
		expect(saved.json.data.state).toBe('saved');
		expect(await level(tee)).toBe(10);
		expect((await api.get(`/api/2.0/sales/${saved.json.data.id}`)).json.data.status).toBe('SAVED');
	});

	it('answers 404 for versions the docs do not list and for other date-versioned paths', async () => {
		const body = saleBody(ids, [[tee.id, 1, '25']], '25.00');
		for (const path of ['/api/2025-10/sales', '/api/2026-02/sales', '/api/2026-04/register_sales']) {
			expect(await api.post(path, body)).toMatchObject({ status: 404, json: { error: 'Not Found' } });
		}
		expect((await api.get('/api/2026-04/sales')).status).toBe(404);
		expect(await level(tee)).toBe(10);
	});

	it('invoice numbers: a given one must be new, generated ones skip those taken; search finds exactly one', async () => {
		const mine = await api.post('/api/2026-04/sales', saleBody(ids, [[tee.id, 1, '25']], '25.00', { invoice_number: 'SHOP-1001' }));
		expect(mine.json.data.invoice_number).toBe('SHOP-1001');
		const again = await api.post('/api/2026-04/sales', saleBody(ids, [[tee.id, 1, '25']], '25.00', { invoice_number: 'SHOP-1001' }));
		expect(again.json).toEqual({ error: 'Bad Request', details: 'invoice_number: already used' });
		await api.post('/api/2026-04/sales', saleBody(ids, [[tee.id, 1, '25']], '25.00', { invoice_number: '1' }));
		expect((await api.post('/api/2026-04/sales', saleBody(ids, [[tee.id, 1, '25']], '25.00'))).json.data.invoice_number).toBe('2');
		const found = await api.get('/api/2.0/search?type=sales&invoice_number=SHOP-1001');
		expect(found.json.data).toEqual([expect.objectContaining({ id: mine.json.data.id, invoice_number: 'SHOP-1001', status: 'CLOSED' })]);
		expect((await api.get('/api/2.0/search?type=sales&invoice_number=shop-1001')).json).toEqual({ data: [] });
		expect((await api.get('/api/2.0/search?type=products&sku=TEE')).status).toBe(400);
	});

	it('pages sales by version; a void gives the sale a new version', async () => {
		const sales: Json[] = [];
		for (let index = 0; index < 3; index++) sales.push((await api.post('/api/2026-04/sales', saleBody(ids, [[tee.id, 1, '25']], '25.00'))).json.data);
		const page = await api.get('/api/2.0/sales?page_size=2');
		expect(page.json.data.map((sale: Json) => sale.id)).toEqual([sales[0].id, sales[1].id]);
		await control.lightspeedVoidSale(sales[0].id);
		const rest = await api.get(`/api/2.0/sales?after=${page.json.version.max}`);
		expect(rest.json.data.map((sale: Json) => [sale.id, sale.status])).toEqual([
			[sales[2].id, 'CLOSED'],
			[sales[0].id, 'VOIDED'],
		]);
		expect(await level(tee)).toBe(8);
	});
});
