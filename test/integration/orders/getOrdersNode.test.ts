import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { PosOrder } from '../../../lib/shopify/orders/posOrder';
import { startOrdersStore, steppedClock, type OrdersStore } from './ordersStore';

const ALL = { returnAll: true };

function ids(run: { json(): IDataObject[] }): string[] {
	return run.json().map((order) => String(order.id));
}

describe('Shopify Get Orders in n8n\'s engine against the simulator', () => {
	let store: OrdersStore;
	const clock = steppedClock();

	beforeAll(async () => {
		store = await startOrdersStore({ clock: clock.now, tick: () => clock.tick(), maximumAvailable: 20_000, restoreRate: 10_000 });
	});

	afterAll(async () => {
		await store.close();
	});

	beforeEach(async () => {
		await store.shop.control.reset({ orders: 0, locations: 2, products: 3 });
	});

	it('returns nothing for an empty store, with no error', async () => {
		const run = await store.runGetOrders(ALL);
		expect(run.error).toBeUndefined();
		expect(run.output()).toEqual([]);
	});

	it('returns one order POS-ready, paired with the input item', async () => {
		const [id] = store.placeOrders(1);
		const run = await store.runGetOrders(ALL);
		expect(run.output()).toHaveLength(1);
		const [item] = run.output();
		expect(item.pairedItem).toEqual({ item: 0 });
		const order = item.json as unknown as PosOrder;
		expect(order.id).toBe(id);
		expect(order.lineItems.map((line) => [line.title, line.quantity, line.unitPrice.shop.minorUnits])).toEqual([
			['Espresso', 2, 350],
			['Croissant', 1, 225],
		]);
	});

	it('carries each order\'s sale as stock changes, keyed as the triggers key it, the quantity placed', async () => {
		const order = store.shop.orders.create({ lineItems: [{ title: 'Mug', quantity: 3, price: '8.00' }, { title: 'Tea', quantity: 1, price: '4.00' }] });
		const [mug] = order.lineItems;
		store.shop.orders.update(order.id, { lineItemQuantities: [{ lineItemId: mug.id, currentQuantity: 1 }] });
		const [item] = (await store.runGetOrders(ALL)).json() as unknown as Array<PosOrder & { stockChanges: IDataObject[] }>;
		expect(item.lineItems[0].quantity).toBe(1);
		expect(item.stockChanges).toEqual(
			order.lineItems.map((line) => ({
				key: `sale:${order.legacyResourceId}:${line.legacyResourceId}`,
				sku: null,
				quantity: -line.quantity,
				lineItemId: line.id,
				orderId: order.id,
				orderName: order.name,
				cause: 'sale',
				occurredAt: item.processedAt,
				reference: `Shopify order ${order.name}, line ${line.legacyResourceId}`,
			})),
		);
		expect(item.stockChanges[0].quantity).toBe(-3);
		const raw = (await store.runGetOrders({ ...ALL, output: 'raw' })).json()[0];
		expect(raw.stockChanges).toBeUndefined();
	});

	it.each([250, 251])('returns all of %i orders across page boundaries, each once, oldest change first', async (count) => {
		const placed = store.placeOrders(count);
		const run = await store.runGetOrders(ALL);
		expect(ids(run)).toEqual(placed);
	});

	it('stops at the limit', async () => {
		const placed = store.placeOrders(30);
		const run = await store.runGetOrders({ returnAll: false, limit: 7 });
		expect(ids(run)).toEqual(placed.slice(0, 7));
	});

	it('returns an order with 300 line items complete, in POS-ready and raw form', async () => {
		const lineItems = Array.from({ length: 300 }, (_, index) => ({ title: `Part ${index}`, quantity: 1 + (index % 3), price: '1.10' }));
		const order = store.shop.orders.create({ lineItems, email: 'big@example.com' });
		const posReady = await store.runGetOrders(ALL);
		const lines = (posReady.json()[0] as unknown as PosOrder).lineItems;
		expect(lines).toHaveLength(300);
		expect(lines.map((line) => line.title)).toEqual(lineItems.map((line) => line.title));
		expect(new Set(lines.map((line) => line.id)).size).toBe(300);
		const raw = await store.runGetOrders({ ...ALL, output: 'raw' });
		const rawOrder = raw.json()[0] as { id: string; lineItems: { nodes: unknown[]; pageInfo?: unknown } };
		expect(rawOrder.id).toBe(order.id);
		expect(rawOrder.lineItems.nodes).toHaveLength(300);
		expect(rawOrder.lineItems.pageInfo).toBeUndefined();
	});

	describe('filters', () => {
		let web: string[];
		let pos: string;
		let tagged: string;
		let paid: string;
		let test: string;
		let cancelled: string;
		let early: string;

		beforeEach(async () => {
			early = store.placeOrders(1, { financialStatus: 'PENDING', createdAt: '2026-11-01T08:00:00Z', processedAt: '2026-11-01T08:00:00Z', updatedAt: '2026-11-01T08:00:00Z' })[0];
			web = store.placeOrders(2, { financialStatus: 'PENDING' });
			pos = store.placeOrders(1, { sourceName: 'pos', financialStatus: 'PAID', fulfillmentStatus: 'FULFILLED' })[0];
			tagged = store.placeOrders(1, { tags: ['wholesale', 'VIP customer'], financialStatus: 'PENDING' })[0];
			paid = store.placeOrders(1, { financialStatus: 'PAID' })[0];
			test = store.placeOrders(1, { test: true, financialStatus: 'PENDING' })[0];
			cancelled = store.placeOrders(1, { cancelledAt: new Date(clock.now()).toISOString(), cancelReason: 'CUSTOMER', financialStatus: 'VOIDED' })[0];
		});

		const run = async (filters: IDataObject, extra: IDataObject = {}) => ids(await store.runGetOrders({ ...ALL, filters, ...extra } as INodeParameters));

		it('skips POS orders by default and includes them when asked', async () => {
			expect(await run({})).not.toContain(pos);
			expect(await run({}, { skipPosOrders: false })).toContain(pos);
		});

		it('created, updated and processed since / until', async () => {
			expect(await run({ createdUntil: '2026-11-02T00:00:00Z' })).toEqual([early]);
			expect(await run({ processedUntil: '2026-11-02T00:00:00Z' })).toEqual([early]);
			expect(await run({ updatedUntil: '2026-11-02T00:00:00Z' })).toEqual([early]);
			expect(await run({ createdSince: '2026-11-02T00:00:00Z' })).not.toContain(early);
			expect(await run({ updatedSince: '2026-11-02T00:00:00Z' })).not.toContain(early);
			expect(await run({ processedSince: '2026-11-02T00:00:00Z' })).not.toContain(early);
		});

		it('financial status (any of), fulfillment status, order status', async () => {
			expect(await run({ financialStatuses: ['paid'] })).toEqual([paid]);
			expect((await run({ financialStatuses: ['paid', 'voided'] })).sort()).toEqual([paid, cancelled].sort());
			expect(await run({ fulfillmentStatuses: ['shipped'] }, { skipPosOrders: false })).toEqual([pos]);
			expect(await run({ status: 'cancelled' })).toEqual([cancelled]);
			expect(await run({ status: 'open' })).not.toContain(cancelled);
		});

		it('tags any of / none of, test orders, raw search query', async () => {
			expect(await run({ tagsAny: 'VIP customer, nothing' })).toEqual([tagged]);
			expect(await run({ tagsNone: 'wholesale' })).not.toContain(tagged);
			expect(await run({ testOrders: 'only' })).toEqual([test]);
			expect(await run({ testOrders: 'exclude' })).not.toContain(test);
			expect(await run({ searchQuery: 'email:buyer0@example.com', financialStatuses: ['paid'] })).toEqual([paid]);
			expect(await run({})).toEqual(expect.arrayContaining([...web, tagged, paid, test, cancelled, early]));
		});

		it('sends the sales channel to Shopify\'s search', async () => {
			await store.shop.control.clearRequests();
			await run({ salesChannel: 'online_store' });
			const requests = JSON.stringify(await store.shop.control.requests());
			expect(requests).toContain('sales_channel:online_store');
		});

		it('sorts by created time, newest first', async () => {
			const all = await run({}, { options: { sortBy: 'CREATED_AT', sortDirection: 'desc' } });
			expect(all[0]).toBe(cancelled);
			expect(all.at(-1)).toBe(early);
		});
	});

	describe('only orders changed since the last run', () => {
		it('returns each change once across runs, with equal timestamps and a limit that splits them', async () => {
			const staticData: IDataObject = {};
			const parameters = { onlyChanges: true, returnAll: false, limit: 3 };
			// Five orders in the same second.
			const sameSecond = Array.from({ length: 5 }, () => store.shop.orders.create({ lineItems: [{ title: 'Tea', quantity: 1, price: '2.00' }] }).id);
			const first = ids(await store.runGetOrders(parameters, { staticData }));
			const second = ids(await store.runGetOrders(parameters, { staticData }));
			const third = ids(await store.runGetOrders(parameters, { staticData }));
			expect(first).toHaveLength(3);
			expect([...first, ...second].sort()).toEqual([...sameSecond].sort());
			expect(third).toEqual([]);

			clock.tick();
			store.shop.orders.update(sameSecond[1], { note: 'gift wrap' });
			const [changed] = store.placeOrders(1);
			expect((await store.runGetOrders(parameters, { staticData })).json().map((order) => order.id)).toEqual([sameSecond[1], changed]);
			expect(ids(await store.runGetOrders(parameters, { staticData }))).toEqual([]);
		});

		it('starts again from the filters after a reset', async () => {
			const staticData: IDataObject = {};
			const placed = store.placeOrders(2);
			expect(ids(await store.runGetOrders({ ...ALL, onlyChanges: true }, { staticData }))).toEqual(placed);
			expect(ids(await store.runGetOrders({ ...ALL, onlyChanges: true }, { staticData }))).toEqual([]);
			expect(ids(await store.runGetOrders({ ...ALL, onlyChanges: true, options: { resetCursor: true } }, { staticData }))).toEqual(placed);
		});
	});

	describe('errors', () => {
		it('names a bad date filter; with continue on fail it becomes an item paired with its input', async () => {
			const run = await store.runGetOrders({ ...ALL, filters: { createdSince: 'yesterday-ish' } }, { continueOnFail: true, input: [{ a: 1 }] });
			expect(run.output()).toEqual([{ json: expect.objectContaining({ error: expect.stringContaining('"yesterday-ish"') }), pairedItem: { item: 0 } }]);
			const failed = await store.runGetOrders({ ...ALL, filters: { createdSince: 'yesterday-ish' } });
			expect(failed.error?.message).toContain('created since');
		});

		it('reports a refused token as a remote error without showing the token', async () => {
			const wrongToken = 'shpat_wrong_token_0123456789abcdef';
			const run = await (async () => {
				const { runNode } = await import('../../helpers/n8nEngine');
				const { ShopifyGetOrders } = await import('../../../nodes/ShopifyGetOrders/ShopifyGetOrders.node');
				return await runNode({
					nodeType: ShopifyGetOrders,
					parameters: ALL,
					credentials: { shopifyAdminApi: { ...store.credentials.shopifyAdminApi, accessToken: wrongToken } } as never,
				});
			})();
			expect(run.error?.name).toBe('NodeApiError');
			expect(run.error?.message).toContain('rejected the access token');
			expect(JSON.stringify(run.run.data)).not.toContain(wrongToken);
			expect(JSON.stringify(run.logs)).not.toContain(wrongToken);
		});
	});
});
