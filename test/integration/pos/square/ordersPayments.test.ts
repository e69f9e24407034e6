import type { PosSimulator } from '../../../../simulator/pos/posSimulator';
import { expectSquareContract, startSquare, type Json, type SquareApi } from './squareKit';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const external = (orderId: string, amount: number, key: string, extra: Json = {}) => ({
	idempotency_key: key,
	source_id: 'EXTERNAL',
	external_details: { type: 'EXTERNAL', source: 'Shopify' },
	amount_money: usd(amount),
	order_id: orderId,
	...extra,
});

describe('Square simulator: orders and payments', () => {
	let sim: PosSimulator;
	let api: SquareApi;
	let main: string;
	let tee: string;
	let mug: string;
	let untracked: string;

	beforeEach(async () => {
		({ sim, api } = await startSquare());
		[main] = sim.square.locations.seed([{ name: 'Shop' }]).map((location) => location.id);
		const items = sim.square.catalog.seed([
			{ name: 'Tee', variations: [{ sku: 'TEE', priceAmount: 4999 }] },
			{ name: 'Mug', variations: [{ sku: 'MUG', priceAmount: 8000 }] },
			{ name: 'Gift wrap', variations: [{ sku: 'WRAP', priceAmount: 300, trackInventory: false }] },
		]);
		[tee, mug, untracked] = items.map((item) => (item.item_data as Json).variations[0].id as string);
		for (const id of [tee, mug, untracked]) sim.square.applyInventory([{ type: 'PHYSICAL_COUNT', physical_count: { catalog_object_id: id, location_id: main, state: 'IN_STOCK', quantity: '10', occurred_at: '2026-12-01T08:00:00Z' } }], { product: 'DASHBOARD' });
	});
	afterEach(async () => {
		expectSquareContract(sim);
		await sim.stop();
	});

	const stock = () => [tee, mug, untracked].map((id) => sim.square.inventory.quantity(id, main));
	const createOrder = async (order: Json, key = 'order-1') => {
		const reply = await api.post('/v2/orders', { idempotency_key: key, order: { location_id: main, ...order } });
		expect(reply.status).toBe(200);
		return reply.json.order as Json;
	};

	it('totals as Square computes them: 17998 gross, 10 % off the order, 8 % tax, 750 shipping = 18244', async () => {
		const order = await createOrder({
			line_items: [{ catalog_object_id: tee, quantity: '2' }, { catalog_object_id: mug, quantity: '1' }],
			discounts: [{ uid: 'ten', name: '10 % off', type: 'FIXED_PERCENTAGE', percentage: '10', scope: 'ORDER' }],
			taxes: [{ uid: 'vat', name: 'Sales tax', type: 'ADDITIVE', percentage: '8', scope: 'ORDER' }],
			service_charges: [{ uid: 'ship', name: 'Shipping', amount_money: usd(750), calculation_phase: 'SUBTOTAL_PHASE' }],
		});
		expect(order).toMatchObject({ state: 'OPEN', version: 1, total_money: usd(18244), total_discount_money: usd(1800), total_tax_money: usd(1296), total_service_charge_money: usd(750), net_amount_due_money: usd(18244) });
		expect(order.line_items).toEqual([
			expect.objectContaining({ name: 'Tee', variation_name: 'Regular', base_price_money: usd(4999), gross_sales_money: usd(9998), total_discount_money: usd(1000), total_tax_money: usd(720), total_money: usd(9718) }),
			expect.objectContaining({ name: 'Mug', gross_sales_money: usd(8000), total_discount_money: usd(800), total_tax_money: usd(576), total_money: usd(7776) }),
		]);
		expect(order.line_items[0].applied_discounts).toEqual([expect.objectContaining({ discount_uid: 'ten', applied_money: usd(1000) })]);
		expect(order.discounts[0]).toMatchObject({ uid: 'ten', applied_money: usd(1800) });
		expect(order.service_charges[0]).toMatchObject({ applied_money: usd(750), total_money: usd(750) });
		expect(order.id).toMatch(/^[A-Za-z0-9]{27}$/);
	});

	it('tax is computed on the sum and rounded once (Square forum: 8.875 % of 36.90 is 3.27, not 3.28)', async () => {
		const lines = [1500, 800, 695, 695].map((amount, index) => ({ name: `Item ${index}`, quantity: '1', base_price_money: usd(amount) }));
		const order = await createOrder({ line_items: lines, taxes: [{ uid: 't', name: 'NYC', percentage: '8.875', scope: 'ORDER' }] });
		expect(order.total_tax_money).toEqual(usd(327));
		expect(order.total_money).toEqual(usd(3690 + 327));
	});

	it('Bankers\' Rounding, line-level fixed discounts and inclusive taxes', async () => {
		const order = await createOrder({
			line_items: [
				{ name: 'Half', quantity: '1', base_price_money: usd(1005), applied_discounts: [{ discount_uid: 'p' }] },
				{ name: 'Fixed', quantity: '3', base_price_money: usd(1000), applied_discounts: [{ discount_uid: 'f' }], applied_taxes: [{ tax_uid: 'inc' }] },
			],
			discounts: [{ uid: 'p', name: '10 %', percentage: '10', scope: 'LINE_ITEM' }, { uid: 'f', name: '5 off', amount_money: usd(500), scope: 'LINE_ITEM' }],
			taxes: [{ uid: 'inc', name: 'VAT', type: 'INCLUSIVE', percentage: '20', scope: 'LINE_ITEM' }],
		});
		// 10 % of 1005 = 100.5, to even: 100. VAT inside 2500: 2500 × 20 / 120 = 416.67 → 417, not added.
		expect(order.line_items[0]).toMatchObject({ total_discount_money: usd(100), total_money: usd(905) });
		expect(order.line_items[1]).toMatchObject({ total_discount_money: usd(500), total_tax_money: usd(417), total_money: usd(2500) });
		expect(order.total_money).toEqual(usd(3405));
	});

	it('an EXTERNAL payment of the total completes the order and moves stock once, catalog lines of tracked variations only', async () => {
		const order = await createOrder({
			reference_id: '#1001',
			line_items: [{ catalog_object_id: tee, quantity: '2' }, { catalog_object_id: untracked, quantity: '1' }, { name: 'Engraving', quantity: '1', base_price_money: usd(500) }],
		});
		expect(stock()).toEqual([10, 10, 10]);
		const payment = external(order.id, 4999 * 2 + 300 + 500, 'pay-1001');
		const paid = await api.post('/v2/payments', payment);
		expect(paid.json.payment).toMatchObject({ status: 'COMPLETED', source_type: 'EXTERNAL', order_id: order.id, amount_money: usd(10798), external_details: { type: 'EXTERNAL', source: 'Shopify' } });
		expect(stock()).toEqual([8, 10, 10]);
		const again = await api.post('/v2/payments', payment);
		expect(again.json.payment.id).toBe(paid.json.payment.id);
		const second = await api.post('/v2/payments', external(order.id, 10798, 'pay-1001-b'));
		expect(second.status).toBe(400);
		expect(stock()).toEqual([8, 10, 10]);
		const fetched = await api.get(`/v2/orders/${order.id as string}`);
		expect(fetched.json.order).toMatchObject({ state: 'COMPLETED', version: 2, net_amount_due_money: usd(0), tenders: [{ type: 'OTHER', payment_id: paid.json.payment.id }] });
		const changes = await api.post('/v2/inventory/changes/batch-retrieve', { catalog_object_ids: [tee], types: ['ADJUSTMENT'] });
		expect(changes.json.changes).toEqual([
			{ type: 'ADJUSTMENT', adjustment: expect.objectContaining({ from_state: 'IN_STOCK', to_state: 'SOLD', quantity: '2', transaction_id: order.id, source: expect.objectContaining({ product: 'EXTERNAL_API' }) }) },
		]);
	});

	it('a payment that is not the order total is refused and nothing moves; an OPEN order that is never paid moves nothing', async () => {
		const order = await createOrder({ line_items: [{ catalog_object_id: mug, quantity: '1' }] });
		const short = await api.post('/v2/payments', external(order.id, 7999, 'short'));
		expect(short.status).toBe(400);
		expect(short.json.errors[0]).toMatchObject({ code: 'PAYMENT_AMOUNT_MISMATCH', field: 'amount_money.amount' });
		expect((await api.get(`/v2/orders/${order.id as string}`)).json.order.state).toBe('OPEN');
		expect(stock()).toEqual([10, 10, 10]);
		const longKey = await api.post('/v2/payments', external(order.id, 8000, 'k'.repeat(46)));
		expect(longKey.json.errors[0]).toMatchObject({ code: 'VALUE_TOO_LONG', field: 'idempotency_key' });
	});

	it('autocomplete:false leaves the payment APPROVED and the order OPEN until PayOrder', async () => {
		const order = await createOrder({ line_items: [{ catalog_object_id: mug, quantity: '2' }] });
		const approved = await api.post('/v2/payments', external(order.id, 16000, 'approve', { autocomplete: false }));
		expect(approved.json.payment.status).toBe('APPROVED');
		expect(stock()).toEqual([10, 10, 10]);
		const paid = await api.post(`/v2/orders/${order.id as string}/pay`, { idempotency_key: 'pay-order', payment_ids: [approved.json.payment.id] });
		expect(paid.json.order).toMatchObject({ state: 'COMPLETED' });
		expect(stock()).toEqual([10, 8, 10]);
		const replay = await api.post(`/v2/orders/${order.id as string}/pay`, { idempotency_key: 'pay-order', payment_ids: [approved.json.payment.id] });
		expect(replay.status).toBe(200);
		expect(stock()).toEqual([10, 8, 10]);
	});

	it('an order with an open fulfillment stays OPEN when paid, and moves no stock yet', async () => {
		const order = await createOrder({ line_items: [{ catalog_object_id: tee, quantity: '1' }], fulfillments: [{ type: 'PICKUP', state: 'PROPOSED', pickup_details: { recipient: { display_name: 'Ann' }, pickup_at: '2026-12-02T10:00:00Z' } }] });
		const paid = await api.post('/v2/payments', external(order.id, 4999, 'pickup'));
		expect(paid.status).toBe(200);
		expect((await api.get(`/v2/orders/${order.id as string}`)).json.order).toMatchObject({ state: 'OPEN', net_amount_due_money: usd(0) });
		expect(stock()).toEqual([10, 10, 10]);
	});

	it('CreateOrder is idempotent: the same key and body return the first order; another body is refused', async () => {
		const body = { idempotency_key: 'shopify-7', order: { location_id: main, line_items: [{ catalog_object_id: tee, quantity: '1' }] } };
		const first = await api.post('/v2/orders', body);
		await api.post('/v2/payments', external(first.json.order.id, 4999, 'p7'));
		const again = await api.post('/v2/orders', body);
		expect(again.json).toEqual(first.json);
		const other = await api.post('/v2/orders', { ...body, order: { ...body.order, reference_id: 'x' } });
		expect(other.json.errors[0].code).toBe('IDEMPOTENCY_KEY_REUSED');
		const unknown = await api.post('/v2/orders', { idempotency_key: 'u', order: { location_id: main, line_items: [{ catalog_object_id: 'NOPE', quantity: '1' }] } });
		expect(unknown.status).toBe(404);
		expect(unknown.json.errors[0].field).toBe('order.line_items[0].catalog_object_id');
	});
});
