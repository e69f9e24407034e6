import type { INodeParameters } from 'n8n-workflow';
import { resetShopifyClientState } from '../../../lib/shopify/client';
import { ShopifyOrderPollingTrigger } from '../../../nodes/ShopifyOrderTrigger/ShopifyOrderPollingTrigger.node';
import { startShopifySimulator, type RunningShopifySimulator } from '../../../simulator/shopify';
import { startAnswerEditingProxy, type AnswerEditingProxy } from '../shopify/answerEditingProxy';
import { TriggerWorkflowHarness } from './triggerWorkflowHarness';

/** A store clock that only moves when the test says so (Shopify's timestamps have whole seconds). */
function steppedClock(): { now: () => number; tick: (seconds?: number) => void; catchUp: () => void } {
	let at = Math.floor(Date.now() / 1000) * 1000 - 60_000;
	return {
		now: () => at,
		tick: (seconds = 1) => (at += seconds * 1000),
		catchUp: () => (at = Math.max(at, Math.ceil(Date.now() / 1000) * 1000 + 1000)),
	};
}

const POLLER = 'Shopify Order Polling Trigger';

describe('Shopify Order Polling Trigger: searches, answers and the shop it names', () => {
	let shop: RunningShopifySimulator;
	let proxy: AnswerEditingProxy;
	let clock: ReturnType<typeof steppedClock>;
	const open: TriggerWorkflowHarness[] = [];

	beforeEach(async () => {
		resetShopifyClientState();
		clock = steppedClock();
		shop = await startShopifySimulator({ seed: { orders: 2, products: 2, locations: 1 }, clock: clock.now });
		proxy = await startAnswerEditingProxy(shop.url);
	});

	afterEach(async () => {
		for (const workflow of open.splice(0)) await workflow.close();
		expect(proxy.invalidEdits).toEqual([]);
		await proxy.close();
		await shop.close();
	});

	async function published(parameters: INodeParameters = {}): Promise<TriggerWorkflowHarness> {
		const workflow = new TriggerWorkflowHarness([{ name: POLLER, type: new ShopifyOrderPollingTrigger(), parameters }], {
			shopifyAdminApi: { shop: proxy.url, apiVersion: '2026-10', authentication: 'accessToken', accessToken: shop.accessToken },
		});
		open.push(workflow);
		await workflow.listen();
		await workflow.publish();
		expect(await workflow.poll(POLLER)).toBe(0);
		clock.catchUp();
		return workflow;
	}

	function placeOrder(extra: Record<string, unknown> = {}) {
		clock.tick();
		return shop.orders.create({ lineItems: [{ title: 'Espresso', quantity: 2, price: '3.50' }], ...extra });
	}

	it('names the store by its myshopify.com name in event.shopDomain, as the webhook trigger does', async () => {
		const workflow = await published();
		placeOrder();
		expect(await workflow.poll(POLLER)).toBe(1);
		const [item] = workflow.executions.at(-1)!.items;
		// The credential points at a loopback address; the shop says its own name.
		expect(shop.shopDomain).toMatch(/\.myshopify\.com$/);
		expect(item.event).toMatchObject({ source: 'poll', shopDomain: shop.shopDomain });
	});

	it('a mistyped Search field stops the poll naming it; "Continue With Warning" emits the wider result', async () => {
		const stopping = await published({ options: { search: 'finacial_status:paid' } });
		placeOrder();
		await expect(stopping.poll(POLLER)).rejects.toThrow(/"finacial_status".*Invalid search field for this query\./);

		const warning = await published({ options: { search: 'finacial_status:paid', searchWarnings: 'warn' } });
		placeOrder();
		expect(await warning.poll(POLLER)).toBeGreaterThan(0);
	});

	it('an order whose details are not an Order stops the poll with its id; nothing is lost once it reads again', async () => {
		const workflow = await published();
		const first = placeOrder();
		const second = placeOrder();
		proxy.edit((exchange) => {
			if (exchange.operationName !== 'OrderDetails' || !exchange.answer.data) return;
			const ids = exchange.variables.ids as string[];
			exchange.answer.data.nodes = (exchange.answer.data.nodes as unknown[]).map((node, index) => (ids[index] === second.id ? { __typename: 'Customer' } : node));
		});
		await expect(workflow.poll(POLLER)).rejects.toThrow(`Shopify answered a Customer for the order id ${second.id}, not an Order.`);
		expect(workflow.executions).toHaveLength(0);

		proxy.edit(undefined);
		expect(await workflow.poll(POLLER)).toBe(2);
		expect(workflow.executions.at(-1)!.items.map((item) => item.id)).toEqual([first.id, second.id]);
	});
});
