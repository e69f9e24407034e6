import { parseJsonWithExactIds } from '../../../../../../lib/shopify/orders/exactIdJson';
import { normalizeWebhookOrder } from '../../../../../../lib/shopify/orders/normalizeWebhookOrder';
import {
	claimStockChanges,
	editChanges,
	FIRST_SIGHT_WINDOW_MS,
	planDeliveryStockChanges,
	pollStockChanges,
	readOrderEdit,
	restockChanges,
	saleChanges,
	type RestRefund,
	type StockChange,
} from '../../../../../../lib/shopify/orders/stockChanges';
import type { RestOrder } from '../../../../../../lib/shopify/orders/webhookOrder';
import { EXAMPLE_VERSIONS, exampleText } from './webhookExamples';

/** Shopify's refund example with every line's restock_type set to `type`. */
function refundText(version: string, type: string): string {
	return exampleText(version, 'refunds/create').replace(/"restock_type":"no_restock"/g, `"restock_type":"${type}"`);
}

/** A refunds/create body as Shopify sends it: ids as exact JSON numbers (above 2^53). */
const EXACT_REFUND = `{"id":890088186047892319,"order_id":820982911946154508,"created_at":"2021-12-31T19:00:00-05:00",
"processed_at":"2021-12-31T19:00:00-05:00","restock":false,"admin_graphql_api_id":"gid://shopify/Refund/890088186047892319",
"refund_line_items":[
 {"id":487817672276298627,"quantity":2,"line_item_id":487817672276298554,"restock_type":"return",
  "line_item":{"id":487817672276298554,"sku":"SKU2006-001","admin_graphql_api_id":"gid://shopify/LineItem/487817672276298554"}},
 {"id":976318377106520411,"quantity":1,"line_item_id":976318377106520349,"restock_type":"no_restock",
  "line_item":{"id":976318377106520349,"sku":"SKU2006-020","admin_graphql_api_id":"gid://shopify/LineItem/976318377106520349"}},
 {"id":315789986012684401,"quantity":3,"line_item_id":315789986012684393,"restock_type":"cancel",
  "line_item":{"id":315789986012684393,"sku":"","admin_graphql_api_id":"gid://shopify/LineItem/315789986012684393"}}]}`;

/** An orders/edited body as Shopify sends it (exact ids). */
const EXACT_EDIT = `{"order_edit":{"id":78912328793123782,"app_id":null,"created_at":"2021-12-31T19:00:00-05:00",
"committed_at":"2021-12-31T19:00:05-05:00","notify_customer":false,"order_id":820982911946154508,"staff_note":"","user_id":null,
"line_items":{"additions":[{"id":78643924236718237,"delta":2}],"removals":[{"id":487817672276298554,"delta":1}]},
"discounts":{"line_item":{"additions":[],"removals":[]}},"shipping_lines":{"additions":[],"removals":[]}}}`;

describe('sale changes of a newly seen order', () => {
	it.each(EXAMPLE_VERSIONS)("Shopify's %s orders/create example: one sale per line, original quantity, negative", (version) => {
		const payload = JSON.parse(exampleText(version, 'orders/create')) as RestOrder;
		const order = normalizeWebhookOrder(payload);
		const changes = saleChanges(order);
		expect(changes).toHaveLength(payload.line_items!.length);
		changes.forEach((change, index) => {
			const line = payload.line_items![index];
			expect(change).toEqual({
				key: `sale:${order.legacyId}:${line.admin_graphql_api_id!.split('/').pop()}`,
				sku: line.sku || null,
				quantity: -line.quantity!,
				lineItemId: line.admin_graphql_api_id,
				orderId: order.id,
				orderName: order.name,
				cause: 'sale',
				occurredAt: order.processedAt,
				reference: `Shopify order ${order.name}, line ${line.admin_graphql_api_id!.split('/').pop()}`,
			});
		});
	});

	it('golden: the 2026-07 example order gives these literal keys', () => {
		const order = normalizeWebhookOrder(JSON.parse(exampleText('2026-07', 'orders/create')) as RestOrder);
		expect(saleChanges(order).map((change) => change.key)).toEqual([
			'sale:820982911946154508:487817672276298554',
			'sale:820982911946154508:789012345678901234',
			'sale:820982911946154508:890123456789012345',
			'sale:820982911946154508:976318377106520349',
			'sale:820982911946154508:315789986012684393',
		]);
		expect(saleChanges(order)[0]).toMatchObject({ occurredAt: '2022-01-01T00:00:00Z', sku: 'SKU2006-001', quantity: -1 });
	});

	it('takes the quantity placed, not what edits and refunds left, and leaves out lines placed with none', () => {
		const order = normalizeWebhookOrder(JSON.parse(exampleText('2026-07', 'orders/create')) as RestOrder);
		order.lineItems[0] = { ...order.lineItems[0], originalQuantity: 3, quantity: 1, sku: null };
		order.lineItems[1] = { ...order.lineItems[1], originalQuantity: 0, quantity: 0 };
		const changes = saleChanges(order);
		expect(changes).toHaveLength(4);
		expect(changes[0]).toMatchObject({ quantity: -3, sku: null });
	});
});

describe('restock changes of a refund (refunds/create)', () => {
	it.each(EXAMPLE_VERSIONS)("Shopify's %s example as published (no_restock): nothing moves", (version) => {
		expect(restockChanges(parseJsonWithExactIds(exampleText(version, 'refunds/create')) as RestRefund)).toEqual([]);
	});

	it.each(EXAMPLE_VERSIONS.flatMap((version) => ['return', 'cancel', 'legacy_restock'].map((type) => [version, type])))(
		"Shopify's %s example with restock_type %s: one restock per refund line with its SKU",
		(version, type) => {
			const refund = parseJsonWithExactIds(refundText(version, type)) as RestRefund;
			const changes = restockChanges(refund);
			expect(changes).toHaveLength(refund.refund_line_items!.length);
			changes.forEach((change, index) => {
				const line = refund.refund_line_items![index];
				expect(change).toMatchObject({
					key: `restock:${String(refund.id)}:${String(line.id)}`,
					sku: line.line_item!.sku,
					quantity: line.quantity,
					lineItemId: line.line_item!.admin_graphql_api_id,
					orderId: `gid://shopify/Order/${String(refund.order_id)}`,
					orderName: null,
					cause: 'restock',
					occurredAt: '2022-01-01T00:00:00Z',
				});
			});
		},
	);

	it('golden: exact ids from the bytes Shopify sent, only restocked lines, an empty SKU as null', () => {
		expect(restockChanges(parseJsonWithExactIds(EXACT_REFUND) as RestRefund)).toEqual([
			{
				key: 'restock:890088186047892319:487817672276298627',
				sku: 'SKU2006-001',
				quantity: 2,
				lineItemId: 'gid://shopify/LineItem/487817672276298554',
				orderId: 'gid://shopify/Order/820982911946154508',
				orderName: null,
				cause: 'restock',
				occurredAt: '2022-01-01T00:00:00Z',
				reference: 'Shopify order 820982911946154508 refund 890088186047892319, line 487817672276298554',
			},
			{
				key: 'restock:890088186047892319:315789986012684401',
				sku: null,
				quantity: 3,
				lineItemId: 'gid://shopify/LineItem/315789986012684393',
				orderId: 'gid://shopify/Order/820982911946154508',
				orderName: null,
				cause: 'restock',
				occurredAt: '2022-01-01T00:00:00Z',
				reference: 'Shopify order 820982911946154508 refund 890088186047892319, line 315789986012684393',
			},
		]);
	});

	it('reads a refund from before restock_type by its own restock flag', () => {
		const legacy = { id: 5, order_id: 7, processed_at: '2017-01-01T00:00:00Z', refund_line_items: [{ id: 9, quantity: 1, line_item_id: 11, line_item: { sku: 'A' } }] };
		expect(restockChanges({ ...legacy, restock: true })).toMatchObject([{ key: 'restock:5:9', lineItemId: 'gid://shopify/LineItem/11', quantity: 1 }]);
		expect(restockChanges({ ...legacy, restock: false })).toEqual([]);
	});

	it('names the field when an id is unusable', () => {
		expect(() => restockChanges({ id: 5, refund_line_items: [] })).toThrow(/order_id/);
		expect(() => restockChanges({ order_id: 7 })).toThrow(/id or admin_graphql_api_id/);
		expect(() => restockChanges({ id: 5, order_id: 7, refund_line_items: [{ quantity: 1, restock_type: 'return' }] })).toThrow(/line_item_id/);
	});
});

describe('edit changes of an order edit (orders/edited)', () => {
	it.each(EXAMPLE_VERSIONS)("Shopify's %s example: an addition takes stock, a removal gives it back", (version) => {
		const text = exampleText(version, 'orders/edited');
		const payload = parseJsonWithExactIds(text) as { order_edit: { id: string; line_items: { additions: Array<{ id: string; delta: number }>; removals: Array<{ id: string; delta: number }> } } };
		const subject = readOrderEdit(payload);
		const added = `gid://shopify/LineItem/${payload.order_edit.line_items.additions[0].id}`;
		const removed = `gid://shopify/LineItem/${payload.order_edit.line_items.removals[0].id}`;
		const changes = editChanges(subject, { orderName: '#9999', skus: new Map([[added, 'NEW-1'], [removed, 'OLD-1']]) });
		expect(changes).toEqual([
			expect.objectContaining({ key: `edit:${payload.order_edit.id}:${added.split('/').pop()}`, lineItemId: added, sku: 'NEW-1', quantity: -1, cause: 'edit', orderName: '#9999' }),
			expect.objectContaining({ key: `edit:${payload.order_edit.id}:${removed.split('/').pop()}`, lineItemId: removed, sku: 'OLD-1', quantity: 1, cause: 'edit' }),
		]);
		expect(changes[0].occurredAt).toBe('2022-01-01T00:00:00Z');
	});

	it('golden: exact ids, committed_at as the time, deltas netted per line, an unknown line without SKU', () => {
		const subject = readOrderEdit(parseJsonWithExactIds(EXACT_EDIT) as object);
		expect(subject.orderId).toBe('gid://shopify/Order/820982911946154508');
		expect([...subject.deltas]).toEqual([
			['gid://shopify/LineItem/78643924236718237', -2],
			['gid://shopify/LineItem/487817672276298554', 1],
		]);
		const changes = editChanges(subject, { orderName: null, skus: new Map([['gid://shopify/LineItem/78643924236718237', 'SKU-NEW']]) });
		expect(changes).toEqual([
			{
				key: 'edit:78912328793123782:78643924236718237',
				sku: 'SKU-NEW',
				quantity: -2,
				lineItemId: 'gid://shopify/LineItem/78643924236718237',
				orderId: 'gid://shopify/Order/820982911946154508',
				orderName: null,
				cause: 'edit',
				occurredAt: '2022-01-01T00:00:05Z',
				reference: 'Shopify order 820982911946154508 edit 78912328793123782, line 78643924236718237',
			},
			expect.objectContaining({ key: 'edit:78912328793123782:487817672276298554', sku: null, quantity: 1 }),
		]);
	});

	it('nets a line both added to and taken from in one edit, and drops it when that is zero', () => {
		const subject = readOrderEdit({ order_edit: { id: 1, order_id: 2, line_items: { additions: [{ id: 3, delta: 2 }, { id: 4, delta: 1 }], removals: [{ id: 3, delta: 2 }] } } });
		expect(editChanges(subject, { orderName: '#1', skus: new Map() }).map((change) => [change.key, change.quantity])).toEqual([['edit:1:4', -1]]);
	});

	it('names the field when an id is unusable', () => {
		expect(() => readOrderEdit({ order_edit: { order_id: 2 } })).toThrow(/order_edit\.id/);
		expect(() => readOrderEdit({ order_edit: { id: 1 } })).toThrow(/order_edit\.order_id/);
		expect(() => readOrderEdit({ order_edit: { id: 1, order_id: 2, line_items: { removals: [{ delta: 1 }] } } })).toThrow(/removals/);
	});
});

describe('what each delivery topic means for stock', () => {
	const createText = exampleText('2026-07', 'orders/create');
	const order = normalizeWebhookOrder(JSON.parse(createText) as RestOrder);
	const createdAt = Date.parse(order.createdAt);
	const longAfter = createdAt + FIRST_SIGHT_WINDOW_MS + 1;

	it('orders/create: the sale, however late it arrives', () => {
		expect(planDeliveryStockChanges('orders/create', createText, order, longAfter).changes).toEqual(saleChanges(order));
	});

	it.each(['orders/updated', 'orders/paid', 'orders/fulfilled', 'orders/partially_fulfilled'])(
		'%s: the sale of an order first seen within the window, nothing for an older one',
		(topic) => {
			expect(planDeliveryStockChanges(topic, createText, order, createdAt + 60_000).changes).toEqual(saleChanges(order));
			expect(planDeliveryStockChanges(topic, createText, order, longAfter).changes).toEqual([]);
		},
	);

	it('refunds/create: the restocks; orders/edited: the edit to resolve; orders/delete: nothing', () => {
		expect(planDeliveryStockChanges('refunds/create', EXACT_REFUND, null, 0).changes.map((change) => change.key)).toEqual([
			'restock:890088186047892319:487817672276298627',
			'restock:890088186047892319:315789986012684401',
		]);
		const edit = planDeliveryStockChanges('orders/edited', EXACT_EDIT, null, 0);
		expect(edit.changes).toEqual([]);
		expect(edit.edit?.editId).toBe('78912328793123782');
		expect(planDeliveryStockChanges('orders/delete', '{"id":820982911946154508}', null, 0)).toEqual({ changes: [] });
	});

	it('orders/cancelled: the restocks of recent refunds in the payload, under the refunds/create keys', () => {
		const refund = parseJsonWithExactIds(EXACT_REFUND) as Record<string, unknown>;
		const oldRefund = { ...refund, id: '111', admin_graphql_api_id: 'gid://shopify/Refund/111', processed_at: '2021-12-01T00:00:00Z' };
		const cancelled = { ...(JSON.parse(exampleText('2026-07', 'orders/cancelled')) as Record<string, unknown>), refunds: [oldRefund, refund] };
		const cancelledOrder = normalizeWebhookOrder(cancelled as RestOrder);
		const at = Date.parse('2022-01-01T00:10:00Z');
		const changes = planDeliveryStockChanges('orders/cancelled', JSON.stringify(cancelled), cancelledOrder, at).changes.filter((change) => change.cause === 'restock');
		const fromRefund = planDeliveryStockChanges('refunds/create', EXACT_REFUND, null, at).changes;
		expect(changes.map((change) => change.key)).toEqual(fromRefund.map((change) => change.key));
		expect(changes[0]).toMatchObject({ orderName: cancelledOrder.name, quantity: 2, sku: 'SKU2006-001' });
	});

	it('orders/cancelled without refunds (Shopify\'s published example): no restock', () => {
		const text = exampleText('2026-07', 'orders/cancelled');
		const cancelledOrder = normalizeWebhookOrder(JSON.parse(text) as RestOrder);
		expect(planDeliveryStockChanges('orders/cancelled', text, cancelledOrder, longAfter).changes).toEqual([]);
	});

	it('a poll: the sale of an order created since the window start, nothing for an older one', () => {
		expect(pollStockChanges(order, createdAt)).toEqual(saleChanges(order));
		expect(pollStockChanges(order, createdAt + 1000)).toEqual([]);
	});
});

describe('claimStockChanges', () => {
	function memory() {
		const keys = new Set<string>();
		return {
			keys,
			async claim(key: string) {
				if (keys.has(key)) return false;
				keys.add(key);
				return true;
			},
		};
	}
	const change = (key: string): StockChange => ({ key, sku: 'A', quantity: -1, lineItemId: 'l', orderId: 'o', orderName: null, cause: 'sale', occurredAt: '', reference: '' });

	it('lets each event through once, all of its lines together', async () => {
		const seen = memory();
		const first = await claimStockChanges(seen, [change('sale:1:10'), change('sale:1:11'), change('restock:5:50')], 0);
		expect(first.map((c) => c.key)).toEqual(['sale:1:10', 'sale:1:11', 'restock:5:50']);
		expect([...seen.keys]).toEqual(['stock:sale:1', 'stock:restock:5']);
		const again = await claimStockChanges(seen, [change('sale:1:10'), change('sale:1:11'), change('restock:6:60')], 0);
		expect(again.map((c) => c.key)).toEqual(['restock:6:60']);
	});
});
