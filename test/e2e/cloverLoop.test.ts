import type { ControlOrder } from '../../simulator/shopify';
import { waitForExecutionsToSettle } from './queue/executions';
import { CLOVER_RECONCILE_ID, CLOVER_WORKFLOW_ID as WORKFLOW_ID, CloverWorld } from './templates/cloverWorld';
import { repeatableSequence, waitFor as waitUntil } from './harness';

// templates/clover.json imported into a real n8n 2.41.1 as a user would (test/e2e/templates/cloverWorld.ts): Shopify
// orders move Clover's item stocks (read, count + difference written per item, each once), paid register orders and
// refunds come back to Shopify; Clover's id-only webhooks to the POS Trigger carry the auth code, every one is sent
// twice, 10 % are dropped and forged ones (a wrong auth code) are mixed in.
const ORDERS = 30;
const REGISTER_SALES = 30;

type Json = Record<string, any>;

const waitFor = async <T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 240_000): Promise<T> => await waitUntil(what, probe, timeoutMs, 500);

describe('Clover template inside n8n: Shopify and Clover stock in step both ways', () => {
	let world: CloverWorld;
	let skus: string[];
	const expected = new Map<string, number>();
	const move = (sku: string, delta: number) => expected.set(sku, expected.get(sku)! + delta);
	const random = repeatableSequence(20261208);
	const same = (stock: Map<string, number>) => skus.every((sku) => stock.get(sku) === expected.get(sku));
	const registerKeys: string[] = [];

	beforeAll(async () => {
		world = await CloverWorld.create();
		skus = world.skus;
		for (const [sku, quantity] of world.start) expected.set(sku, quantity);
		await world.clover.cloverSettings({ dropShare: 0.1, duplicateShare: 1, forgeShare: 0.2, seed: 11, autoDeliver: true });
	}, 420_000);

	afterAll(async () => {
		await world?.dispose();
	}, 60_000);

	it(`${ORDERS} Shopify orders, a cancellation with restock and an order edit move Clover's stock once each`, async () => {
		const placed: ControlOrder[] = [];
		let itemWrites = 0;
		for (let index = 0; index < ORDERS; index += 1) {
			const chosen = [...skus].sort(() => random() - 0.5).slice(0, 2 + Math.floor(random() * 2));
			const lineItems = chosen.map((sku) => ({ sku, quantity: 1 + Math.floor(random() * 3) }));
			placed.push(await world.shop.control.createOrder({ lineItems, sourceName: 'web', financialStatus: 'PAID', ...(index % 5 === 0 ? { discountCode: { code: 'TEN', percentage: 10 } } : {}) }));
			for (const line of lineItems) move(line.sku, -line.quantity);
			itemWrites += lineItems.length;
		}
		await waitFor('every order in Clover', () => (same(world.cloverStock()) ? true : undefined));
		const cancelled = placed[7];
		await world.shop.control.cancelOrder(cancelled.id, { restock: true });
		for (const line of cancelled.lineItems) move(line.sku!, line.quantity);
		const edited = placed[11];
		const editedLine = edited.lineItems.find((line) => line.quantity >= 2) ?? edited.lineItems[0];
		await world.shop.control.updateOrder(edited.id, { lineItemQuantities: [{ lineItemId: editedLine.id, currentQuantity: editedLine.quantity - 1 }] });
		move(editedLine.sku!, 1);
		itemWrites += cancelled.lineItems.length + 1;
		await waitFor('the restock and the edit in Clover', () => (same(world.cloverStock()) ? true : undefined));
		await world.shop.control.settleWebhooks();
		await waitForExecutionsToSettle(world.n8n.rest, WORKFLOW_ID);

		expect(Object.fromEntries(world.cloverStock())).toEqual(Object.fromEntries(expected));
		// One stock write per item of each order event: a repeat wrote nothing.
		expect(world.pos.requests.filter((request) => request.method === 'POST' && request.path.includes('/item_stocks/'))).toHaveLength(itemWrites);
		expect(Object.fromEntries(await world.shopifyStock())).toEqual(Object.fromEntries(expected));
		expect(await world.changesWrittenToShopify()).toEqual([]);
	}, 600_000);

	it(`${REGISTER_SALES} register sales and some refunds reach Shopify once each; forged webhooks run nothing`, async () => {
		for (let index = 0; index < REGISTER_SALES; index += 1) {
			const chosen = [...skus].sort(() => random() - 0.5).slice(0, 1 + Math.floor(random() * 2));
			const lines = chosen.map((sku) => ({ sku, quantity: 1 + Math.floor(random() * 2) }));
			const order = await world.clover.cloverRegisterSale(lines);
			for (const line of lines) move(line.sku, -line.quantity);
			const orderLines = order.lineItems.elements as Json[];
			registerKeys.push(...orderLines.map((line) => `${order.id}:${line.id}:sale`));
			if (index % 6 === 5) {
				await world.clover.cloverRegisterRefund(String(order.id), [String(orderLines[0].id)]);
				const sku = [...world.itemOf].find(([, id]) => id === orderLines[0].item.id)![0];
				move(sku, 1);
				registerKeys.push(`${order.id}:${orderLines[0].id}:refund`);
			}
		}
		expect(Object.fromEntries(world.cloverStock())).toEqual(Object.fromEntries(expected));
		await world.clover.cloverSettings({ dropShare: 0 });
		const last = await world.clover.cloverRegisterSale([{ sku: skus[2], quantity: 1 }]);
		move(skus[2], -1);
		registerKeys.push(...(last.lineItems.elements as Json[]).map((line) => `${last.id}:${line.id}:sale`));
		await waitFor('every register sale in Shopify', async () => (same(await world.shopifyStock()) ? true : undefined));
		await waitForExecutionsToSettle(world.n8n.rest, WORKFLOW_ID);

		const deliveries = (await world.clover.cloverState()).deliveries as Json[];
		expect(deliveries.filter((delivery) => delivery.status === 'dropped').length).toBeGreaterThan(0);
		expect(deliveries.filter((delivery) => delivery.kind === 'duplicate').length).toBeGreaterThan(0);
		const forged = deliveries.filter((delivery) => delivery.kind === 'forged');
		expect(forged.length).toBeGreaterThan(0);
		for (const delivery of forged) for (const attempt of delivery.attempts as Json[]) expect(attempt.outcome).toBe(401);

		expect(Object.fromEntries(await world.shopifyStock())).toEqual(Object.fromEntries(expected));
		expect(Object.fromEntries(world.cloverStock())).toEqual(Object.fromEntries(expected));
		expect(new Set(await world.changesWrittenToShopify())).toEqual(new Set(registerKeys));
	}, 600_000);

	it('a stock edit in the Inventory app reaches Shopify through the nightly reconciliation template, with Repair on', async () => {
		await world.clover.cloverRecount([{ sku: skus[0], quantity: 71 }]);
		expected.set(skus[0], 71);
		await world.n8n.rest.publishWorkflow(CLOVER_RECONCILE_ID);
		await waitFor('the recount in Shopify', async () => (same(await world.shopifyStock()) ? true : undefined), 180_000);
		await world.n8n.rest.unpublishWorkflow(CLOVER_RECONCILE_ID);
		await waitForExecutionsToSettle(world.n8n.rest, WORKFLOW_ID);
		expect(Object.fromEntries(await world.shopifyStock())).toEqual(Object.fromEntries(expected));
		expect(Object.fromEntries(world.cloverStock())).toEqual(Object.fromEntries(expected));
	}, 300_000);
});
