import type { PosSimulatorClient } from '../../../../simulator/pos/client';
import type { PosSimulator } from '../../../../simulator/pos/posSimulator';
import { ISO_MS, level, seedShop, startLoyverse, UUID, type Json, type LoyverseApi } from './loyverseKit';

describe('Loyverse simulator: receipts', () => {
	let sim: PosSimulator;
	let api: LoyverseApi;
	let control: PosSimulatorClient;
	let clock: { now: number };
	let shop: Awaited<ReturnType<typeof seedShop>>;
	let main: string;
	let shopify: string;

	beforeEach(async () => {
		({ sim, api, control, clock } = await startLoyverse());
		shop = await seedShop(control);
		main = sim.loyverse.stores.main().id;
		shopify = sim.loyverse.stores.paymentTypes.find((type) => type.name === 'Shopify')!.id;
	});
	afterEach(() => sim.stop());

	const receipt = (order: string, lines: Json[], extra: Json = {}) => ({ store_id: main, order, receipt_date: '2026-12-06T09:59:00.000Z', note: `Shopify order ${order}`, payments: [{ payment_type_id: shopify }], line_items: lines, ...extra });

	it('creates a receipt every time: the body as sent plus Loyverse\'s fields, recorded in the shared order list', async () => {
		const body = receipt('shopify-1', [{ variant_id: shop.small, quantity: 2, price: 19.5 }, { variant_id: shop.cup, quantity: 1 }]);
		const created = await api.post('/v1.0/receipts', body);
		expect(created.status).toBe(200);
		expect(created.json).toMatchObject({
			receipt_number: '1-1001',
			receipt_type: 'SALE',
			refund_for: null,
			order: 'shopify-1',
			note: 'Shopify order shopify-1',
			source: 'API',
			receipt_date: '2026-12-06T09:59:00.000Z',
			created_at: '2026-12-06T10:00:00.000Z',
			updated_at: '2026-12-06T10:00:00.000Z',
			cancelled_at: null,
			store_id: main,
			total_money: 47,
			line_items: [
				{ item_id: shop.tee.id, variant_id: shop.small, sku: 'TEE-S', item_name: 'T-shirt', quantity: 2, price: 19.5, total_money: 39 },
				{ item_id: shop.mug.id, variant_id: shop.cup, sku: 'MUG', item_name: 'Mug', quantity: 1, price: 8, total_money: 8 },
			],
			payments: [{ payment_type_id: shopify, name: 'Shopify', type: 'OTHER', money_amount: 47 }],
		});
		expect(created.json.line_items[0].id).toMatch(UUID);
		const again = await api.post('/v1.0/receipts', body);
		expect(again.json.receipt_number).toBe('1-1002');
		expect(sim.store.orders.filter((order) => order.flavour === 'loyverse').map((order) => [order.id, order.externalRef])).toEqual([
			['1-1001', 'shopify-1'],
			['1-1002', 'shopify-1'],
		]);
	});

	it('with apiReceiptsMoveStock (the default) lines naming known variants take stock at the receipt\'s store; a REFUND puts it back', async () => {
		await api.post('/v1.0/receipts', receipt('shopify-2', [{ variant_id: shop.small, quantity: 3 }, { variant_id: 'TEE-L', quantity: 1 }]));
		expect([level(sim, shop.small), level(sim, shop.large)]).toEqual([7, 4]);
		const refund = await api.post('/v1.0/receipts', receipt('shopify-2-refund', [{ variant_id: shop.small, quantity: 1 }], { receipt_type: 'REFUND', refund_for: '1-1001' }));
		expect(refund.json).toMatchObject({ receipt_type: 'REFUND', refund_for: '1-1001' });
		expect(level(sim, shop.small)).toBe(8);
	});

	it('without apiReceiptsMoveStock a receipt leaves stock alone', async () => {
		await control.loyverseSettings({ apiReceiptsMoveStock: false });
		await api.post('/v1.0/receipts', receipt('shopify-3', [{ variant_id: shop.small, quantity: 3 }]));
		expect(level(sim, shop.small)).toBe(10);
	});

	it('keeps the route\'s validation, and accepts store and variant ids it does not know (stock then unmoved)', async () => {
		expect(await api.post('/v1.0/receipts', { store_id: main, line_items: [] })).toMatchObject({ status: 400, json: { errors: [{ code: 'MISSING_REQUIRED_PARAMETER', field: 'store_id' }] } });
		expect(await api.post('/v1.0/receipts', { store_id: main, line_items: [{ variant_id: shop.small, quantity: 1 }] })).toMatchObject({ status: 400, json: { errors: [{ code: 'MISSING_REQUIRED_PARAMETER', field: 'payments' }] } });
		expect(await api.post('/v1.0/receipts', receipt('x', [{ variant_id: shop.small, quantity: 1 }], { receipt_type: 'VOID' }))).toMatchObject({ status: 400, json: { errors: [{ code: 'INVALID_VALUE', field: 'receipt_type' }] } });
		const foreign = await api.post('/v1.0/receipts', { store_id: 'store-1', order: 'o1', line_items: [{ variant_id: 'v1', quantity: 1 }], payments: [{ payment_type_id: 'pt-1' }] });
		expect(foreign.status).toBe(200);
		expect(level(sim, shop.small)).toBe(10);
		expect((await api.get('/v1.0/receipts?store_id=store-1')).json.receipts.map((entry: Json) => entry.order)).toEqual(['o1']);
	});

	it('with receiptsCheckIds a store, variant or payment type the merchant does not have is refused naming the field, and nothing is recorded', async () => {
		await control.loyverseSettings({ receiptsCheckIds: true });
		expect(await api.post('/v1.0/receipts', receipt('a', [{ variant_id: shop.small, quantity: 1 }], { store_id: 'store-1' }))).toMatchObject({ status: 404, json: { errors: [{ code: 'NOT_FOUND', field: 'store_id' }] } });
		expect(await api.post('/v1.0/receipts', receipt('b', [{ variant_id: shop.small, quantity: 1 }, { variant_id: 'TEE-L', quantity: 1 }]))).toMatchObject({ status: 404, json: { errors: [{ field: 'line_items[1].variant_id' }] } });
		expect(await api.post('/v1.0/receipts', receipt('c', [{ variant_id: shop.small, quantity: 1 }], { payments: [{ payment_type_id: 'pt-1' }] }))).toMatchObject({ status: 404, json: { errors: [{ field: 'payments[0].payment_type_id' }] } });
		expect(level(sim, shop.small)).toBe(10);
		expect(sim.store.orders).toHaveLength(0);
		expect((await api.post('/v1.0/receipts', receipt('d', [{ variant_id: shop.small, quantity: 1 }]))).status).toBe(200);
	});

	it('lists newest first by updated_at_min, paged with a cursor that survives new receipts', async () => {
		for (let index = 1; index <= 5; index++) {
			clock.now += 60_000;
			await api.post('/v1.0/receipts', receipt(`shopify-${index}`, [{ variant_id: shop.cup, quantity: 1 }]));
		}
		const since = '2026-12-06T10:02:00.000Z';
		const first = await api.get(`/v1.0/receipts?updated_at_min=${since}&limit=2`);
		expect(first.json.receipts.map((entry: Json) => entry.order)).toEqual(['shopify-5', 'shopify-4']);
		clock.now += 60_000;
		await api.post('/v1.0/receipts', receipt('shopify-6', [{ variant_id: shop.cup, quantity: 1 }]));
		const second = await api.get(`/v1.0/receipts?cursor=${encodeURIComponent(first.json.cursor as string)}&limit=2`);
		expect(second.json.receipts.map((entry: Json) => entry.order)).toEqual(['shopify-3', 'shopify-2']);
		expect(second.json.cursor).toBeUndefined();
		expect((await api.get(`/v1.0/receipts?updated_at_min=${since}`)).json.receipts.map((entry: Json) => entry.order)).toEqual(['shopify-6', 'shopify-5', 'shopify-4', 'shopify-3', 'shopify-2']);
		expect((await api.get(`/v1.0/receipts?updated_at_max=2026-12-06T10:01:00.000Z`)).json.receipts.map((entry: Json) => entry.order)).toEqual(['shopify-1']);
		expect((await api.get(`/v1.0/receipts?created_at_min=2026-12-06T10:05:00.000Z`)).json.receipts.map((entry: Json) => entry.order)).toEqual(['shopify-6', 'shopify-5']);
		expect((await api.get('/v1.0/receipts?limit=500')).json.receipts).toHaveLength(6);
		expect((await api.get('/v1.0/receipts?since_receipt_number=1-1004')).json.receipts.map((entry: Json) => entry.receipt_number)).toEqual(['1-1006', '1-1005']);
		expect((await api.get('/v1.0/receipts/1-1002')).json).toMatchObject({ order: 'shopify-2', created_at: expect.stringMatching(ISO_MS) });
		expect(await api.get('/v1.0/receipts/9-9999')).toMatchObject({ status: 404, json: { errors: [{ code: 'NOT_FOUND' }] } });
	});

	it('with receiptHistoryDays only the receipts of the last days are listed', async () => {
		await api.post('/v1.0/receipts', receipt('old', [{ variant_id: shop.cup, quantity: 1 }]));
		clock.now += 40 * 86_400_000;
		await api.post('/v1.0/receipts', receipt('new', [{ variant_id: shop.cup, quantity: 1 }]));
		expect((await api.get('/v1.0/receipts')).json.receipts).toHaveLength(2);
		await control.loyverseSettings({ receiptHistoryDays: 31 });
		expect((await api.get('/v1.0/receipts')).json.receipts.map((entry: Json) => entry.order)).toEqual(['new']);
	});

	it('a receipt queues receipts.update and inventory_levels.update', async () => {
		await api.post('/v1.0/webhooks', { url: 'http://127.0.0.1:9/receipts', type: 'receipts.update', status: 'ENABLED' });
		await api.post('/v1.0/webhooks', { url: 'http://127.0.0.1:9/levels', type: 'inventory_levels.update', status: 'ENABLED' });
		const created = await api.post('/v1.0/receipts', receipt('shopify-7', [{ variant_id: shop.large, quantity: 2 }]));
		const bodies = sim.loyverse.webhooks.deliveries().map((delivery) => JSON.parse(delivery.body) as Json);
		expect(bodies).toEqual([
			{ merchant_id: sim.loyverse.merchantId, type: 'receipts.update', created_at: '2026-12-06T10:00:00.000Z', receipts: [created.json] },
			{ merchant_id: sim.loyverse.merchantId, type: 'inventory_levels.update', created_at: '2026-12-06T10:00:00.000Z', inventory_levels: [{ variant_id: shop.large, store_id: main, in_stock: 2, updated_at: '2026-12-06T10:00:00.000Z' }] },
		]);
	});
});
