import { serialization } from 'square';
import type { PosSimulator } from '../../../simulator/pos/posSimulator';
import { FAST_RETRIES, posReadyOrders, runPosNode, startSimulator } from './posTestKit';

/** How a template maps a POS-ready order onto Square's CreateOrder request. */
const SQUARE_ORDER_BODY = `={{ {
	order: {
		location_id: "MAIN",
		reference_id: $json.name,
		source: { name: "Shopify" },
		line_items: $json.lineItems.map(line => ({
			name: line.name,
			quantity: String(line.quantity),
			note: line.sku || undefined,
			base_price_money: { amount: line.unitPrice.presentment.minorUnits, currency: line.unitPrice.presentment.currencyCode }
		}))
	}
} }}`;

const strict = { unrecognizedObjectKeys: 'fail' as const };

describe('Square-flavoured requests', () => {
	let sim: PosSimulator;
	const credentials = () => ({ baseUrl: sim.origin, authType: 'bearer', token: 'EAAA-square-token', extraHeaders: 'Square-Version: 2025-10-16' });

	beforeEach(async () => {
		sim = await startSimulator({ auth: { type: 'bearer', token: 'EAAA-square-token' }, squareVersion: '2025-10-16' });
	});
	afterEach(async () => await sim.stop());

	it('built from POS-ready orders pass Square\'s CreateOrderRequest schema and create each order once', async () => {
		const orders = posReadyOrders(3);
		const parameters = { method: 'POST', path: '/v2/orders', jsonBody: SQUARE_ORDER_BODY, idempotencyPlacement: 'body', idempotencyBodyPath: 'idempotency_key', options: FAST_RETRIES };
		const run = await runPosNode(parameters, orders as never, credentials());
		expect(run.output(1)).toEqual([]);
		expect(run.json(0).map((json) => (json.body as { order: { reference_id: string } }).order.reference_id)).toEqual(['#1001', '#1002', '#1003']);
		for (const request of sim.requests) {
			const body = JSON.parse(request.body);
			expect(serialization.CreateOrderRequest.parse(body, strict)).toMatchObject({ ok: true });
			expect(body.idempotency_key).toMatch(/^shopify-\d+$/);
			expect(body.order.line_items.length).toBeGreaterThan(0);
		}
		// Re-running the same items (n8n "retry", a duplicate webhook) returns the stored orders.
		const again = await runPosNode(parameters, orders as never, credentials());
		expect(again.json(0).map((json) => (json.body as { order: { id: string } }).order.id)).toEqual(run.json(0).map((json) => (json.body as { order: { id: string } }).order.id));
		expect(sim.store.orders).toHaveLength(3);
	});

	it('same key with another body is refused the way Square refuses it', async () => {
		const [order] = posReadyOrders(1);
		const parameters = { method: 'POST', path: '/v2/orders', jsonBody: SQUARE_ORDER_BODY, idempotencyPlacement: 'body', idempotencyBodyPath: 'idempotency_key', options: FAST_RETRIES };
		await runPosNode(parameters, [order] as never, credentials());
		const changed = { ...order, name: '#1001-edited' };
		const run = await runPosNode(parameters, [changed] as never, credentials());
		expect(run.output(1)[0].json).toMatchObject({
			outcome: 'failed',
			attempts: 1,
			error: 'HTTP 400: IDEMPOTENCY_KEY_REUSED: The idempotency key can only be retried with the same request data.',
		});
		expect(sim.store.orders).toHaveLength(1);
	});

	it('a body Square would reject is refused with Square\'s field-level message', async () => {
		const run = await runPosNode(
			{ method: 'POST', path: '/v2/orders', jsonBody: '={{ { order: { location_id: "MAIN", line_items: [{ name: "Tee", quantity: 2, base_price_money: { amount: 100, currency: "USD" } }] } } }}', idempotencyPlacement: 'body', options: FAST_RETRIES },
			[{ orderId: 7 }],
			credentials(),
		);
		expect(run.output(1)[0].json).toMatchObject({ outcome: 'failed', attempts: 1, error: 'HTTP 400: INVALID_VALUE: Expected string. Received 2.' });
		expect(sim.store.orders).toHaveLength(0);
	});

	it('inventory changes, counts and catalog search validate against Square\'s schemas', async () => {
		sim.square.catalog.seed([{ name: 'Tee', variations: [{ id: 'VAR-1', name: 'Tee (M)', sku: 'TEE-M', priceAmount: 2500, currency: 'USD' }] }]);
		const search = await runPosNode(
			{ method: 'POST', path: '/v2/catalog/search', jsonBody: '={{ { object_types: ["ITEM_VARIATION"], query: { exact_query: { attribute_name: "sku", attribute_value: $json.sku } } } }}', idempotencyPlacement: 'none' },
			[{ sku: 'TEE-M' }],
			credentials(),
		);
		expect(search.json(0)[0].body).toMatchObject({ objects: [{ id: 'VAR-1', item_variation_data: { sku: 'TEE-M' } }] });
		const change = await runPosNode(
			{
				method: 'POST',
				path: '/v2/inventory/changes/batch-create',
				jsonBody: '={{ { changes: [{ type: "PHYSICAL_COUNT", physical_count: { catalog_object_id: "VAR-1", location_id: "MAIN", state: "IN_STOCK", quantity: String($json.available), occurred_at: $now.toUTC().toISO() } }] } }}',
				idempotencyPlacement: 'body',
				idempotencyKey: '={{ "stock-VAR-1-MAIN-" + $json.available }}',
				options: FAST_RETRIES,
			},
			[{ available: 12 }],
			credentials(),
		);
		expect(change.json(0)[0].body).toMatchObject({ counts: [{ catalog_object_id: 'VAR-1', location_id: 'MAIN', quantity: '12' }] });
		const counts = await runPosNode(
			{ method: 'POST', path: '/v2/inventory/counts/batch-retrieve', jsonBody: '={{ { catalog_object_ids: ["VAR-1"], location_ids: ["MAIN"] } }}', idempotencyPlacement: 'none' },
			[{}],
			credentials(),
		);
		expect(counts.json(0)[0].body).toMatchObject({ counts: [{ quantity: '12', state: 'IN_STOCK' }] });
		const schemas: Record<string, { parse: (raw: unknown, options: typeof strict) => { ok: boolean } }> = {
			'/v2/catalog/search': serialization.SearchCatalogObjectsRequest,
			'/v2/inventory/changes/batch-create': serialization.BatchChangeInventoryRequest,
			'/v2/inventory/counts/batch-retrieve': serialization.BatchGetInventoryCountsRequest,
		};
		for (const request of sim.requests) expect(schemas[request.path].parse(JSON.parse(request.body), strict)).toMatchObject({ ok: true });
	});

	it('answers 401 in Square\'s shape without the right token, and checks Square-Version', async () => {
		const wrongToken = await runPosNode({ method: 'GET', path: '/v2/locations' }, [{}], { ...credentials(), token: 'nope' });
		expect(wrongToken.output(1)[0].json).toMatchObject({ error: 'HTTP 401: UNAUTHORIZED: This request could not be authorized.' });
		const wrongVersion = await runPosNode({ method: 'GET', path: '/v2/locations' }, [{}], { ...credentials(), extraHeaders: 'Square-Version: 2020-01-01' });
		expect(wrongVersion.output(1)[0].json).toMatchObject({ response: { statusCode: 400 } });
	});
});
