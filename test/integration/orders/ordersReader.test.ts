import { ShopifyClient, resetShopifyClientState } from '../../../lib/shopify/client';
import { nodeHttpSend } from '../../../lib/http/nodeHttpSend';
import type { ShopifyResponse } from '../../../lib/shopify/client';
import type { GraphqlClient } from '../../../lib/shopify/orders/graphqlClient';
import { normalizeGraphqlOrder } from '../../../lib/shopify/orders/normalizeGraphqlOrder';
import { OrdersReader, type ReadOrdersOptions } from '../../../lib/shopify/orders/ordersReader';
import type { GqlOrder } from '../../../lib/shopify/orders/orderSelection';
import type { PosMoneySet } from '../../../lib/shopify/orders/posOrder';
import { startShopifySimulator, type RunningShopifySimulator } from '../../../simulator/shopify';
import { VirtualTime } from './virtualTime';

const OPTIONS: ReadOrdersOptions = { filters: {}, sortKey: 'UPDATED_AT', reverse: false, mode: 'paged', olderThanVisible: 'warn' };

describe('OrdersReader against the simulator', () => {
	let shop: RunningShopifySimulator;
	let time: VirtualTime;

	beforeEach(async () => {
		resetShopifyClientState();
		time = new VirtualTime();
		shop = await startShopifySimulator({ seed: { orders: 0, locations: 2, products: 10 }, clock: time.now });
	});

	afterEach(async () => {
		await shop.close();
	});

	function client(send: typeof nodeHttpSend = nodeHttpSend): ShopifyClient {
		return new ShopifyClient({
			shop: shop.url,
			apiVersion: '2026-10',
			credentials: { authentication: 'accessToken', accessToken: shop.accessToken },
			send,
			now: time.now,
			sleep: time.sleep,
			random: () => 0.5,
		});
	}

	function place(count: number): string[] {
		return Array.from({ length: count }, (_, index) => {
			time.tick();
			return shop.orders.create({
				lineItems: [
					{ title: 'Espresso', quantity: 2, price: '3.50' },
					{ title: 'Croissant', quantity: 1, price: '2.25' },
					{ title: `Mug ${index}`, quantity: 1, price: '12.00' },
				],
			}).id;
		});
	}

	async function read(source: GraphqlClient, options: Partial<ReadOrdersOptions> = {}) {
		const reader = new OrdersReader(source, { ...OPTIONS, ...options }, { download: async () => { throw new Error('no bulk here'); }, now: time.now, sleep: time.sleep });
		const orders: GqlOrder[] = [];
		for await (const order of reader.orders()) orders.push(order);
		return { orders, summary: reader.summary };
	}

	it('another client keeps taking the refill with smaller queries: the batches and pages are asked smaller, every order read', async () => {
		// Three orders of 33 lines need follow-up line pages, besides the detail batches of all 60.
		const big = Array.from({ length: 3 }, () => {
			time.tick();
			return shop.orders.create({ lineItems: Array.from({ length: 33 }, (_, index) => ({ title: `Line ${index}`, quantity: 1, price: '1.00' })) }).id;
		});
		const placed = [...big, ...place(57)];
		const competitor = 300;
		// Before each of our queries, the competitor's smaller query has just drained the bucket to what it
		// leaves: a query of ours asking more than 300 points never fits; one asking less always does.
		const contended: typeof nodeHttpSend = async (request) => {
			if (String(request.url).endsWith('/graphql.json')) shop.simulator.bucket.drainTo(competitor);
			return nodeHttpSend(request);
		};
		const { orders } = await read(client(contended));
		expect(orders.map((order) => order.id)).toEqual(placed);
		expect(orders.slice(0, 3).map((order) => order.lineItems.nodes.length)).toEqual([33, 33, 33]);
		const answers = shop.simulator.log.list().filter((entry) => entry.endpoint === 'graphql');
		// Admitted only within what the competitor leaves, and no query refused more than 3 times as it was:
		// then it is asked smaller (without that, the first batch waited 5 minutes and failed).
		expect(answers.filter((entry) => entry.outcome === 'ok').every((entry) => (entry.requestedCost ?? 0) <= competitor)).toBe(true);
		let longestRun = 0;
		let run = 0;
		answers.forEach((entry, index) => {
			const same = index > 0 && JSON.stringify(entry.variables) === JSON.stringify(answers[index - 1].variables) && answers[index - 1].outcome === 'THROTTLED';
			run = entry.outcome === 'THROTTLED' ? (same ? run + 1 : 1) : 0;
			longestRun = Math.max(longestRun, run);
		});
		expect(longestRun).toBe(3);
	});

	it('completes with a tiny bucket (100 points, 10/s) and injected 429s and 500s: nothing missing or doubled', async () => {
		const placed = place(120);
		await shop.control.configure({ maximumAvailable: 100, restoreRate: 10 });
		await shop.control.injectFaults([
			{ kind: 'http429', count: 3, retryAfterSeconds: 2, operationName: 'OrderDetails' },
			{ kind: 'http500', count: 2, operationName: 'OrderIdsPage' },
			{ kind: 'http503', count: 1, operationName: 'OrderDetails' },
			{ kind: 'throttled', count: 1, operationName: 'OrderDetails' },
		]);
		const { orders, summary } = await read(client());
		expect(orders.map((order) => order.id)).toEqual(placed);
		expect(orders.every((order) => order.lineItems.nodes.length === 3)).toBe(true);
		expect(await shop.control.pendingFaults()).toEqual([]);
		// Every query fitted the 100-point bucket (Shopify would refuse a bigger one).
		const log = await shop.control.requests();
		expect(Math.max(...log.map((entry) => entry.requestedCost ?? 0))).toBeLessThanOrEqual(100);
		// Paced by throttleStatus: apart from the one injected, Shopify never had to refuse a query.
		expect(log.filter((entry) => entry.outcome === 'THROTTLED')).toHaveLength(1);
		expect(time.slept).toBeGreaterThan(0);
		expect(summary.stats.actualCost).toBeGreaterThan(100);
	});

	it('returns every change exactly once across runs, including edits made while a run reads', async () => {
		const placed = place(200);
		const real = client();
		let detailBatches = 0;
		const editing: GraphqlClient = {
			get throttleStatus() {
				return real.throttleStatus;
			},
			async request<T>(document: string, variables?: Record<string, unknown>, options?: { estimatedCost?: number }): Promise<ShopifyResponse<T>> {
				const response = await real.request<T>(document, variables, options);
				if (document.includes('query OrderDetails') && ++detailBatches === 1) {
					// placed[0] was just read; placed[150] is listed but not read yet; a new order arrives.
					time.tick();
					shop.orders.update(placed[0], { note: 'edited after it was read' });
					shop.orders.update(placed[150], { note: 'edited before it was read' });
					placed.push(...place(1));
				}
				return response;
			},
		};
		const first = await read(editing, { changesSince: { cursor: undefined, overlapMs: 60_000 } });
		const firstIds = first.orders.map((order) => order.id);
		expect(firstIds).toEqual(placed.slice(0, 200));
		expect(first.orders[0].note).toBeNull();
		expect(first.orders[150].note).toBe('edited before it was read');

		time.tick(5000);
		const second = await read(client(), { changesSince: { cursor: first.summary.nextCursor, overlapMs: 60_000 } });
		expect(second.orders.map((order) => [order.id, order.note])).toEqual([
			[placed[0], 'edited after it was read'],
			[placed[200], null],
		]);

		const third = await read(client(), { changesSince: { cursor: second.summary.nextCursor, overlapMs: 60_000 } });
		expect(third.orders).toEqual([]);
	});

	it('adds up: lines − discounts + shipping + tax = total, for seeded orders (Shopify\'s figures)', async () => {
		await shop.control.reset({ orders: 300, locations: 2, products: 20, posShare: 0.2, seed: 7 });
		const { orders } = await read(client());
		expect(orders.length).toBe(300);
		const shop$ = (set: PosMoneySet | null) => set?.shop.minorUnits ?? 0;
		let withDiscount = 0;
		for (const raw of orders) {
			const order = normalizeGraphqlOrder(raw);
			const lines = order.lineItems.reduce((sum, line) => sum + line.unitPrice.shop.minorUnits * line.originalQuantity, 0);
			const t = order.originalTotals;
			if (shop$(t.discounts) > 0) withDiscount++;
			expect(lines - shop$(t.discounts) + shop$(t.shipping) + (order.taxesIncluded ? 0 : shop$(t.tax))).toBe(shop$(t.total));
			expect(lines - shop$(t.discounts)).toBe(shop$(t.subtotal));
			const lineTax = order.lineItems.reduce((sum, line) => sum + line.taxLines.reduce((s, tax) => s + tax.amount.shop.minorUnits, 0), 0);
			const shippingTax = order.shippingLines.reduce((sum, line) => sum + line.taxLines.reduce((s, tax) => s + tax.amount.shop.minorUnits, 0), 0);
			expect(lineTax + shippingTax).toBe(shop$(t.tax));
		}
		expect(withDiscount).toBeGreaterThan(0);
	});

	it('reads 10,000 orders, each once, in order', async () => {
		await shop.control.configure({ maximumAvailable: 20_000, restoreRate: 100_000 });
		const placed = place(10_000);
		const { orders, summary } = await read(client());
		expect(orders.length).toBe(10_000);
		expect(orders.map((order) => order.id)).toEqual(placed);
		expect(summary.mode).toBe('paged');
	}, 120_000);
});
