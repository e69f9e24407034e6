import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { resetShopifyClientState } from '../../../lib/shopify/client';
import { ShopifyGetOrders } from '../../../nodes/ShopifyGetOrders/ShopifyGetOrders.node';
import { startShopifySimulator, type RunningShopifySimulator } from '../../../simulator/shopify';
import { runNode, type EngineRun } from '../../helpers/n8nEngine';
import { schemaProblems, startAnswerEditingProxy, type AnswerEditingProxy, type GraphqlExchange } from '../shopify/answerEditingProxy';
import { steppedClock } from './ordersStore';

const ALL = { returnAll: true };

/** Every message a run left for its user: the error, its description, and every log line. */
function everything(run: EngineRun): string {
	return [run.error?.message, run.error?.description, ...run.logs.map((line) => line.message)].join('\n');
}

type OrderDetailsNodes = Array<Record<string, unknown> | null>;

describe('Get Orders never loses or floods orders silently', () => {
	let shop: RunningShopifySimulator;
	let proxy: AnswerEditingProxy;
	const clock = steppedClock();

	beforeAll(async () => {
		resetShopifyClientState();
		shop = await startShopifySimulator({ seed: false, clock: clock.now, maximumAvailable: 20_000, restoreRate: 10_000 });
		proxy = await startAnswerEditingProxy(shop.url);
	});

	afterAll(async () => {
		await proxy.close();
		await shop.close();
	});

	beforeEach(async () => {
		proxy.edit(undefined);
		proxy.operations.length = 0;
		await shop.control.reset({ orders: 0, locations: 2, products: 3 });
	});

	afterEach(() => {
		// Every edited answer was one Shopify's schema allows.
		expect(proxy.invalidEdits).toEqual([]);
	});

	function placeOrders(count: number, extra: Record<string, unknown> = {}): string[] {
		return Array.from({ length: count }, () => {
			clock.tick();
			return shop.orders.create({ lineItems: [{ title: 'Espresso', quantity: 2, price: '3.50' }], ...extra }).id;
		});
	}

	function run(parameters: INodeParameters, options: { staticData?: IDataObject; continueOnFail?: boolean } = {}): Promise<EngineRun> {
		return runNode({
			nodeType: ShopifyGetOrders,
			parameters,
			credentials: { shopifyAdminApi: { shop: proxy.url, apiVersion: '2026-10', authentication: 'accessToken', accessToken: shop.accessToken } },
			staticData: options.staticData,
			continueOnFail: options.continueOnFail,
		});
	}

	/** Edits the `nodes(ids:)` answers of OrderDetails with `change` (entries in the order of the ids). */
	function editDetails(change: (nodes: OrderDetailsNodes, exchange: GraphqlExchange) => OrderDetailsNodes): void {
		proxy.edit((exchange) => {
			if (exchange.operationName !== 'OrderDetails' || !exchange.answer.data) return;
			exchange.answer.data.nodes = change(exchange.answer.data.nodes as OrderDetailsNodes, exchange);
		});
	}

	describe('search warnings', () => {
		it('a mistyped field stops the run, naming the field and Shopify\'s message', async () => {
			placeOrders(5);
			const stopped = await run({ ...ALL, filters: { searchQuery: 'finacial_status:refunded' } });
			expect(stopped.error?.message).toContain('"finacial_status"');
			expect(stopped.error?.message).toContain('Invalid search field for this query.');
			expect(stopped.error?.description).toContain('On Search Warning');
			expect(stopped.output()).toEqual([]);
		});

		it('with "Continue With Warning" returns the wider result and says which field was ignored', async () => {
			const placed = placeOrders(3);
			const warned = await run({ ...ALL, filters: { searchQuery: 'finacial_status:refunded' }, options: { searchWarnings: 'warn' } });
			expect(warned.error).toBeUndefined();
			expect(warned.json().map((order) => order.id)).toEqual(placed);
			expect(warned.logs.some((line) => line.level === 'warn' && line.message.includes('"finacial_status"'))).toBe(true);
		});

		it('stops in bulk mode too, before any bulk operation starts', async () => {
			placeOrders(2);
			const stopped = await run({ ...ALL, filters: { searchQuery: 'finacial_status:refunded' }, options: { fetchMode: 'bulk' } });
			expect(stopped.error?.message).toContain('"finacial_status"');
			expect(proxy.operations).not.toContain('BulkQueryRun');
		});

		it('the Sales Channel filter returns only that channel\'s orders', async () => {
			const web = placeOrders(4);
			const pos = placeOrders(2, { sourceName: 'pos' });
			const channel = await run({ ...ALL, skipPosOrders: false, filters: { salesChannel: 'pos' } });
			expect(channel.error).toBeUndefined();
			expect(channel.json().map((order) => order.id)).toEqual(pos);
			const online = await run({ ...ALL, filters: { salesChannel: 'online_store' } });
			expect(online.json().map((order) => order.id)).toEqual(web);
		});
	});

	describe('every listed order is accounted for', () => {
		it('a nodes answer shorter than the ids asked for is an error naming them, never an empty success', async () => {
			const placed = placeOrders(7);
			editDetails(() => []);
			const staticData: IDataObject = {};
			const short = await run({ ...ALL, onlyChanges: true }, { staticData });
			// The first batch measures the cost with one order; its answer already does not match.
			expect(short.error?.message).toContain(`Shopify answered a list of 0 entries for the order id ${placed[0]}`);
			expect(short.error?.message).toContain('does not match the ids asked for');
			expect(short.output()).toEqual([]);
			expect(everything(short)).not.toMatch(/TypeError|Cannot read properties/);
			// The position did not move: the next run returns every one of them.
			proxy.edit(undefined);
			const next = await run({ ...ALL, onlyChanges: true }, { staticData });
			expect(next.json().map((order) => order.id)).toEqual(placed);
		});

		it('a batch answered with fewer entries names every id of the batch', async () => {
			const placed = placeOrders(7);
			editDetails((nodes) => (nodes.length > 1 ? nodes.slice(0, 2) : nodes));
			const short = await run(ALL);
			expect(short.error?.message).toContain('for the 6 order ids');
			for (const id of placed.slice(1)) expect(short.error?.message).toContain(id);
		});

		it('an entry that is not an Order fails the run with its id, or is reported on its own item', async () => {
			const placed = placeOrders(3);
			editDetails((nodes, exchange) => {
				const ids = exchange.variables.ids as string[];
				return nodes.map((node, index) => (ids[index] === placed[1] ? { __typename: 'Customer' } : node));
			});
			const failed = await run(ALL);
			expect(failed.error?.message).toContain(`Shopify answered a Customer for the order id ${placed[1]}, not an Order.`);
			expect(everything(failed)).not.toMatch(/TypeError|Cannot read properties/);

			const reported = await run(ALL, { continueOnFail: true });
			expect(reported.error).toBeUndefined();
			const items = reported.output();
			expect(items.map((item) => item.json.id ?? item.json.orderId)).toEqual(placed);
			expect(items[1].json).toMatchObject({ orderId: placed[1], error: expect.stringContaining('not an Order') });
			expect(items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
		});

		it('a later page of an order\'s lines answered as something else fails that order, named, never incomplete', async () => {
			const [long] = placeOrders(1, { lineItems: Array.from({ length: 300 }, (_, index) => ({ title: `Part ${index}`, quantity: 1, price: '1.00' })) });
			const [short] = placeOrders(1);
			proxy.edit((exchange) => {
				if (exchange.operationName === 'OrderLineItemsPage' && exchange.answer.data) exchange.answer.data.node = { __typename: 'Customer' };
			});
			const failed = await run(ALL);
			expect(failed.error?.message).toContain(`Shopify answered a Customer when the package read more lineItems of order ${long}`);
			const reported = await run(ALL, { continueOnFail: true });
			expect(reported.json()).toEqual([expect.objectContaining({ orderId: long }), expect.objectContaining({ id: short })]);
		});

		it('the change position does not skip an order whose details failed: the next run delivers it', async () => {
			const placed = placeOrders(3);
			editDetails((nodes, exchange) => {
				const ids = exchange.variables.ids as string[];
				return nodes.map((node, index) => (ids[index] === placed[1] ? { __typename: 'Customer' } : node));
			});
			const staticData: IDataObject = {};
			const first = await run({ ...ALL, onlyChanges: true }, { staticData, continueOnFail: true });
			expect(first.json().filter((item) => !item.error).map((order) => order.id)).toEqual([placed[0], placed[2]]);
			expect(first.json().filter((item) => item.error).map((item) => item.orderId)).toEqual([placed[1]]);

			proxy.edit(undefined);
			const second = await run({ ...ALL, onlyChanges: true }, { staticData });
			expect(second.error).toBeUndefined();
			expect(second.json().map((order) => order.id)).toEqual([placed[1]]);
			const third = await run({ ...ALL, onlyChanges: true }, { staticData });
			expect(third.json()).toEqual([]);
		});

		it('an order answered null (deleted meanwhile) is named in a warning, and the run goes on', async () => {
			const placed = placeOrders(3);
			editDetails((nodes, exchange) => {
				const ids = exchange.variables.ids as string[];
				return nodes.map((node, index) => (ids[index] === placed[0] ? null : node));
			});
			const result = await run(ALL);
			expect(result.error).toBeUndefined();
			expect(result.json().map((order) => order.id)).toEqual(placed.slice(1));
			expect(result.logs.some((line) => line.level === 'warn' && line.message.includes(placed[0]) && line.message.includes('deleted'))).toBe(true);
		});
	});

	describe('answers checked before use', () => {
		it('the stand-in only sends answers Shopify\'s schema allows', async () => {
			const document = 'query OrderDetails($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Order { id lineItems(first: 1) { nodes { id } } } } }';
			const ids = ['gid://shopify/Order/1', 'gid://shopify/Order/2', 'gid://shopify/Order/3'];
			expect(await schemaProblems('2026-10', document, { ids }, { nodes: [null, { __typename: 'Customer' }, { __typename: 'Order', id: ids[2], lineItems: { nodes: [] } }] })).toEqual([]);
			// An Order without its (non-null) lineItems, or a type that is no Node, is not something Shopify can send.
			expect(await schemaProblems('2026-10', document, { ids }, { nodes: [{ __typename: 'Order', id: ids[0], lineItems: null }] })).not.toEqual([]);
			expect(await schemaProblems('2026-10', document, { ids }, { nodes: [{ __typename: 'MoneyV2' }] })).not.toEqual([]);
		});

		it('a null bulkOperationRunQuery payload is an error that says what Shopify answered', async () => {
			placeOrders(2);
			proxy.edit((exchange) => {
				if (exchange.operationName === 'BulkQueryRun' && exchange.answer.data) exchange.answer.data.bulkOperationRunQuery = null;
			});
			const result = await run({ ...ALL, options: { fetchMode: 'bulk' } });
			expect(result.error?.message).toContain('Shopify answered null to bulkOperationRunQuery');
			expect(everything(result)).not.toMatch(/TypeError|Cannot destructure/);
		});

		it('an amount too large for minor units fails only that order, named; Raw output still has it', async () => {
			const placed = placeOrders(3);
			editDetails((nodes) =>
				nodes.map((node) => {
					if (node?.id !== placed[2]) return node;
					const total = node.totalPriceSet as { shopMoney: { amount: string } };
					total.shopMoney.amount = '123456789012345678901.00';
					return node;
				}),
			);
			const failed = await run(ALL);
			expect(failed.error?.message).toContain(placed[2]);
			expect(failed.error?.message).toContain('too large to express in minor units');

			const reported = await run(ALL, { continueOnFail: true });
			expect(reported.json().slice(0, 2).map((order) => order.id)).toEqual(placed.slice(0, 2));
			expect(reported.json()[2]).toMatchObject({ orderId: placed[2], error: expect.stringContaining('cannot be made POS-ready') });

			const raw = await run({ ...ALL, output: 'raw' });
			expect(raw.error).toBeUndefined();
			expect(raw.json().map((order) => order.id)).toEqual(placed);
		});
	});
});
