import { nodeHttpSend } from '../../../lib/http/nodeHttpSend';
import { ShopifyClient, resetShopifyClientState } from '../../../lib/shopify/client';
import { OrdersReader } from '../../../lib/shopify/orders/ordersReader';
import { startShopifySimulator, type RunningShopifySimulator } from '../../../simulator/shopify';
import { ALL_SCOPES } from '../../../simulator/shopify/auth/accessScopes';
import { startAnswerEditingProxy, type AnswerEditingProxy } from '../shopify/answerEditingProxy';
import { VirtualTime } from './virtualTime';

const DAY = 24 * 60 * 60 * 1000;

/**
 * An order listed and then answered null by `nodes(ids:)` is gone: the reader says which way. One created
 * just under 60 days ago has passed the window an app without read_all_orders may see; any other was deleted.
 */
const WITHOUT_ALL_ORDERS = ALL_SCOPES.filter((scope) => scope !== 'read_all_orders');

describe.each([
	{ scopes: WITHOUT_ALL_ORDERS, name: 'without read_all_orders', reason: 'passed the 60 days this app may see without the read_all_orders scope' },
	{ scopes: [...WITHOUT_ALL_ORDERS, 'read_all_orders'], name: 'with read_all_orders', reason: 'deleted in Shopify meanwhile' },
])('an order answered null $name', ({ scopes, reason }) => {
	let shop: RunningShopifySimulator;
	let proxy: AnswerEditingProxy;
	const time = new VirtualTime();

	beforeAll(async () => {
		resetShopifyClientState();
		shop = await startShopifySimulator({ seed: false, clock: time.now, scopes });
		proxy = await startAnswerEditingProxy(shop.url);
	});

	afterAll(async () => {
		await proxy.close();
		await shop.close();
	});

	it('is named in a warning that says why it is gone', async () => {
		await shop.control.reset({ orders: 0, locations: 1, products: 1 });
		const agedAt = new Date(time.now() - 60 * DAY + 10 * 60 * 1000).toISOString();
		const aged = shop.orders.create({ createdAt: agedAt, processedAt: agedAt, updatedAt: agedAt, lineItems: [{ title: 'Tea', quantity: 1, price: '2.00' }] }).id;
		time.tick();
		const fresh = shop.orders.create({ lineItems: [{ title: 'Tea', quantity: 1, price: '2.00' }] }).id;
		proxy.edit((exchange) => {
			if (exchange.operationName !== 'OrderDetails' || !exchange.answer.data) return;
			const ids = exchange.variables.ids as string[];
			exchange.answer.data.nodes = (exchange.answer.data.nodes as unknown[]).map((node, index) => (ids[index] === aged ? null : node));
		});
		const client = new ShopifyClient({
			shop: proxy.url,
			apiVersion: '2026-10',
			credentials: { authentication: 'accessToken', accessToken: shop.accessToken },
			send: nodeHttpSend,
			now: time.now,
			sleep: time.sleep,
		});
		const reader = new OrdersReader(
			client,
			{ filters: {}, sortKey: 'UPDATED_AT', reverse: false, mode: 'paged', olderThanVisible: 'warn' },
			{ download: () => Promise.reject(new Error('paged mode downloads nothing')), now: time.now },
		);
		const ids: string[] = [];
		for await (const order of reader.orders()) ids.push(order.id);
		expect(ids).toEqual([fresh]);
		const gone = reader.summary.warnings.filter((warning) => warning.includes(aged));
		expect(gone).toHaveLength(1);
		expect(gone[0]).toContain(reason);
		expect(proxy.invalidEdits).toEqual([]);
	});
});
