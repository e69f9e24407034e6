import { orderEventFromDelivery, type OrderEventMeta } from '../../../../../lib/shopify/webhooks/orderEvent';

const meta: OrderEventMeta = {
	topic: 'orders/delete',
	source: 'webhook',
	eventId: 'e-1',
	webhookId: 'w-1',
	triggeredAt: '2026-11-20T10:00:00.000Z',
	apiVersion: '2026-07',
	shopDomain: 'acme.myshopify.com',
};

describe('orderEventFromDelivery', () => {
	it('keeps every digit of an id above 2^53 by reading the bytes Shopify sent', () => {
		const raw = Buffer.from('{"id":820982911946154508}');
		expect(JSON.parse(raw.toString()).id).toBe(820982911946154500);
		const event = orderEventFromDelivery(raw, meta, 'posOrder');
		expect(event.json).toMatchObject({ id: 'gid://shopify/Order/820982911946154508', legacyId: '820982911946154508', deleted: true });
		expect(event.changeKey).toBeUndefined();
	});

	it('names the order of a refund by its exact id', () => {
		const raw = Buffer.from('{"id":509562969,"order_id":820982911946154508,"admin_graphql_api_id":"gid://shopify/Refund/509562969"}');
		const event = orderEventFromDelivery(raw, { ...meta, topic: 'refunds/create' }, 'posOrder');
		expect(event.json).toMatchObject({ orderId: 'gid://shopify/Order/820982911946154508', refundId: 'gid://shopify/Refund/509562969' });
	});

	it('keys an order change by GID and UTC instant, and reports its source for the loop guard', () => {
		const raw = Buffer.from(
			JSON.stringify({ id: 1, admin_graphql_api_id: 'gid://shopify/Order/1', updated_at: '2026-11-20T05:00:00-05:00', source_name: 'pos' }),
		);
		const event = orderEventFromDelivery(raw, { ...meta, topic: 'orders/updated' }, 'raw');
		expect(event.changeKey).toBe('gid://shopify/Order/1@2026-11-20T10:00:00.000Z');
		expect(event.sourceName).toBe('pos');
	});

	it('refuses a body that is not a JSON object', () => {
		expect(() => orderEventFromDelivery(Buffer.from('<order/>'), { ...meta, topic: 'orders/create' }, 'posOrder')).toThrow(/not JSON/);
	});
});
