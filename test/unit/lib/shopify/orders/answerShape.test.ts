import { describeAnswer, listIds, orderShapeProblem } from '../../../../../lib/shopify/orders/answerShape';

const ID = 'gid://shopify/Order/1';
const connection = { nodes: [] };
const order = {
	__typename: 'Order',
	id: ID,
	createdAt: '2026-11-20T10:00:00Z',
	updatedAt: '2026-11-20T10:00:00Z',
	lineItems: connection,
	discountApplications: connection,
	shippingLines: connection,
	fulfillmentOrders: connection,
};

describe('the shape of an order answer', () => {
	it('accepts an Order with every list', () => {
		expect(orderShapeProblem(order, ID)).toBeUndefined();
	});

	it('names what Shopify answered instead of an Order', () => {
		expect(orderShapeProblem({ __typename: 'Customer' }, ID)?.message).toBe(`Shopify answered a Customer for the order id ${ID}, not an Order.`);
		expect(orderShapeProblem({}, ID)?.message).toContain('an object without the expected fields');
		expect(orderShapeProblem({ __typename: 'Customer' }, ID)?.orderId).toBe(ID);
	});

	it('names the lists and fields an order lacks', () => {
		const { lineItems: _lineItems, updatedAt: _updatedAt, ...partial } = order;
		expect(orderShapeProblem(partial, ID)?.message).toBe(`Shopify's answer for order ${ID} lacks lineItems, updatedAt, which every order has.`);
	});

	it('describes answers and lists ids briefly', () => {
		expect(describeAnswer(null)).toBe('null');
		expect(describeAnswer([1, 2])).toBe('a list of 2');
		expect(listIds(Array.from({ length: 12 }, (_, index) => String(index)))).toBe('0, 1, 2, 3, 4, 5, 6, 7, 8, 9 and 2 more');
	});
});
