import { SQUARE_ROUTE_NAMES } from '../../../../simulator/pos/flavours/square';
import type { PosSimulator } from '../../../../simulator/pos/posSimulator';
import { expectSquareContract, inventoryAdjustment, physicalCount, startSquare, type Json, type SquareApi } from './squareKit';

/**
 * Every route the Square simulator answers, called as a client would, with answers of both kinds
 * (accepted and refused): each accepted request passes the SDK's request schema (unknown keys fail) and
 * every answer passes the route's response schema.
 */
describe('Square simulator: the SDK contract on every route', () => {
	let sim: PosSimulator;
	let api: SquareApi;

	beforeAll(async () => {
		({ sim, api } = await startSquare());
	});
	afterAll(async () => await sim.stop());

	it('holds for each route, accepted and refused', async () => {
		const [main] = sim.square.locations.seed([{ name: 'Shop', currency: 'USD' }]).map((location) => location.id);
		const [item] = sim.square.catalog.seed([{ name: 'Tee', variations: [{ sku: 'TEE', priceAmount: 1200 }] }]);
		const tee = (item.item_data as Json).variations[0].id as string;
		const calls: Array<Promise<unknown>> = [];
		const post = (path: string, body: unknown) => calls.push(api.post(path, body));
		post('/v2/catalog/search', { object_types: ['ITEM_VARIATION'], query: { set_query: { attribute_name: 'sku', attribute_values: ['tee'] } }, include_related_objects: true });
		post('/v2/catalog/search', { object_types: ['ITEM_VARIATION'], query: { set_query: { attribute_name: 'sku', attribute_values: Array.from({ length: 251 }, String) } } });
		post('/v2/catalog/batch-retrieve', { object_ids: [tee, item.id], include_related_objects: true });
		calls.push(api.get(`/v2/catalog/object/${tee}?include_related_objects=true`), api.get('/v2/catalog/object/NOPE'), api.get('/v2/locations'));
		await Promise.all(calls);
		await api.post('/v2/inventory/changes/batch-create', { idempotency_key: 'a', changes: [physicalCount(tee, main, '9'), inventoryAdjustment(tee, main, '2', 'IN_STOCK', 'WASTE', { reference_id: 'r' })] });
		await api.post('/v2/inventory/changes/batch-create', { idempotency_key: 'a', changes: [] });
		await api.post('/v2/inventory/counts/batch-retrieve', { location_ids: [main], states: ['IN_STOCK', 'WASTE'], limit: 1 });
		await api.post('/v2/inventory/changes/batch-retrieve', { types: ['ADJUSTMENT', 'PHYSICAL_COUNT'], sort: { field: 'OCCURRED_AT', order: 'DESC' } });
		await api.post('/v2/inventory/changes/batch-retrieve', { cursor: 'not-a-cursor' });
		const order = (await api.post('/v2/orders', { idempotency_key: 'o', order: { location_id: main, line_items: [{ catalog_object_id: tee, quantity: '1', applied_discounts: [{ discount_uid: 'd' }] }], discounts: [{ uid: 'd', name: 'Staff', percentage: '10', scope: 'LINE_ITEM' }], taxes: [{ uid: 't', name: 'Tax', percentage: '5' }], service_charges: [{ uid: 's', name: 'Ship', amount_money: { amount: 300, currency: 'USD' }, taxable: true }] } })).json.order as Json;
		await api.post('/v2/orders', { idempotency_key: 'o2', order: { location_id: main, line_items: [{ name: 'x', quantity: '0', base_price_money: { amount: 1, currency: 'USD' } }] } });
		await api.get(`/v2/orders/${order.id as string}`);
		await api.get('/v2/orders/NOPE');
		const approved = (await api.post('/v2/payments', { idempotency_key: 'p', source_id: 'EXTERNAL', external_details: { type: 'EXTERNAL', source: 'Shopify', source_id: '#1001' }, amount_money: order.total_money, order_id: order.id, autocomplete: false, reference_id: '#1001', note: 'Shopify order #1001' })).json.payment as Json;
		await api.post('/v2/payments', { idempotency_key: 'p2', source_id: 'EXTERNAL', amount_money: order.total_money, order_id: order.id });
		await api.post(`/v2/orders/${order.id as string}/pay`, { idempotency_key: 'pay', payment_ids: [approved.id] });
		await api.post(`/v2/orders/${order.id as string}/pay`, { idempotency_key: 'pay-again', payment_ids: [approved.id] });
		await sim.square.webhooks.deliverDue();

		const seen = expectSquareContract(sim);
		expect([...seen].sort()).toEqual([...SQUARE_ROUTE_NAMES].sort());
		const outcomes = sim.requests.map((request) => request.outcome);
		expect(outcomes.filter((outcome) => outcome === 200).length).toBeGreaterThan(10);
		expect(outcomes.filter((outcome) => outcome === 400 || outcome === 404).length).toBeGreaterThanOrEqual(6);
		expect(outcomes).not.toContain(500);
	});
});
