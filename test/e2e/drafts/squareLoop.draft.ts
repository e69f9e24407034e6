// Draft, not yet in the e2e suite (jest picks up *.test.ts only): it needs stockChanges from the
// order-stock-changes branch for the Shopify → Square half. Its Square → Shopify half, run alone: 3 register
// sales reach Shopify exactly; 25 sales with a recount in a burst leave Shopify off (the recount not applied,
// other SKUs off by 1 to 2 units): concurrent runs of Get Stock Changes, or the Set branch, still to be found.
// Rename to test/e2e/squareLoop.test.ts once green.
import { PosSimulator } from '../../../simulator/pos/posSimulator';
import { PosSimulatorClient } from '../../../simulator/pos/client';
import { startShopifySimulator, type ControlOrder, type RunningShopifySimulator } from '../../../simulator/shopify';
import { N8nInstance } from '../harness';
import { waitForExecutionsToSettle } from '../queue/executions';
import { nodeOfType, placeholdersIn, posCredentialImport, readTemplate, shopifyCredentialImport, wireToSimulators } from '../templates/templateWorkflows';
import { posWebhookCredential } from '../workflows/posWorkflows';

// templates/square.json imported into a real n8n 2.41.1 as a user would (credentials, the Square location ID,
// the Shopify location), published against the Shopify store simulator and the Square simulator, whose
// webhooks go to the template's POS Trigger at n8n's production URL, signed, duplicated, some dropped, forged
// ones mixed in. What the stock must be is computed here from the events alone; both systems are then read.
const WORKFLOW_ID = 'squareLoop';
const SQUARE_TOKEN = 'square-loop-e2e-token-8f1c';
const SQUARE_VERSION = '2026-09-16';
const SIGNATURE_KEY = 'square-loop-e2e-signature-key-3Hq';
const ORDERS = 50;
const REGISTER_SALES = 50;

type Json = Record<string, unknown>;

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 240_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** A repeatable pseudo-random sequence, so every run places the same orders and sales. */
function sequence(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

describe('Square template inside n8n: Shopify and Square stock in step both ways', () => {
	let n8n: N8nInstance;
	let shop: RunningShopifySimulator;
	let pos: PosSimulator;
	let square: PosSimulatorClient;
	let shopifyLocationId: string;
	let squareLocationId: string;
	let skus: string[];
	const variationOf = new Map<string, string>();
	/** What each SKU's stock must be, from the events this test caused (the same start in both systems). */
	const expected = new Map<string, number>();
	const move = (sku: string, delta: number) => expected.set(sku, expected.get(sku)! + delta);
	const random = sequence(20261205);

	const shopifyStock = async () => new Map(await Promise.all(skus.map(async (sku) => [sku, await shop.control.quantity(sku, shopifyLocationId)] as const)));
	const squareStock = () => new Map(skus.map((sku) => [sku, pos.square.inventory.quantity(variationOf.get(sku)!, squareLocationId)]));
	const same = (stock: Map<string, number>) => skus.every((sku) => stock.get(sku) === expected.get(sku));

	/** Every change in Square's inventory history at the location, oldest first. */
	function squareChanges(): Json[] {
		const changes: Json[] = [];
		let cursor: string | undefined;
		do {
			const reply = pos.square.inventory.retrieveChanges({ location_ids: [squareLocationId], cursor: cursor ?? null });
			const body = reply.body as { changes: Json[]; cursor?: string };
			changes.push(...body.changes);
			cursor = body.cursor;
		} while (cursor);
		return changes;
	}
	const changeOf = (change: Json) => (change.adjustment ?? change.physical_count) as Json;

	/** Square change ids named by the inventory writes Shopify accepted. */
	async function squareChangesWrittenToShopify(): Promise<string[]> {
		const requests = await shop.control.requests();
		const named = requests
			.filter((request) => request.operationType === 'mutation' && request.status === 200)
			.flatMap((request) => [...JSON.stringify(request.variables).matchAll(/SquareInventoryChange\/([A-Za-z0-9_-]+)/g)].map((match) => match[1]));
		return named;
	}

	beforeAll(async () => {
		shop = await startShopifySimulator({ seed: false });
		const seeded = await shop.control.seed({ seed: 31, locations: 1, products: 5, orders: 0, posShare: 0, maxAvailable: 50 });
		await shop.control.configureWebhooks({ retryDelaysMs: [200, 200, 200, 200, 200, 200, 200, 200], timeoutMs: 5000 });
		shopifyLocationId = seeded.locations[0].id;
		const counts = new Map<string, number>();
		for (const variant of seeded.variants) if (variant.sku) counts.set(variant.sku, (counts.get(variant.sku) ?? 0) + 1);
		skus = [...counts].filter(([, count]) => count === 1).map(([sku]) => sku).slice(0, 6);
		if (skus.length < 4) throw new Error('the seeded store has fewer than 4 unique SKUs');
		// A known start, well above what the test sells, the same in both systems.
		for (const [index, sku] of skus.entries()) {
			await shop.control.setInventory({ sku, locationId: shopifyLocationId, quantities: { available: 200 + index } });
			expected.set(sku, 200 + index);
		}

		pos = new PosSimulator({ config: { auth: { type: 'bearer', token: SQUARE_TOKEN }, squareVersion: SQUARE_VERSION } });
		const origin = await pos.start();
		square = new PosSimulatorClient(origin);
		[{ id: squareLocationId }] = await square.squareLocations([{ name: 'Main Store' }]);
		const objects = await square.squareCatalog(skus.map((sku) => ({ name: `Item ${sku}`, variations: [{ sku, priceAmount: 1500 }] })));
		for (const object of objects) {
			const data = object.item_variation_data as { sku?: string } | undefined;
			if (object.type === 'ITEM_VARIATION' && data?.sku) variationOf.set(data.sku, object.id as string);
			for (const variation of ((object.item_data as { variations?: Json[] } | undefined)?.variations ?? []) as Json[]) {
				const sku = (variation.item_variation_data as { sku?: string }).sku;
				if (sku) variationOf.set(sku, variation.id as string);
			}
		}
		for (const sku of skus) {
			if (!variationOf.has(sku)) throw new Error(`Square catalog has no variation for ${sku}`);
			await square.squareActivity('receive', { location_id: squareLocationId, catalog_object_id: variationOf.get(sku), quantity: String(expected.get(sku)) });
		}

		n8n = await N8nInstance.create({ log: (line) => process.stdout.write(`${line}\n`) });
		await n8n.importCredentials([
			shopifyCredentialImport('shopifySim', shop),
			posCredentialImport('squareSim', origin, SQUARE_TOKEN, `Square-Version: ${SQUARE_VERSION}`, '/v2/locations'),
			posWebhookCredential('squareSignature', SIGNATURE_KEY),
		]);
		const template = readTemplate('square.json');
		const workflow = wireToSimulators(template, {
			workflowId: WORKFLOW_ID,
			shopifyCredentialId: 'shopifySim',
			posCredentialId: 'squareSim',
			shopifyLocationId,
			values: { YOUR_SQUARE_LOCATION_ID: squareLocationId },
		});
		// The user picks the POS Webhook Secret credential on the POS Trigger, as on every other node.
		for (const node of workflow.nodes as Array<{ credentials?: Record<string, { id: string; name: string }> }>) {
			if (node.credentials?.posWebhookApi) node.credentials.posWebhookApi = { id: 'squareSignature', name: 'squareSignature' };
		}
		expect(placeholdersIn(workflow as { nodes: Array<{ parameters: Record<string, unknown> }> })).toEqual([]);
		await n8n.importWorkflows([workflow]);
		await n8n.start();
		await n8n.rest.publishWorkflow(WORKFLOW_ID);
		// The notification URL the user registers in Square: the POS Trigger's production URL.
		const url = `${n8n.baseUrl}/webhook/${nodeOfType(template, 'n8n-nodes-shopify-pos.posTrigger').webhookId}/pos`;
		await square.squareSubscribe({ url, signatureKey: SIGNATURE_KEY, eventTypes: ['inventory.count.updated'] });
		await square.squareWebhookKnobs({ dropShare: 0.1, duplicateShare: 1, forgeShare: 0.2, seed: 5, autoDeliver: true });
	}, 420_000);

	afterAll(async () => {
		await n8n?.dispose();
		await pos?.stop();
		await shop?.close();
	}, 60_000);

	it(`${ORDERS} Shopify orders, a cancellation with restock and an order edit move Square's stock once each`, async () => {
		const placed: ControlOrder[] = [];
		for (let index = 0; index < ORDERS; index += 1) {
			const lineCount = 2 + Math.floor(random() * 2);
			const chosen = [...skus].sort(() => random() - 0.5).slice(0, lineCount);
			const lineItems = chosen.map((sku) => ({ sku, quantity: 1 + Math.floor(random() * 3) }));
			const order = await shop.control.createOrder({
				lineItems,
				sourceName: 'web',
				financialStatus: 'PAID',
				...(index % 5 === 0 ? { discountCode: { code: 'TEN', percentage: 10 } } : {}),
			});
			for (const line of lineItems) move(line.sku, -line.quantity);
			placed.push(order);
		}
		await waitFor('every order in Square', () => (same(squareStock()) ? true : undefined));

		const cancelled = placed[7];
		await shop.control.cancelOrder(cancelled.id, { restock: true });
		for (const line of cancelled.lineItems) move(line.sku!, line.quantity);
		const edited = placed[11];
		const editedLine = edited.lineItems.find((line) => line.quantity >= 2) ?? edited.lineItems[0];
		await shop.control.updateOrder(edited.id, { lineItemQuantities: [{ lineItemId: editedLine.id, currentQuantity: editedLine.quantity - 1 }] });
		move(editedLine.sku!, 1);
		await waitFor('the restock and the edit in Square', () => (same(squareStock()) ? true : undefined));
		await shop.control.settleWebhooks();
		await waitForExecutionsToSettle(n8n.rest, WORKFLOW_ID);

		expect(Object.fromEntries(squareStock())).toEqual(Object.fromEntries(expected));
		// Each Shopify change moved Square once: one adjustment per order line, per restocked line, per edit.
		const ours = squareChanges().filter((change) => String(changeOf(change).reference_id ?? '').startsWith('shopify:'));
		const lines = placed.reduce((sum, order) => sum + order.lineItems.length, 0);
		expect(ours).toHaveLength(lines + cancelled.lineItems.length + 1);
		// Shopify's own stock followed its orders, and nothing of Square's echo came back to it.
		expect(Object.fromEntries(await shopifyStock())).toEqual(Object.fromEntries(expected));
		expect(await squareChangesWrittenToShopify()).toEqual([]);
	}, 600_000);

	it(`${REGISTER_SALES} register sales, a recount and a receiving at the Square location reach Shopify once each`, async () => {
		// Square's webhooks for the Shopify writes above ran the workflow: Get Stock Changes has its position.
		expect((await square.squareDeliveries()).some((delivery) => delivery.kind === 'genuine' && delivery.status === 'delivered')).toBe(true);
		/** Stock changes the shop's activity makes in Square: one per sale line, the recount, two receipts. */
		let shopActivity = 3;
		for (let index = 0; index < REGISTER_SALES; index += 1) {
			const lineCount = 1 + Math.floor(random() * 2);
			const chosen = [...skus].sort(() => random() - 0.5).slice(0, lineCount);
			const lines = chosen.map((sku) => ({ sku, quantity: 1 + Math.floor(random() * 2) }));
			const sold = await square.squareActivity('sale', { location_id: squareLocationId, lines });
			if (!sold.order) throw new Error(`register sale refused: ${JSON.stringify(sold)}`);
			for (const line of lines) move(line.sku, -line.quantity);
			shopActivity += lines.length;
			if (index === 20) {
				await square.squareActivity('recount', { location_id: squareLocationId, catalog_object_id: variationOf.get(skus[0]), quantity: '57' });
				expected.set(skus[0], 57);
			}
			if (index === 30) {
				await square.squareActivity('receive', { location_id: squareLocationId, catalog_object_id: variationOf.get(skus[1]), quantity: '12' });
				move(skus[1], 12);
			}
		}
		expect(Object.fromEntries(squareStock())).toEqual(Object.fromEntries(expected));
		// A dropped webhook is caught by the next run of Get Stock Changes, which reads from where the last run
		// stopped: one more event, delivered, after the drops (what the 5-minute schedule also does).
		await square.squareWebhookKnobs({ dropShare: 0 });
		await square.squareActivity('receive', { location_id: squareLocationId, catalog_object_id: variationOf.get(skus[2]), quantity: '1' });
		move(skus[2], 1);
		await waitFor('every Square change in Shopify', async () => (same(await shopifyStock()) ? true : undefined));
		await waitForExecutionsToSettle(n8n.rest, WORKFLOW_ID);

		const deliveries = await square.squareDeliveries();
		expect(deliveries.filter((delivery) => delivery.status === 'dropped').length).toBeGreaterThan(0);
		expect(deliveries.filter((delivery) => delivery.kind === 'duplicate').length).toBeGreaterThan(0);
		const forged = deliveries.filter((delivery) => delivery.kind === 'forged');
		expect(forged.length).toBeGreaterThan(0);
		// Forged deliveries were refused (401) every time they were tried.
		for (const delivery of forged) for (const attempt of delivery.attempts) expect(attempt.outcome).toBe(401);

		expect(Object.fromEntries(await shopifyStock())).toEqual(Object.fromEntries(expected));
		expect(Object.fromEntries(squareStock())).toEqual(Object.fromEntries(expected));
		// Every change made at the shop after publishing reached Shopify, and none of the workflow's own Square
		// writes went back (no echo, no ping-pong). Applied once: a second application of any of them would
		// show in the quantities above (a write sent again under its key is answered from Shopify's record).
		const shopChanges = squareChanges().filter((change) => !String(changeOf(change).reference_id ?? '').startsWith('shopify:'));
		// The first receipts (one per SKU) set the starting stock before the workflow was published.
		const afterPublishing = shopChanges.slice(skus.length).map((change) => String(changeOf(change).id));
		expect(afterPublishing).toHaveLength(shopActivity);
		expect(new Set(await squareChangesWrittenToShopify())).toEqual(new Set(afterPublishing));
	}, 600_000);
});
