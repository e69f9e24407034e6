import type { IDataObject } from 'n8n-workflow';
import { PosApi } from '../../../credentials/PosApi.credentials';
import type { StockChange } from '../../../lib/pos/inventory/stockChange';
import type { PosOrder } from '../../../lib/shopify/orders/posOrder';
import { PosInventory } from '../../../nodes/PosInventory/PosInventory.node';
import { PosSimulator } from '../../../simulator/pos/posSimulator';
import { runNode, type EngineRun } from '../../helpers/n8nEngine';
import { discountedTaxedOrder } from '../../unit/lib/pos/square/squareFixtures';
import { EVENT_TIME } from './posInventoryKit';

// POS Inventory with Vendor "Lightspeed X" in n8n-core's engine, against the Lightspeed X simulator
// (simulator/pos/flavours/lightspeedX, written from Lightspeed's documentation).
const TOKEN = 'lightspeed-inventory-token';

type Json = Record<string, any>;

interface Ids {
	outlet: string;
	online: string;
	main: string;
	sync: string;
	shopify: string;
	gst: string;
}

async function startLightspeed(): Promise<{ sim: PosSimulator; ids: Ids; product: Map<string, string> }> {
	const sim = new PosSimulator({ config: { auth: { type: 'bearer', token: TOKEN } } });
	await sim.start();
	const retailer = sim.lightspeed.retailer;
	const ids = {
		outlet: retailer.outlets[0].id,
		online: retailer.named(retailer.registers, 'Online Sales (Shopify)').id,
		main: retailer.named(retailer.registers, 'Main Register').id,
		sync: retailer.named(retailer.users, 'Shopify Sync').id,
		shopify: retailer.named(retailer.paymentTypes, 'Shopify').id,
		gst: retailer.named(retailer.taxes, 'GST').id,
	};
	const products = sim.lightspeed.addProducts([
		{ sku: 'TEE-M', name: 'Tee', price: 44.99, stock: 20 },
		{ sku: 'HAT', name: 'Hat', price: 72, stock: 10 },
		{ sku: 'SHIPPING', name: 'Shipping', price: 0, stock: 0 },
	]);
	return { sim, ids, product: new Map(products.map((product) => [product.sku, product.id])) };
}

function settings(ids: Ids): IDataObject {
	return { lightspeedRegisterId: ids.online, lightspeedUserId: ids.sync, lightspeedPaymentTypeId: ids.shopify, lightspeedTaxId: ids.gst };
}

async function run(sim: PosSimulator, parameters: IDataObject, input: IDataObject[], staticData?: IDataObject): Promise<EngineRun> {
	return await runNode({
		nodeType: PosInventory,
		parameters: { vendor: 'lightspeedX', ...parameters, options: { requestsPerSecond: 0, initialDelaySeconds: 0.01, maxDelaySeconds: 0.05, maxTotalWaitSeconds: 2 } },
		input,
		credentials: { posApi: { baseUrl: sim.origin, authType: 'bearer', token: TOKEN, extraHeaders: 'User-Agent: shopify-pos-test/1.0', testPath: '/api/2.0/outlets' } as never },
		credentialTypes: [PosApi],
		staticData,
		mode: 'trigger',
	});
}

function stock(sim: PosSimulator, productId: string, outletId: string): number {
	return sim.lightspeed.inventory.find(productId, outletId)?.inventory_level ?? 0;
}

function withChanges(order: PosOrder, cause: StockChange['cause'], lines: Array<{ legacyId: string; quantity: number }>): IDataObject {
	const stockChanges: StockChange[] = lines.map(({ legacyId, quantity }) => {
		const source = order.lineItems.find((candidate) => candidate.legacyId === legacyId)!;
		return { key: `${cause}:${order.legacyId}:${legacyId}`, sku: source.sku, quantity, lineItemId: source.id, orderId: order.id, orderName: order.name, cause, occurredAt: EVENT_TIME, reference: `Shopify ${order.name}` };
	});
	return { ...(order as unknown as IDataObject), stockChanges: stockChanges as unknown as IDataObject[] };
}

const salesPosts = (sim: PosSimulator) => sim.requests.filter((request) => request.method === 'POST' && /^\/api\/\d{4}-\d{2}\/sales$/.test(request.path));

describe('POS Inventory: Lightspeed X', () => {
	let sim: PosSimulator;
	let ids: Ids;
	let product: Map<string, string>;

	beforeEach(async () => {
		({ sim, ids, product } = await startLightspeed());
	});
	afterEach(async () => {
		await sim.stop();
	});

	it('List Locations gives each outlet with its registers, and the users, payment types and taxes, with ids', async () => {
		const result = await run(sim, { operation: 'listLocations' }, [{}]);
		const [outlet] = result.json(0);
		expect(outlet).toMatchObject({ id: ids.outlet, registers: expect.arrayContaining([{ id: ids.online, name: 'Online Sales (Shopify)' }]) });
		expect(outlet.paymentTypes).toEqual(expect.arrayContaining([{ id: ids.shopify, name: 'Shopify' }]));
		expect((outlet.taxes as Json[]).map((tax) => tax.id)).toContain(ids.gst);
		expect((outlet.users as Json[]).map((user) => user.id)).toContain(ids.sync);
	});

	it("records a Shopify order as one closed sale on the Shopify register with Shopify's total; a re-send finds it", async () => {
		const order = discountedTaxedOrder();
		const item = withChanges(order, 'sale', [{ legacyId: '11', quantity: -2 }, { legacyId: '12', quantity: -1 }]);
		const parameters = { operation: 'recordOrders', locationId: ids.outlet, ...settings(ids), lightspeedShippingProductId: product.get('SHIPPING') };
		const first = await run(sim, parameters, [item]);
		expect(first.output(1)).toEqual([]);
		const recorded = first.json(0)[0];
		expect(recorded).toMatchObject({ outcome: 'recorded', invoiceNumber: 'SHOPIFY-5000000000001', alreadyRecorded: false, totalMinorUnits: 18574 });
		const sale = sim.lightspeed.sales.byId(recorded.lightspeedSaleId)!;
		expect(sale).toMatchObject({ status: 'CLOSED', registerId: ids.online, invoiceNumber: 'SHOPIFY-5000000000001' });
		// Lightspeed's own totals (its rounding, its units of 0.00001) come to what Shopify charged.
		expect(sim.lightspeed.state().sales[0]).toMatchObject({ total_price: 171.98, total_tax: 13.76 });
		expect([stock(sim, product.get('TEE-M')!, ids.outlet), stock(sim, product.get('HAT')!, ids.outlet)]).toEqual([18, 9]);

		const again = await run(sim, parameters, [item]);
		expect(again.json(0)[0]).toMatchObject({ outcome: 'recorded', lightspeedSaleId: recorded.lightspeedSaleId, alreadyRecorded: true });
		expect(salesPosts(sim)).toHaveLength(1);
		expect([stock(sim, product.get('TEE-M')!, ids.outlet), stock(sim, product.get('HAT')!, ids.outlet)]).toEqual([18, 9]);
	});

	it('a dropped answer to the create: the sale found afterwards is the one sent, and a re-send makes no second one', async () => {
		const order = discountedTaxedOrder({ shippingLines: [], originalTotals: { ...discountedTaxedOrder().originalTotals, total: { shop: { amount: '174.94', currencyCode: 'USD', minorUnits: 17494 }, presentment: { amount: '174.94', currencyCode: 'USD', minorUnits: 17494 } } } });
		const item = withChanges(order, 'sale', [{ legacyId: '11', quantity: -2 }, { legacyId: '12', quantity: -1 }]);
		sim.faults.add({ kind: 'commitThenDrop', method: 'POST', count: 1, pathPrefix: '/api/2026-04/sales' });
		const first = await run(sim, { operation: 'recordOrders', locationId: ids.outlet, ...settings(ids) }, [item]);
		expect(first.output(1)).toEqual([]);
		expect(first.json(0)[0]).toMatchObject({ outcome: 'recorded', alreadyRecorded: false });
		expect(salesPosts(sim).map((post) => post.outcome)).toEqual(['committedThenDropped']);
		const again = await run(sim, { operation: 'recordOrders', locationId: ids.outlet, ...settings(ids) }, [item]);
		expect(again.json(0)[0]).toMatchObject({ alreadyRecorded: true });
		expect(sim.lightspeed.sales.all()).toHaveLength(1);
		expect(stock(sim, product.get('TEE-M')!, ids.outlet)).toBe(18);
	});

	it('refuses, naming the fix: an unmapped SKU, shipping without a shipping product, an empty setting, a register of another outlet', async () => {
		const order = discountedTaxedOrder();
		const item = withChanges(order, 'sale', [{ legacyId: '11', quantity: -2 }, { legacyId: '12', quantity: -1 }]);
		const noShipping = await run(sim, { operation: 'recordOrders', locationId: ids.outlet, ...settings(ids) }, [item]);
		expect(noShipping.json(1)[0]).toMatchObject({ outcome: 'failed' });
		expect(String(noShipping.json(1)[0].error)).toContain('Shipping Product ID is empty');
		const unknown = withChanges(discountedTaxedOrder({ lineItems: discountedTaxedOrder().lineItems.map((line) => ({ ...line, sku: line.sku === 'HAT' ? 'CAP' : line.sku })) }), 'sale', [{ legacyId: '11', quantity: -2 }, { legacyId: '12', quantity: -1 }]);
		const notMapped = await run(sim, { operation: 'recordOrders', locationId: ids.outlet, ...settings(ids), lightspeedShippingProductId: product.get('SHIPPING') }, [unknown]);
		expect(notMapped.json(1)[0]).toMatchObject({ outcome: 'notMapped', unmappedSkus: ['CAP'] });
		const empty = await run(sim, { operation: 'moveStock', locationId: ids.outlet, ...settings(ids), lightspeedTaxId: ' ' }, [item]);
		expect(empty.error?.message).toContain('Tax ID is empty');
		const elsewhere = await run(sim, { operation: 'moveStock', locationId: 'another-outlet', ...settings(ids) }, [item]);
		expect(elsewhere.error?.message).toContain(`sells from outlet ${ids.outlet}, not from Location ID another-outlet`);
		expect(salesPosts(sim)).toHaveLength(0);
		expect(stock(sim, product.get('TEE-M')!, ids.outlet)).toBe(20);
	});

	it('moves stock for a refund with restock as a zero-priced return on the Shopify register, once', async () => {
		const order = discountedTaxedOrder();
		const item = withChanges(order, 'restock', [{ legacyId: '11', quantity: 1 }]);
		const first = await run(sim, { operation: 'moveStock', locationId: ids.outlet, ...settings(ids) }, [item]);
		expect(first.json(0)[0]).toMatchObject({ outcome: 'moved' });
		await run(sim, { operation: 'moveStock', locationId: ids.outlet, ...settings(ids) }, [item]);
		expect(stock(sim, product.get('TEE-M')!, ids.outlet)).toBe(21);
		const [sale] = sim.lightspeed.state().sales as Json[];
		expect(sale).toMatchObject({ register_id: ids.online, total_price: 0, line_items: [expect.objectContaining({ quantity: -1 })] });
		expect(sim.lightspeed.sales.all()).toHaveLength(1);
	});

	it('Get Stock Levels: every product at the outlet with its SKU, the SKUs read from the product list when there are many', async () => {
		sim.lightspeed.addProducts(Array.from({ length: 25 }, (_, index) => ({ sku: `BULK-${index}`, name: `Bulk ${index}`, price: 1, stock: index })));
		const levels = (await run(sim, { operation: 'getStockLevels', locationId: ids.outlet }, [{}])).json(0);
		expect(levels).toHaveLength(28);
		expect(levels.find((level) => level.sku === 'BULK-7')).toMatchObject({ quantity: 7, locationId: ids.outlet });
		// One read of the product list instead of 28 product reads.
		expect(sim.requests.filter((request) => /^\/api\/2\.0\/products\//.test(request.path))).toHaveLength(0);
	});

	it('Get Stock Changes: register sales, returns and voids since the last run, never the Shopify register; read on from the saved version', async () => {
		const staticData: IDataObject = {};
		const parameters = { operation: 'getStockChanges', locationId: ids.outlet, lightspeedRegisterId: ids.online };
		expect((await run(sim, parameters, [{}], staticData)).json(0)).toEqual([]);
		const client = await import('../../../simulator/pos/client');
		const control = new client.PosSimulatorClient(sim.origin);
		const sold = await control.lightspeedRegisterSale({ lines: [{ sku: 'TEE-M', quantity: 2 }, { sku: 'HAT', quantity: -1 }] });
		const voided = await control.lightspeedRegisterSale({ lines: [{ sku: 'HAT', quantity: 3 }] });
		await control.lightspeedVoidSale(voided.id as string);
		const ours = withChanges(discountedTaxedOrder(), 'sale', [{ legacyId: '11', quantity: -2 }]);
		await run(sim, { operation: 'moveStock', locationId: ids.outlet, ...settings(ids) }, [ours]);

		const changes = (await run(sim, parameters, [{}], staticData)).json(0);
		expect(changes.map((change) => [change.sku, change.quantity, String(change.key).split(':').at(-1)])).toEqual([
			['TEE-M', -2, 'sold'],
			['HAT', 1, 'sold'],
			['HAT', -3, 'sold'],
			['HAT', 3, 'void'],
		]);
		expect(changes.every((change) => String(change.key).startsWith(String(sold.id)) || String(change.key).startsWith(String(voided.id)))).toBe(true);
		// The next run reads on from the saved version: nothing again.
		expect((await run(sim, parameters, [{}], staticData)).json(0)).toEqual([]);
		const versionAsked = sim.requests.filter((request) => request.path.startsWith('/api/2.0/sales?')).at(-1)!.path;
		expect(versionAsked).not.toContain('after=0');
	});
});
