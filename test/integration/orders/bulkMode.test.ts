import * as http from 'node:http';
import { nodeHttpSend } from '../../../lib/http/nodeHttpSend';
import { ShopifyClient, resetShopifyClientState } from '../../../lib/shopify/client';
import { OrdersReader, type ReadOrdersOptions } from '../../../lib/shopify/orders/ordersReader';
import type { GqlOrder } from '../../../lib/shopify/orders/orderSelection';
import { startShopifySimulator, type RunningShopifySimulator } from '../../../simulator/shopify';
import { startOrdersStore, type OrdersStore } from './ordersStore';

function httpDownload(url: string): Promise<AsyncIterable<Uint8Array>> {
	return new Promise((resolve, reject) => {
		http.get(url, (response) => {
			if (response.statusCode !== 200) reject(new Error(`download answered ${response.statusCode}`));
			else resolve(response);
		}).on('error', reject);
	});
}

describe('bulk mode against the simulator', () => {
	let shop: RunningShopifySimulator;

	beforeAll(async () => {
		resetShopifyClientState();
		shop = await startShopifySimulator({ seed: { orders: 400, locations: 3, products: 25, posShare: 0.2, seed: 11 }, maximumAvailable: 20_000, restoreRate: 10_000 });
		// Orders longer than a line-item page, so paged mode must read past its first page, and longer than any
		// page at all (300), which Shopify's bulk result still lists to the end.
		for (const length of [40, 120, 250, 300]) {
			shop.orders.create({ lineItems: Array.from({ length }, (_, index) => ({ title: `Part ${index}`, quantity: 1 + (index % 2), price: '0.99' })) });
		}
	});

	afterAll(async () => {
		await shop.close();
	});

	async function read(options: Partial<ReadOrdersOptions>, expectedMode = options.mode): Promise<GqlOrder[]> {
		const client = new ShopifyClient({
			shop: shop.url,
			apiVersion: '2026-10',
			credentials: { authentication: 'accessToken', accessToken: shop.accessToken },
			send: nodeHttpSend,
		});
		const reader = new OrdersReader(
			client,
			{ filters: {}, sortKey: 'UPDATED_AT', reverse: false, mode: 'paged', olderThanVisible: 'warn', ...options },
			{ download: httpDownload, pollDelayMs: () => 50 },
		);
		const orders: GqlOrder[] = [];
		for await (const order of reader.orders()) orders.push(order);
		expect(reader.summary.mode).toBe(expectedMode);
		return orders;
	}

	it('gives the same orders, complete and in the same order, as paged mode', async () => {
		const filters = { skipPosOrders: true, createdSince: '2020-01-01' };
		const paged = await read({ mode: 'paged', filters });
		const bulk = await read({ mode: 'bulk', filters });
		expect(paged.length).toBeGreaterThan(300);
		expect(bulk.map((order) => order.id)).toEqual(paged.map((order) => order.id));
		expect(bulk).toEqual(paged);
		expect(Math.max(...bulk.map((order) => order.lineItems.nodes.length))).toBe(300);
		const long = bulk.find((order) => order.lineItems.nodes.length === 300)!;
		expect(new Set(long.lineItems.nodes.map((line) => line.title))).toEqual(new Set(Array.from({ length: 300 }, (_, index) => `Part ${index}`)));
	});

	it('Auto switches to bulk above the threshold', async () => {
		const orders = await read({ mode: 'auto', bulkThreshold: 100 }, 'bulk');
		expect(orders.length).toBeGreaterThan(100);
	});
});

describe('bulk mode through the node', () => {
	let store: OrdersStore;

	beforeAll(async () => {
		store = await startOrdersStore({ seed: { orders: 60, locations: 2, products: 10, seed: 3 }, maximumAvailable: 20_000, restoreRate: 10_000 });
		store.shop.orders.create({ lineItems: Array.from({ length: 300 }, (_, index) => ({ title: `Part ${index}`, quantity: 1, price: '1.25' })) });
	});

	afterAll(async () => {
		await store.close();
	});

	it('returns the same POS-ready items as paged mode, downloading through n8n\'s request helper', async () => {
		const paged = await store.runGetOrders({ returnAll: true, options: { fetchMode: 'paged' } });
		const bulk = await store.runGetOrders({ returnAll: true, options: { fetchMode: 'bulk' } });
		expect(bulk.error).toBeUndefined();
		expect(bulk.json().length).toBeGreaterThan(0);
		expect(bulk.json()).toEqual(paged.json());
		expect(bulk.json().some((order) => (order.lineItems as unknown[]).length === 300)).toBe(true);
		expect(bulk.output().every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
	});
});

describe('10,000 orders through the node', () => {
	let store: OrdersStore;

	beforeAll(async () => {
		store = await startOrdersStore({ seed: { orders: 0, locations: 2, products: 10 }, maximumAvailable: 20_000, restoreRate: 10_000 });
	});

	afterAll(async () => {
		await store.close();
	});

	it('Auto takes the bulk path and returns every order once, in order', async () => {
		const start = Date.parse('2026-11-01T00:00:00Z');
		const placed = Array.from({ length: 10_000 }, (_, index) => {
			const at = new Date(start + index * 1000).toISOString();
			return store.shop.orders.create({ createdAt: at, processedAt: at, updatedAt: at, lineItems: [{ title: 'Tea', quantity: 1, price: '2.00' }] }).id;
		});
		const run = await store.runGetOrders({ returnAll: true, filters: { createdSince: '2026-10-31T00:00:00Z' } });
		expect(run.error).toBeUndefined();
		expect(run.json().map((order) => order.id)).toEqual(placed);
		expect(run.logs.some((line) => line.message.includes('10000 orders (bulk mode'))).toBe(true);
	}, 120_000);
});
