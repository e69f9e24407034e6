import { DetailBatchSizer } from '../../../../../lib/shopify/orders/detailBatchSizer';

/** A cost model like Shopify's: per order a fixed part plus a part per requested line item. */
const requested = (orders: number, lines: number) => orders * (40 + 12 * lines) + 1;

describe('DetailBatchSizer', () => {
	it('measures with one small order first, so even a 100-point bucket admits it', () => {
		const sizer = new DetailBatchSizer();
		expect(sizer.plan(1000)).toEqual({ orders: 1, lineItemsFirst: 1, estimatedCost: 0 });
	});

	it('fills the budget once the cost per order is known, and never plans above it', () => {
		const sizer = new DetailBatchSizer();
		sizer.observe({ orders: 2, lineItemsFirst: 10, requestedCost: requested(2, 10), actualCost: 90 });
		const plan = sizer.plan(1000, 1000);
		expect(requested(plan.orders, plan.lineItemsFirst)).toBeLessThanOrEqual(1000);
		expect(plan.estimatedCost).toBeGreaterThanOrEqual(requested(plan.orders, plan.lineItemsFirst) - 1);
	});

	it('shrinks the line page to what the data has, and packs more orders per batch', () => {
		const sizer = new DetailBatchSizer();
		sizer.observe({ orders: 2, lineItemsFirst: 10, requestedCost: requested(2, 10), actualCost: 60 });
		sizer.observeLines(2);
		sizer.observeLines(3);
		sizer.endBatch();
		const plan = sizer.plan(1000, 1000);
		expect(plan.lineItemsFirst).toBe(3);
		// Only one page size is known: the cost at 10 lines is the upper bound used for 3 lines.
		expect(plan.orders).toBe(Math.floor(950 / (requested(2, 10) / 2)));
		sizer.observe({ orders: plan.orders, lineItemsFirst: 3, requestedCost: requested(plan.orders, 3), actualCost: 0 });
		const next = sizer.plan(1000, 1000);
		expect(next.orders).toBeGreaterThan(plan.orders);
		expect(requested(next.orders, next.lineItemsFirst)).toBeLessThanOrEqual(1000);
	});

	it('fits a tiny bucket by shrinking the line page', () => {
		const sizer = new DetailBatchSizer();
		sizer.observe({ orders: 1, lineItemsFirst: 10, requestedCost: requested(1, 10), actualCost: 0 });
		sizer.observe({ orders: 1, lineItemsFirst: 5, requestedCost: requested(1, 5), actualCost: 0 });
		const plan = sizer.plan(500, 100);
		expect(plan.orders).toBeGreaterThanOrEqual(1);
		expect(requested(plan.orders, plan.lineItemsFirst)).toBeLessThanOrEqual(100);
	});

	it('never asks for more than 250 ids or more than remain', () => {
		const sizer = new DetailBatchSizer();
		sizer.observe({ orders: 2, lineItemsFirst: 1, requestedCost: 4, actualCost: 4 });
		expect(sizer.plan(10_000, 1000).orders).toBe(250);
		expect(sizer.plan(7, 1000).orders).toBe(7);
	});

	it('contended (others keep winning the bucket): half the budget each time, won back a quarter per admitted batch', () => {
		const sizer = new DetailBatchSizer();
		sizer.observe({ orders: 2, lineItemsFirst: 10, requestedCost: requested(2, 10), actualCost: 90 });
		const full = sizer.plan(1000).estimatedCost;
		sizer.contended();
		expect(sizer.plan(1000).estimatedCost).toBeLessThanOrEqual(full / 2);
		sizer.contended();
		const quarter = sizer.plan(1000).estimatedCost;
		expect(quarter).toBeLessThanOrEqual(full / 4);
		for (let round = 0; round < 2; round++) sizer.observe({ orders: 2, lineItemsFirst: 10, requestedCost: requested(2, 10), actualCost: 90 });
		expect(sizer.plan(1000).estimatedCost).toBeGreaterThan(quarter);
		for (let round = 0; round < 10; round++) sizer.observe({ orders: 2, lineItemsFirst: 10, requestedCost: requested(2, 10), actualCost: 90 });
		expect(sizer.plan(1000).estimatedCost).toBe(full);
	});

	it('after a refusal plans below what was refused', () => {
		const sizer = new DetailBatchSizer();
		sizer.observe({ orders: 1, lineItemsFirst: 1, requestedCost: 50, actualCost: 20 });
		const plan = sizer.plan(1000, 1000);
		expect(plan.orders).toBe(19);
		sizer.refused(plan, 1000);
		expect(sizer.plan(1000, 1000).orders).toBeLessThan(plan.orders);
	});
});
