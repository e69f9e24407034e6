import type { ControlOrder } from '../../simulator/shopify';
import { waitForExecutionsToSettle } from './queue/executions';
import { LOYVERSE_RECONCILE_ID, LOYVERSE_WORKFLOW_ID as WORKFLOW_ID, LoyverseWorld } from './templates/loyverseWorld';
import { repeatableSequence, waitFor as waitUntil } from './harness';

// templates/loyverse.json imported into a real n8n 2.41.1 as a user would (test/e2e/templates/loyverseWorld.ts):
// Shopify orders move Loyverse's counts (read, count + difference written, each event once), register sales and
// refunds come back to Shopify from Loyverse's receipts; its webhooks to the POS Trigger carry the URL token, every
// one is sent twice, 10 % are dropped and forged ones (a wrong token) are mixed in.
const ORDERS = 30;
const REGISTER_SALES = 30;

type Json = Record<string, any>;

const waitFor = async <T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 240_000): Promise<T> => await waitUntil(what, probe, timeoutMs, 500);

describe('Loyverse template inside n8n: Shopify and Loyverse stock in step both ways', () => {
	let world: LoyverseWorld;
	let skus: string[];
	const expected = new Map<string, number>();
	const move = (sku: string, delta: number) => expected.set(sku, expected.get(sku)! + delta);
	const random = repeatableSequence(20261207);
	const same = (stock: Map<string, number>) => skus.every((sku) => stock.get(sku) === expected.get(sku));
	const registerKeys: string[] = [];

	beforeAll(async () => {
		world = await LoyverseWorld.create();
		skus = world.skus;
		for (const [sku, quantity] of world.start) expected.set(sku, quantity);
		await world.loyverse.loyverseSettings({ dropShare: 0.1, duplicateShare: 1, forgeShare: 0.2, seed: 9, autoDeliver: true });
	}, 420_000);

	afterAll(async () => {
		await world?.dispose();
	}, 60_000);

	it(`${ORDERS} Shopify orders, a cancellation with restock and an order edit move Loyverse's counts once each`, async () => {
		const placed: ControlOrder[] = [];
		for (let index = 0; index < ORDERS; index += 1) {
			const chosen = [...skus].sort(() => random() - 0.5).slice(0, 2 + Math.floor(random() * 2));
			const lineItems = chosen.map((sku) => ({ sku, quantity: 1 + Math.floor(random() * 3) }));
			placed.push(await world.shop.control.createOrder({ lineItems, sourceName: 'web', financialStatus: 'PAID', ...(index % 5 === 0 ? { discountCode: { code: 'TEN', percentage: 10 } } : {}) }));
			for (const line of lineItems) move(line.sku, -line.quantity);
		}
		await waitFor('every order in Loyverse', () => (same(world.loyverseStock()) ? true : undefined));
		const cancelled = placed[7];
		await world.shop.control.cancelOrder(cancelled.id, { restock: true });
		for (const line of cancelled.lineItems) move(line.sku!, line.quantity);
		const edited = placed[11];
		const editedLine = edited.lineItems.find((line) => line.quantity >= 2) ?? edited.lineItems[0];
		await world.shop.control.updateOrder(edited.id, { lineItemQuantities: [{ lineItemId: editedLine.id, currentQuantity: editedLine.quantity - 1 }] });
		move(editedLine.sku!, 1);
		await waitFor('the restock and the edit in Loyverse', () => (same(world.loyverseStock()) ? true : undefined));
		await world.shop.control.settleWebhooks();
		await waitForExecutionsToSettle(world.n8n.rest, WORKFLOW_ID);

		expect(Object.fromEntries(world.loyverseStock())).toEqual(Object.fromEntries(expected));
		// One count write per order event (30 orders, the cancellation, the edit): a repeat wrote nothing.
		expect(world.pos.requests.filter((request) => request.method === 'POST' && request.path === '/v1.0/inventory')).toHaveLength(ORDERS + 2);
		expect(Object.fromEntries(await world.shopifyStock())).toEqual(Object.fromEntries(expected));
		// The count writes make no receipt, so nothing came back to Shopify.
		expect(await world.changesWrittenToShopify()).toEqual([]);
	}, 600_000);

	it(`${REGISTER_SALES} register sales and some refunds reach Shopify once each; forged webhooks run nothing`, async () => {
		for (let index = 0; index < REGISTER_SALES; index += 1) {
			const chosen = [...skus].sort(() => random() - 0.5).slice(0, 1 + Math.floor(random() * 2));
			const lines = chosen.map((sku) => ({ sku, quantity: 1 + Math.floor(random() * 2) }));
			const receipt = await world.loyverse.loyverseRegisterSale({ lines });
			for (const line of lines) move(line.sku, -line.quantity);
			registerKeys.push(...(receipt.line_items as Json[]).map((line) => `${receipt.receipt_number}:${line.id}:sale`));
			if (index % 6 === 5) {
				const refund = await world.loyverse.loyverseRegisterRefund({ receiptNumber: String(receipt.receipt_number), lines: [{ sku: lines[0].sku, quantity: 1 }] });
				move(lines[0].sku, 1);
				registerKeys.push(...(refund.line_items as Json[]).map((line) => `${refund.receipt_number}:${line.id}:refund`));
			}
		}
		expect(Object.fromEntries(world.loyverseStock())).toEqual(Object.fromEntries(expected));
		// A dropped webhook is caught by the next run, which reads on from where the last stopped.
		await world.loyverse.loyverseSettings({ dropShare: 0 });
		const last = await world.loyverse.loyverseRegisterSale({ lines: [{ sku: skus[2], quantity: 1 }] });
		move(skus[2], -1);
		registerKeys.push(...(last.line_items as Json[]).map((line) => `${last.receipt_number}:${line.id}:sale`));
		await waitFor('every register sale in Shopify', async () => (same(await world.shopifyStock()) ? true : undefined));
		await waitForExecutionsToSettle(world.n8n.rest, WORKFLOW_ID);

		const deliveries = (await world.loyverse.loyverseState()).deliveries as Json[];
		expect(deliveries.filter((delivery) => delivery.status === 'dropped').length).toBeGreaterThan(0);
		expect(deliveries.filter((delivery) => delivery.kind === 'duplicate').length).toBeGreaterThan(0);
		const forged = deliveries.filter((delivery) => delivery.kind === 'forged');
		expect(forged.length).toBeGreaterThan(0);
		for (const delivery of forged) for (const attempt of delivery.attempts as Json[]) expect(attempt.outcome).toBe(401);

		expect(Object.fromEntries(await world.shopifyStock())).toEqual(Object.fromEntries(expected));
		expect(Object.fromEntries(world.loyverseStock())).toEqual(Object.fromEntries(expected));
		expect(new Set(await world.changesWrittenToShopify())).toEqual(new Set(registerKeys));
	}, 600_000);

	it('a recount in the Back Office reaches Shopify through the nightly reconciliation template, with Repair on', async () => {
		await world.loyverse.loyverseRecount({ counts: [{ sku: skus[0], count: 64 }] });
		expected.set(skus[0], 64);
		await world.n8n.rest.publishWorkflow(LOYVERSE_RECONCILE_ID);
		await waitFor('the recount in Shopify', async () => (same(await world.shopifyStock()) ? true : undefined), 180_000);
		await world.n8n.rest.unpublishWorkflow(LOYVERSE_RECONCILE_ID);
		await waitForExecutionsToSettle(world.n8n.rest, WORKFLOW_ID);
		expect(Object.fromEntries(await world.shopifyStock())).toEqual(Object.fromEntries(expected));
		expect(Object.fromEntries(world.loyverseStock())).toEqual(Object.fromEntries(expected));
	}, 300_000);
});
