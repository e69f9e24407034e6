import type { IDataObject } from 'n8n-workflow';
import type { StockChange } from '../../../lib/pos/inventory/stockChange';
import type { PosOrder } from '../../../lib/shopify/orders/posOrder';
import type { PosSimulator } from '../../../simulator/pos/posSimulator';
import { discountedTaxedOrder, line, shipping, tax, usd } from '../../unit/lib/pos/square/squareFixtures';
import { expectSquareContract } from '../pos/square/squareKit';
import { EVENT_TIME, runInventory, seedSquare, squareCalls, squareStock, startSquare } from './posInventoryKit';

const RECORD = { operation: 'recordOrders' };

/** The POS-ready order with the stock changes a new order, a refund or an edit carries. */
function withChanges(order: PosOrder, cause: StockChange['cause'], lines: Array<{ legacyId: string; quantity: number }>): IDataObject {
	const stockChanges: StockChange[] = lines.map(({ legacyId, quantity }) => {
		const source = order.lineItems.find((candidate) => candidate.legacyId === legacyId)!;
		return { key: `${cause}:${order.legacyId}:${legacyId}`, sku: source.sku, quantity, lineItemId: source.id, orderId: order.id, orderName: order.name, cause, occurredAt: EVENT_TIME, reference: `Shopify ${order.name}` };
	});
	return { ...(order as unknown as IDataObject), stockChanges: stockChanges as unknown as IDataObject[] };
}

describe('POS Inventory: Record Shopify Orders (Square)', () => {
	let sim: PosSimulator;

	beforeEach(async () => {
		sim = await startSquare();
		seedSquare(sim, [
			{ id: 'VAR-TEE', sku: 'TEE-M', quantity: 20, price: 4999 },
			{ id: 'VAR-HAT', sku: 'HAT', quantity: 10, price: 8000 },
		]);
	});
	afterEach(async () => {
		expectSquareContract(sim);
		await sim.stop();
	});

	it('records the order with catalog lines and an EXTERNAL payment: Square\'s total is Shopify\'s, stock moves once', async () => {
		const order = discountedTaxedOrder();
		const item = withChanges(order, 'sale', [{ legacyId: '11', quantity: -2 }, { legacyId: '12', quantity: -1 }]);
		const run = await runInventory(sim, RECORD, [item]);
		expect(run.output(1)).toEqual([]);
		const recorded = run.json(0)[0];
		expect(recorded).toMatchObject({ outcome: 'recorded', orderName: '#1001', totalMinorUnits: 18574, shopifyTotalMinorUnits: 18574, currency: 'USD', paymentStatus: 'COMPLETED' });
		const squareOrder = sim.square.orders.order(recorded.squareOrderId as string)!;
		expect(squareOrder).toMatchObject({ state: 'COMPLETED', reference_id: 'shopify:5000000000001', total_money: { amount: 18574, currency: 'USD' } });
		expect([squareStock(sim, 'VAR-TEE'), squareStock(sim, 'VAR-HAT')]).toEqual([18, 9]);
		// Never also a stock adjustment: Square moved the stock for the paid order.
		expect(squareCalls(sim, '/v2/inventory/changes/batch-create')).toBe(0);
		const payment = JSON.parse(sim.requests.find((request) => request.path === '/v2/payments')!.body);
		expect(payment).toMatchObject({ source_id: 'EXTERNAL', external_details: { type: 'EXTERNAL', source: 'Shopify' }, amount_money: { amount: 18574, currency: 'USD' } });

		// The same order again: Square returns the stored order and payment; nothing doubles.
		const again = await runInventory(sim, RECORD, [item]);
		expect(again.json(0)[0].squareOrderId).toBe(recorded.squareOrderId);
		expect([squareStock(sim, 'VAR-TEE'), squareStock(sim, 'VAR-HAT')]).toEqual([18, 9]);
		expect(sim.store.orders.filter((stored) => stored.flavour === 'square')).toHaveLength(1);
	});

	it('a Shopify rounding Square would not make itself still gives Shopify\'s total', async () => {
		seedSquare(sim, [{ id: 'VAR-PEN', sku: 'PEN', quantity: 9, price: 333 }]);
		const order = discountedTaxedOrder({
			id: 'gid://shopify/Order/5000000000002',
			legacyId: '5000000000002',
			name: '#1002',
			lineItems: [line('21', 'PEN', 333, 3, 0, [tax('Sales tax', 0.0825, 83)]), line('22', 'TEE-M', 4999, 1, 500, [tax('Sales tax', 0.0825, 371)])],
			shippingLines: [shipping(599, 599)],
			originalTotals: { subtotal: usd(5498), discounts: usd(500), shipping: usd(599), tax: usd(454), total: usd(6551) },
		});
		const run = await runInventory(sim, RECORD, [withChanges(order, 'sale', [{ legacyId: '21', quantity: -3 }, { legacyId: '22', quantity: -1 }])]);
		expect(run.json(0)[0]).toMatchObject({ outcome: 'recorded', totalMinorUnits: 6551 });
		expect(squareStock(sim, 'VAR-PEN')).toBe(6);
	});

	it('an order with a SKU Square lacks is not recorded: Not Mapped, naming the SKU', async () => {
		const order = discountedTaxedOrder({ lineItems: [line('11', 'TEE-M', 4999, 2, 1000, [tax('State tax', 0.06, 540), tax('City tax', 0.02, 180)]), line('12', 'GHOST', 8000, 1, 800, [tax('State tax', 0.06, 432), tax('City tax', 0.02, 144)])] });
		const run = await runInventory(sim, RECORD, [withChanges(order, 'sale', [{ legacyId: '11', quantity: -2 }, { legacyId: '12', quantity: -1 }])]);
		expect(run.json(1)[0]).toMatchObject({ outcome: 'notMapped', unmappedSkus: ['GHOST'], error: expect.stringContaining('SKU "GHOST" is not in Square\'s catalog') });
		expect(squareCalls(sim, '/v2/orders')).toBe(0);
		expect(squareStock(sim, 'VAR-TEE')).toBe(20);
	});

	it('a refund with restock of a recorded order puts the stock back once and says the Square order was not changed', async () => {
		const order = discountedTaxedOrder();
		await runInventory(sim, RECORD, [withChanges(order, 'sale', [{ legacyId: '11', quantity: -2 }, { legacyId: '12', quantity: -1 }])]);
		const refund = withChanges(order, 'restock', [{ legacyId: '11', quantity: 1 }]);
		const run = await runInventory(sim, RECORD, [refund]);
		expect(run.json(1)[0]).toMatchObject({ outcome: 'orderNotUpdated', stockMoved: true, error: expect.stringContaining('still shows the lines as placed') });
		await runInventory(sim, RECORD, [refund]);
		expect(squareStock(sim, 'VAR-TEE')).toBe(19);
	});
});
