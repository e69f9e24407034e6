import type { ControlOrder } from '../../simulator/shopify';
import { waitForExecutionsToSettle } from './queue/executions';
import { SQUARE_WORKFLOW_ID as WORKFLOW_ID, SquareWorld } from './templates/squareWorld';
import { repeatableSequence, waitFor as waitUntil } from './harness';

// templates/square.json imported into a real n8n 2.41.1 as a user would (test/e2e/templates/squareWorld.ts),
// Square's webhooks to its POS Trigger signed, every one sent twice, 10 % dropped, forged ones mixed in. What
// the stock must be is computed here from the events alone; both systems are then read.
const ORDERS = 50;
const REGISTER_SALES = 50;
const RECORDED_ORDERS = 10;

type Json = Record<string, unknown>;

const waitFor = async <T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 240_000): Promise<T> => await waitUntil(what, probe, timeoutMs, 500);

describe('Square template inside n8n: Shopify and Square stock in step both ways', () => {
	let world: SquareWorld;
	let skus: string[];
	/** What each SKU's stock must be, from the events this test caused (the same start in both systems). */
	const expected = new Map<string, number>();
	const move = (sku: string, delta: number) => expected.set(sku, expected.get(sku)! + delta);
	const random = repeatableSequence(20261205);
	const same = (stock: Map<string, number>) => skus.every((sku) => stock.get(sku) === expected.get(sku));
	const changeOf = (change: Json) => (change.adjustment ?? change.physical_count) as Json;

	beforeAll(async () => {
		world = await SquareWorld.create();
		skus = world.skus;
		for (const [sku, quantity] of world.start) expected.set(sku, quantity);
		await world.square.squareWebhookKnobs({ dropShare: 0.1, duplicateShare: 1, forgeShare: 0.2, seed: 5, autoDeliver: true });
	}, 420_000);

	afterAll(async () => {
		await world?.dispose();
	}, 60_000);

	it(`${ORDERS} Shopify orders, a cancellation with restock and an order edit move Square's stock once each`, async () => {
		const placed: ControlOrder[] = [];
		for (let index = 0; index < ORDERS; index += 1) {
			const lineCount = 2 + Math.floor(random() * 2);
			const chosen = [...skus].sort(() => random() - 0.5).slice(0, lineCount);
			const lineItems = chosen.map((sku) => ({ sku, quantity: 1 + Math.floor(random() * 3) }));
			const order = await world.shop.control.createOrder({
				lineItems,
				sourceName: 'web',
				financialStatus: 'PAID',
				...(index % 5 === 0 ? { discountCode: { code: 'TEN', percentage: 10 } } : {}),
			});
			for (const line of lineItems) move(line.sku, -line.quantity);
			placed.push(order);
		}
		await waitFor('every order in Square', () => (same(world.squareStock()) ? true : undefined));

		const cancelled = placed[7];
		await world.shop.control.cancelOrder(cancelled.id, { restock: true });
		for (const line of cancelled.lineItems) move(line.sku!, line.quantity);
		const edited = placed[11];
		const editedLine = edited.lineItems.find((line) => line.quantity >= 2) ?? edited.lineItems[0];
		await world.shop.control.updateOrder(edited.id, { lineItemQuantities: [{ lineItemId: editedLine.id, currentQuantity: editedLine.quantity - 1 }] });
		move(editedLine.sku!, 1);
		await waitFor('the restock and the edit in Square', () => (same(world.squareStock()) ? true : undefined));
		await world.shop.control.settleWebhooks();
		await waitForExecutionsToSettle(world.n8n.rest, WORKFLOW_ID);

		expect(Object.fromEntries(world.squareStock())).toEqual(Object.fromEntries(expected));
		// Each Shopify change moved Square once: one adjustment per order line, per restocked line, per edit.
		const ours = world.squareChanges().filter((change) => String(changeOf(change).reference_id ?? '').startsWith('shopify:'));
		const lines = placed.reduce((sum, order) => sum + order.lineItems.length, 0);
		expect(ours).toHaveLength(lines + cancelled.lineItems.length + 1);
		// Shopify's own stock followed its orders, and nothing of Square's echo came back to it.
		expect(Object.fromEntries(await world.shopifyStock())).toEqual(Object.fromEntries(expected));
		expect(await world.squareChangesWrittenToShopify()).toEqual([]);
	}, 600_000);

	it(`${REGISTER_SALES} register sales, a recount and a receiving at the Square location reach Shopify once each`, async () => {
		// Square's webhooks for the Shopify writes above ran the workflow: Get Stock Changes has its position.
		expect((await world.square.squareDeliveries()).some((delivery) => delivery.kind === 'genuine' && delivery.status === 'delivered')).toBe(true);
		/** Stock changes the shop's activity makes in Square: one per sale line, the recount, two receipts. */
		let shopActivity = 3;
		for (let index = 0; index < REGISTER_SALES; index += 1) {
			const lineCount = 1 + Math.floor(random() * 2);
			const chosen = [...skus].sort(() => random() - 0.5).slice(0, lineCount);
			const lines = chosen.map((sku) => ({ sku, quantity: 1 + Math.floor(random() * 2) }));
			const sold = await world.square.squareActivity('sale', { location_id: world.squareLocationId, lines });
			if (!sold.order) throw new Error(`register sale refused: ${JSON.stringify(sold)}`);
			for (const line of lines) move(line.sku, -line.quantity);
			shopActivity += lines.length;
			if (index === 20) {
				await world.square.squareActivity('recount', { location_id: world.squareLocationId, catalog_object_id: world.variationOf.get(skus[0]), quantity: '57' });
				expected.set(skus[0], 57);
			}
			if (index === 30) {
				await world.square.squareActivity('receive', { location_id: world.squareLocationId, catalog_object_id: world.variationOf.get(skus[1]), quantity: '12' });
				move(skus[1], 12);
			}
		}
		expect(Object.fromEntries(world.squareStock())).toEqual(Object.fromEntries(expected));
		// A dropped webhook is caught by the next run of Get Stock Changes, which reads from where the last run
		// stopped: one more event, delivered, after the drops (what the 5-minute schedule also does).
		await world.square.squareWebhookKnobs({ dropShare: 0 });
		await world.square.squareActivity('receive', { location_id: world.squareLocationId, catalog_object_id: world.variationOf.get(skus[2]), quantity: '1' });
		move(skus[2], 1);
		await waitFor('every Square change in Shopify', async () => (same(await world.shopifyStock()) ? true : undefined));
		await waitForExecutionsToSettle(world.n8n.rest, WORKFLOW_ID);

		const deliveries = await world.square.squareDeliveries();
		expect(deliveries.filter((delivery) => delivery.status === 'dropped').length).toBeGreaterThan(0);
		expect(deliveries.filter((delivery) => delivery.kind === 'duplicate').length).toBeGreaterThan(0);
		const forged = deliveries.filter((delivery) => delivery.kind === 'forged');
		expect(forged.length).toBeGreaterThan(0);
		// Forged deliveries were refused (401) every time they were tried.
		for (const delivery of forged) for (const attempt of delivery.attempts) expect(attempt.outcome).toBe(401);

		expect(Object.fromEntries(await world.shopifyStock())).toEqual(Object.fromEntries(expected));
		expect(Object.fromEntries(world.squareStock())).toEqual(Object.fromEntries(expected));
		// Every change made at the shop after publishing reached Shopify, and none of the workflow's own Square
		// writes went back (no echo, no ping-pong). Applied once: a second application of any of them would
		// show in the quantities above (a write sent again under its key is answered from Shopify's record).
		const shopChanges = world.squareChanges().filter((change) => !String(changeOf(change).reference_id ?? '').startsWith('shopify:'));
		// The first receipts (one per SKU) set the starting stock before the workflow was published.
		const afterPublishing = shopChanges.slice(skus.length).map((change) => String(changeOf(change).id));
		expect(afterPublishing).toHaveLength(shopActivity);
		expect(new Set(await world.squareChangesWrittenToShopify())).toEqual(new Set(afterPublishing));
	}, 600_000);

	it(`switched to "Record Shopify Orders": ${RECORDED_ORDERS} orders appear in Square paid with Shopify's totals, stock moved once`, async () => {
		// What the setup note tells the user: open Move Square stock, switch Operation, publish again.
		const current = await world.n8n.rest.publicApi<{ name: string; nodes: Array<{ name: string; parameters: Json }>; connections: Json; settings?: Json }>('GET', `/workflows/${WORKFLOW_ID}`);
		expect(current.status).toBe(200);
		const moveNode = current.body.nodes.find((node) => node.name === 'Move Square stock')!;
		moveNode.parameters.operation = 'recordOrders';
		const saved = await world.n8n.rest.publicApi('PUT', `/workflows/${WORKFLOW_ID}`, { name: current.body.name, nodes: current.body.nodes, connections: current.body.connections, settings: {} });
		expect(saved.status).toBe(200);
		await world.n8n.rest.publishWorkflow(WORKFLOW_ID);

		const placed: ControlOrder[] = [];
		for (let index = 0; index < RECORDED_ORDERS; index += 1) {
			const chosen = [...skus].sort(() => random() - 0.5).slice(0, 2);
			const lineItems = chosen.map((sku) => ({ sku, quantity: 1 + Math.floor(random() * 2) }));
			const order = await world.shop.control.createOrder({
				lineItems,
				sourceName: 'web',
				financialStatus: 'PAID',
				taxRate: 0.0825,
				shippingPrice: '4.99',
				...(index % 2 === 0 ? { discountCode: { code: 'TEN', percentage: 10 } } : {}),
			});
			for (const line of lineItems) move(line.sku, -line.quantity);
			placed.push(order);
		}
		await waitFor('every recorded order\'s stock in Square', () => (same(world.squareStock()) ? true : undefined));
		await world.shop.control.settleWebhooks();
		await waitForExecutionsToSettle(world.n8n.rest, WORKFLOW_ID);

		expect(Object.fromEntries(world.squareStock())).toEqual(Object.fromEntries(expected));
		const squareOrders = world.pos.square.orders.all().filter((order) => String(order.reference_id ?? '').startsWith('shopify:'));
		// Once each, paid, and for what Shopify charged (discounts, tax and shipping included).
		expect(squareOrders).toHaveLength(RECORDED_ORDERS);
		for (const order of placed) {
			const recorded = squareOrders.find((candidate) => candidate.reference_id === `shopify:${order.legacyResourceId}`);
			expect(recorded).toMatchObject({ state: 'COMPLETED', total_money: { amount: order.totals.total } });
		}
		// Square's own sales for the recorded orders are recognised as ours: Shopify moved once, by its own orders.
		await waitFor('Shopify to settle', async () => (same(await world.shopifyStock()) ? true : undefined), 60_000);
		expect(Object.fromEntries(await world.shopifyStock())).toEqual(Object.fromEntries(expected));
	}, 600_000);
});
