import { PageCostMemory } from '../../../../../lib/shopify/orders/connectionPages';

describe('the size of an order\'s next connection page', () => {
	it('one node while the cost is unknown, then what fits the budget, but never more than wanted', () => {
		const memory = new PageCostMemory();
		expect(memory.pageSize('lineItems', 1000)).toBe(1);
		// Shopify reported 25 points for one line: 22 per line beyond the 3 points of overhead.
		memory.observe('lineItems', 1, 25);
		expect(memory.pageSize('lineItems', 1000)).toBe(43);
		// A list that showed 1 node so far asks for 10, not 43: a 223-point query instead of a 949-point one.
		expect(memory.pageSize('lineItems', 1000, 10)).toBe(10);
		expect(memory.estimate('lineItems', 10)).toBe(223);
		// A small bucket still bounds it.
		expect(memory.pageSize('lineItems', 100, 10)).toBe(4);
	});
});
