import type { INodeParameters } from 'n8n-workflow';
import { startShopifySimulator, type RunningShopifySimulator } from '../../../simulator/shopify';
import { ShopifyOrderPollingTrigger } from '../../../nodes/ShopifyOrderTrigger/ShopifyOrderPollingTrigger.node';
import { resetShopifyClientState } from '../../../lib/shopify/client';
import { TriggerWorkflowHarness } from './triggerWorkflowHarness';
import { keyHashOf } from '../../../lib/shopify/webhooks/memory/keyHash';

/** A store clock that only moves when the test says so (Shopify's timestamps have whole seconds). */
function steppedClock(): { now: () => number; tick: (seconds?: number) => void; catchUp: () => void } {
	let at = Math.floor(Date.now() / 1000) * 1000 - 60_000;
	return {
		now: () => at,
		tick: (seconds = 1) => (at += seconds * 1000),
		// The store's clock passes the real time the trigger was published at.
		catchUp: () => (at = Math.max(at, Math.ceil(Date.now() / 1000) * 1000 + 1000)),
	};
}

const POLLER = 'Shopify Order Polling Trigger';

describe('Shopify Order Polling Trigger against the simulator', () => {
	let shop: RunningShopifySimulator;
	let clock: ReturnType<typeof steppedClock>;

	beforeEach(async () => {
		resetShopifyClientState();
		clock = steppedClock();
		// Seeded orders lie in the past; the trigger only reports what changes after it is published.
		shop = await startShopifySimulator({ seed: { orders: 3, products: 2, locations: 1 }, clock: clock.now });
	});

	const open: TriggerWorkflowHarness[] = [];

	afterEach(async () => {
		for (const workflow of open.splice(0)) await workflow.close();
		await shop.close();
	});

	function harness(parameters: INodeParameters = {}): TriggerWorkflowHarness {
		const workflow = new TriggerWorkflowHarness([{ name: POLLER, type: new ShopifyOrderPollingTrigger(), parameters }], {
			shopifyAdminApi: { shop: shop.url, apiVersion: '2026-10', authentication: 'accessToken', accessToken: shop.accessToken },
		});
		open.push(workflow);
		return workflow;
	}

	function placeOrder(extra: Record<string, unknown> = {}) {
		clock.tick();
		return shop.orders.create({ lineItems: [{ title: 'Espresso', quantity: 2, price: '3.50' }], email: 'a@example.com', ...extra });
	}

	it('starts from the moment it is published, then emits each new change once', async () => {
		placeOrder();
		const workflow = harness();
		await workflow.listen();
		await workflow.publish();
		expect(await workflow.poll(POLLER)).toBe(0);
		clock.catchUp();

		const first = placeOrder();
		const second = placeOrder();
		expect(await workflow.poll(POLLER)).toBe(2);
		const emitted = workflow.executions.flatMap((execution) => execution.items);
		expect(emitted.map((item) => item.id).sort()).toEqual([first.id, second.id].map((id) => (id.startsWith('gid://') ? id : `gid://shopify/Order/${id}`)).sort());
		expect(emitted[0].event).toMatchObject({ source: 'poll', topic: 'orders/create' });
		expect(Array.isArray(emitted[0].lineItems)).toBe(true);

		// Within the overlap window the same orders are listed again: nothing is emitted twice.
		expect(await workflow.poll(POLLER)).toBe(0);
		clock.tick();
		shop.orders.update(first.id, { note: 'gift wrap' });
		expect(await workflow.poll(POLLER)).toBe(1);
		const update = workflow.executions.at(-1)!.items[0];
		expect(update).toMatchObject({ note: 'gift wrap', event: { topic: 'orders/updated' } });
		expect(await workflow.poll(POLLER)).toBe(0);
		// What the long-lived poller remembered is in its memory file (a restart keeps it), not in static data.
		const remembered = workflow.memoryFileLines(shop.url).c.join('\n');
		for (const item of workflow.executions.flatMap((execution) => execution.items)) {
			expect(remembered).toContain(keyHashOf(`${item.id}@${new Date(String(item.updatedAt)).toISOString()}`));
		}
		expect(JSON.stringify(workflow.storedStaticData)).not.toContain('shopifyOrders');
	});

	it('skips POS orders by default and catches up a backlog across polls, oldest first', async () => {
		const workflow = harness({ options: { maxChangesPerPoll: 3 } });
		await workflow.listen();
		await workflow.publish();
		await workflow.poll(POLLER);
		clock.catchUp();
		placeOrder({ sourceName: 'pos' });
		const web = Array.from({ length: 5 }, () => placeOrder());
		expect(await workflow.poll(POLLER)).toBe(2);
		expect(await workflow.poll(POLLER)).toBe(3);
		expect(await workflow.poll(POLLER)).toBe(0);
		const ids = workflow.executions.flatMap((execution) => execution.items.map((item) => String(item.legacyId)));
		expect(ids).toEqual(web.map((order) => String(order.id).split('/').pop()));
	});

	it('a poll that starts while the previous one still reads is skipped: the same changes are not read twice at once', async () => {
		const workflow = harness();
		await workflow.listen();
		await workflow.publish();
		await workflow.poll(POLLER);
		clock.catchUp();
		placeOrder();
		// Shopify answers the first poll's listing slowly (a throttled bucket, a slow network).
		await shop.control.injectFaults({ kind: 'latency', latencyMs: 800, count: 1, operationName: 'OrderIdsPage' });
		const slow = workflow.poll(POLLER);
		await new Promise((resolve) => setTimeout(resolve, 200));
		const listingsBefore = (await shop.control.requests()).filter((entry) => entry.operationName === 'OrderIdsPage').length;
		expect(await workflow.poll(POLLER)).toBe(0);
		expect((await shop.control.requests()).filter((entry) => entry.operationName === 'OrderIdsPage')).toHaveLength(listingsBefore);
		expect(await slow).toBe(1);
		// The next one runs again.
		placeOrder();
		expect(await workflow.poll(POLLER)).toBe(1);
	});

	it('returns the latest order as a sample in the editor without moving the cursor', async () => {
		const workflow = harness();
		await workflow.listen();
		placeOrder();
		const latest = placeOrder();
		const sample = await workflow.pollManually(POLLER);
		expect(sample).toHaveLength(1);
		expect(String(sample[0].legacyId)).toBe(String(latest.id).split('/').pop());
		expect(workflow.storedStaticData).toEqual({});
	});
});
