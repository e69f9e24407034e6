import type { ControlOrder } from '../../simulator/shopify';
import { waitForExecutionsToSettle } from './queue/executions';
import { LIGHTSPEED_RECONCILE_ID, LIGHTSPEED_WORKFLOW_ID as WORKFLOW_ID, LightspeedWorld } from './templates/lightspeedWorld';
import { repeatableSequence, waitFor as waitUntil } from './harness';

// templates/lightspeed-x.json imported into a real n8n 2.41.1 as a user would (test/e2e/templates/lightspeedWorld.ts):
// Shopify orders become closed sales on the Shopify register, register sales and voids come back to Shopify;
// Lightspeed's webhooks to the POS Trigger carry the URL token, every one is sent twice, 10 % are dropped and
// forged ones (a wrong token) are mixed in. What the stock must be is computed here from the events alone.
const ORDERS = 30;
const REGISTER_SALES = 30;

type Json = Record<string, any>;

const waitFor = async <T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 240_000): Promise<T> => await waitUntil(what, probe, timeoutMs, 500);

describe('Lightspeed X template inside n8n: Shopify orders as Lightspeed sales, register sales back to Shopify', () => {
	let world: LightspeedWorld;
	let skus: string[];
	const expected = new Map<string, number>();
	const move = (sku: string, delta: number) => expected.set(sku, expected.get(sku)! + delta);
	const random = repeatableSequence(20261206);
	const same = (stock: Map<string, number>) => skus.every((sku) => stock.get(sku) === expected.get(sku));
	const sales = (): Json[] => world.pos.lightspeed.state().sales as Json[];
	const registerKeys: string[] = [];

	beforeAll(async () => {
		world = await LightspeedWorld.create();
		skus = world.skus;
		for (const [sku, quantity] of world.start) expected.set(sku, quantity);
		await world.lightspeed.lightspeedWebhookSettings({ dropShare: 0.1, duplicateShare: 1, forgeShare: 0.2, seed: 7, autoDeliver: true });
	}, 420_000);

	afterAll(async () => {
		await world?.dispose();
	}, 60_000);

	it(`${ORDERS} Shopify orders become one closed sale each with Shopify's total; a cancellation with restock and an edit move the stock once`, async () => {
		const placed: ControlOrder[] = [];
		for (let index = 0; index < ORDERS; index += 1) {
			const chosen = [...skus].sort(() => random() - 0.5).slice(0, 2 + Math.floor(random() * 2));
			const lineItems = chosen.map((sku) => ({ sku, quantity: 1 + Math.floor(random() * 3) }));
			const order = await world.shop.control.createOrder({
				lineItems,
				sourceName: 'web',
				financialStatus: 'PAID',
				...(index % 3 === 0 ? { taxRate: 0.0825 } : {}),
				...(index % 4 === 0 ? { shippingPrice: '4.99' } : {}),
				...(index % 5 === 0 ? { discountCode: { code: 'TEN', percentage: 10 } } : {}),
			});
			for (const line of lineItems) move(line.sku, -line.quantity);
			placed.push(order);
		}
		await waitFor('every order in Lightspeed', () => (same(world.lightspeedStock()) ? true : undefined));

		const cancelled = placed[7];
		await world.shop.control.cancelOrder(cancelled.id, { restock: true });
		for (const line of cancelled.lineItems) move(line.sku!, line.quantity);
		const edited = placed[11];
		const editedLine = edited.lineItems.find((line) => line.quantity >= 2) ?? edited.lineItems[0];
		await world.shop.control.updateOrder(edited.id, { lineItemQuantities: [{ lineItemId: editedLine.id, currentQuantity: editedLine.quantity - 1 }] });
		move(editedLine.sku!, 1);
		await waitFor('the restock and the edit in Lightspeed', () => (same(world.lightspeedStock()) ? true : undefined));
		await world.shop.control.settleWebhooks();
		await waitForExecutionsToSettle(world.n8n.rest, WORKFLOW_ID);

		expect(Object.fromEntries(world.lightspeedStock())).toEqual(Object.fromEntries(expected));
		// Once each, closed, on the Shopify register, for what Shopify charged (discounts, tax and shipping included).
		for (const order of placed) {
			const booked = sales().filter((sale) => sale.invoice_number === `SHOPIFY-${order.legacyResourceId}`);
			expect(booked).toHaveLength(1);
			expect(booked[0]).toMatchObject({ status: 'CLOSED', register_id: world.ids.register });
			expect(Math.round((booked[0].total_price + booked[0].total_tax) * 100)).toBe(order.totals.total);
		}
		// The restock and the edit: one stock-only sale each (price 0), nothing else made.
		const stockOnly = sales().filter((sale) => String(sale.invoice_number).startsWith('SHOPIFY-S-'));
		expect(stockOnly).toHaveLength(2);
		expect(stockOnly.every((sale) => sale.total_price === 0)).toBe(true);
		expect(sales()).toHaveLength(ORDERS + 2);
		// Shopify followed its own orders, and none of the workflow's own sales came back to it.
		expect(Object.fromEntries(await world.shopifyStock())).toEqual(Object.fromEntries(expected));
		expect(await world.changesWrittenToShopify()).toEqual([]);
	}, 600_000);

	it(`${REGISTER_SALES} register sales (returns among them) and a void reach Shopify once each; forged webhooks run nothing`, async () => {
		expect((await world.lightspeed.lightspeedState()).deliveries.some((delivery: Json) => delivery.kind === 'genuine' && delivery.status === 'delivered')).toBe(true);
		let voided = '';
		for (let index = 0; index < REGISTER_SALES; index += 1) {
			const chosen = [...skus].sort(() => random() - 0.5).slice(0, 1 + Math.floor(random() * 2));
			const lines = chosen.map((sku, position) => ({ sku, quantity: index % 7 === 3 && position === 0 ? -1 : 1 + Math.floor(random() * 2) }));
			const sale = await world.lightspeed.lightspeedRegisterSale({ lines });
			for (const line of lines) move(line.sku, -line.quantity);
			registerKeys.push(...(sale.line_items as Json[]).map((line) => `${sale.id}:${line.id}:sold`));
			if (index === 10) voided = String(sale.id);
		}
		const toVoid = sales().find((sale) => sale.id === voided)!;
		await world.lightspeed.lightspeedVoidSale(voided);
		for (const line of toVoid.line_items as Json[]) {
			const sku = [...world.productOf].find(([, id]) => id === line.product_id)![0];
			move(sku, line.quantity);
			registerKeys.push(`${voided}:${line.id}:void`);
		}
		expect(Object.fromEntries(world.lightspeedStock())).toEqual(Object.fromEntries(expected));
		// A dropped webhook is caught by the next run, which reads on from the saved version: one more sale,
		// delivered, after the drops (what the 5-minute schedule also does).
		await world.lightspeed.lightspeedWebhookSettings({ dropShare: 0 });
		const last = await world.lightspeed.lightspeedRegisterSale({ lines: [{ sku: skus[2], quantity: 1 }] });
		move(skus[2], -1);
		registerKeys.push(...(last.line_items as Json[]).map((line) => `${last.id}:${line.id}:sold`));
		await waitFor('every register sale in Shopify', async () => (same(await world.shopifyStock()) ? true : undefined));
		await waitForExecutionsToSettle(world.n8n.rest, WORKFLOW_ID);

		const deliveries = (await world.lightspeed.lightspeedState()).deliveries as Json[];
		expect(deliveries.filter((delivery) => delivery.status === 'dropped').length).toBeGreaterThan(0);
		expect(deliveries.filter((delivery) => delivery.kind === 'duplicate').length).toBeGreaterThan(0);
		const forged = deliveries.filter((delivery) => delivery.kind === 'forged');
		expect(forged.length).toBeGreaterThan(0);
		for (const delivery of forged) for (const attempt of delivery.attempts as Json[]) expect(attempt.outcome).toBe(401);

		expect(Object.fromEntries(await world.shopifyStock())).toEqual(Object.fromEntries(expected));
		expect(Object.fromEntries(world.lightspeedStock())).toEqual(Object.fromEntries(expected));
		// Each register change reached Shopify (once: a second application would show in the quantities above),
		// and none of the workflow's own sales did.
		expect(new Set(await world.changesWrittenToShopify())).toEqual(new Set(registerKeys));
	}, 600_000);

	it('a stocktake at the outlet reaches Shopify through the nightly reconciliation template, with Repair on', async () => {
		const counted = 77;
		await world.lightspeed.lightspeedStocktake({ counts: [{ sku: skus[0], count: counted }] });
		expected.set(skus[0], counted);
		await world.n8n.rest.publishWorkflow(LIGHTSPEED_RECONCILE_ID);
		await waitFor('the recount in Shopify', async () => (same(await world.shopifyStock()) ? true : undefined), 180_000);
		await world.n8n.rest.unpublishWorkflow(LIGHTSPEED_RECONCILE_ID);
		await waitForExecutionsToSettle(world.n8n.rest, WORKFLOW_ID);
		expect(Object.fromEntries(await world.shopifyStock())).toEqual(Object.fromEntries(expected));
		expect(Object.fromEntries(world.lightspeedStock())).toEqual(Object.fromEntries(expected));
	}, 300_000);
});
