import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serialization, WebhooksHelper } from 'square';
import { squareSignature } from '../../../../simulator/pos/flavours/square/webhookDelivery';
import type { PosSimulator } from '../../../../simulator/pos/posSimulator';
import { expectSquareContract, inventoryAdjustment, startSquare, type Json, type SquareApi } from './squareKit';

interface Received {
	body: string;
	signature: string;
}

/** A webhook receiver: records each delivery and answers the next queued status (200 when none is queued). */
async function startReceiver(): Promise<{ url: string; received: Received[]; answers: number[]; arrived: (count: number) => Promise<void>; close(): Promise<void> }> {
	const received: Received[] = [];
	const answers: number[] = [];
	const waiting: Array<{ count: number; resolve: () => void }> = [];
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: String(request.headers['x-square-hmacsha256-signature']) });
			response.writeHead(answers.shift() ?? 200).end();
			for (const waiter of waiting.filter((candidate) => received.length >= candidate.count)) waiter.resolve();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/square-pos`;
	/** Resolves once `count` deliveries have arrived: the test waits for an event, not for time. */
	const arrived = (count: number) => new Promise<void>((resolve) => (received.length >= count ? resolve() : waiting.push({ count, resolve })));
	return { url, received, answers, arrived, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const strict = { unrecognizedObjectKeys: 'fail' as const };
const KEY = 'whsec-simulated-signature-key';

describe('Square simulator: webhooks', () => {
	let sim: PosSimulator;
	let api: SquareApi;
	let clock: { now: number };
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	let main: string;
	let tee: string;

	beforeEach(async () => {
		({ sim, api, clock } = await startSquare());
		receiver = await startReceiver();
		[main] = sim.square.locations.seed([{ name: 'Shop' }]).map((location) => location.id);
		const [item] = sim.square.catalog.seed([{ name: 'Tee', variations: [{ sku: 'TEE', priceAmount: 2500 }] }]);
		tee = (item.item_data as Json).variations[0].id;
		sim.square.webhooks.subscribe({ id: 'wbhk_1', url: receiver.url, signatureKey: KEY });
	});
	afterEach(async () => {
		expectSquareContract(sim);
		await sim.stop();
		await receiver.close();
	});

	const verified = (delivery: Received) => WebhooksHelper.verifySignature({ requestBody: delivery.body, signatureHeader: delivery.signature, signatureKey: KEY, notificationUrl: receiver.url });
	const events = () => receiver.received.map((delivery) => JSON.parse(delivery.body) as Json);

	it('signs Square\'s way: the known answer from the square-nodejs-sdk test suite', () => {
		const body = '{"merchant_id":"MLEFBHHSJGVHD","type":"webhooks.test_notification","event_id":"ac3ac95b-f97d-458c-a6e6-18981597e05f","created_at":"2022-07-13T20:30:59.037339943Z","data":{"type":"webhooks","id":"bc368e64-01aa-407e-b46e-3231809b1129"}}';
		expect(squareSignature('Ibxx_5AKakO-3qeNVR61Dw', 'https://webhook.site/679a4f3a-dcfa-49ee-bac5-9d0edad886b9', body)).toBe('GF4YkrJgGBDZ9NIYbNXBnMzqb2HoL4RW/S6vkZ9/2N4=');
		expect(squareSignature('signature-key', 'https://webhook.site/webhooks', '{"data":{"type":"webhooks","id":">id<"}}')).toBe('Cxt7+aTi4rKgcA0bC4g9EHdVtLSDWdqccmL5MvihU4U=');
	});

	it('a register sale sends order.created, order.updated and inventory.count.updated, signed as the SDK verifies', async () => {
		await sim.square.applyInventory([{ type: 'PHYSICAL_COUNT', physical_count: { catalog_object_id: tee, location_id: main, state: 'IN_STOCK', quantity: '12', occurred_at: '2026-12-01T08:00:00Z' } }], { product: 'DASHBOARD' });
		const sale = await fetch(`${sim.origin}/_pos/square/register/sale`, { method: 'POST', body: JSON.stringify({ location_id: main, lines: [{ catalog_object_id: tee, quantity: 3 }] }) });
		const { order } = (await sale.json()) as { order: Json };
		expect(order).toMatchObject({ state: 'COMPLETED', source: { name: 'Square Point of Sale' }, tenders: [{ type: 'CARD' }] });
		expect(receiver.received).toHaveLength(0);
		await sim.square.webhooks.deliverDue();
		expect(events().map((event) => event.type)).toEqual(['inventory.count.updated', 'order.created', 'inventory.count.updated', 'order.updated']);
		for (const delivery of receiver.received) expect(await verified(delivery)).toBe(true);
		const [, created, sold, updated] = events();
		expect(serialization.OrderCreatedEvent.parse(created, strict).ok).toBe(true);
		expect(created.data).toMatchObject({ type: 'order_created', id: order.id, object: { order_created: { order_id: order.id, state: 'OPEN', version: 1, location_id: main } } });
		expect(serialization.InventoryCountUpdatedEvent.parse(sold, strict).ok).toBe(true);
		expect(sold).toMatchObject({ merchant_id: sim.square.merchantId, data: { type: 'inventory_counts', object: { inventory_counts: [{ catalog_object_id: tee, catalog_object_type: 'ITEM_VARIATION', state: 'IN_STOCK', location_id: main, quantity: '9' }] } } });
		expect(updated.data.object.order_updated).toMatchObject({ state: 'COMPLETED', version: 2 });
		expect(new Set(events().map((event) => event.event_id)).size).toBe(4);
		const changes = await api.post('/v2/inventory/changes/batch-retrieve', { types: ['ADJUSTMENT'] });
		expect(changes.json.changes[0].adjustment).toMatchObject({ transaction_id: order.id, source: { product: 'SQUARE_POS' } });
	});

	it('retries a failed delivery on Square\'s schedule (1, 2, 4 minutes), driven by the clock, and stops at 2xx', async () => {
		receiver.answers.push(500, 503, 302);
		await api.post('/v2/inventory/changes/batch-create', { idempotency_key: 'k', changes: [inventoryAdjustment(tee, main, '4', 'NONE', 'IN_STOCK')] });
		const attempt = async (advanceMs: number) => {
			clock.now += advanceMs;
			return (await sim.square.webhooks.deliverDue()).length;
		};
		expect(await attempt(0)).toBe(1);
		expect(await attempt(59_999)).toBe(0);
		expect(await attempt(1)).toBe(1);
		expect(await attempt(119_999)).toBe(0);
		expect(await attempt(1)).toBe(1);
		expect(await attempt(240_000)).toBe(1);
		expect(await attempt(3_600_000)).toBe(0);
		expect(receiver.received).toHaveLength(4);
		expect(new Set(receiver.received.map((delivery) => delivery.body)).size).toBe(1);
		expect(sim.square.webhooks.deliveries()[0]).toMatchObject({ status: 'delivered', attempts: [{ outcome: 500 }, { outcome: 503 }, { outcome: 302 }, { outcome: 200 }] });
	});

	it('gives up 72 hours after the event', async () => {
		await api.post('/v2/inventory/changes/batch-create', { idempotency_key: 'k', changes: [inventoryAdjustment(tee, main, '1', 'NONE', 'IN_STOCK')] });
		receiver.answers.push(...Array.from({ length: 200 }, () => 500));
		for (let hour = 0; hour < 80; hour++) {
			await sim.square.webhooks.deliverDue();
			clock.now += 3_600_000;
		}
		const [delivery] = sim.square.webhooks.deliveries();
		expect(delivery.status).toBe('gave up');
		expect(delivery.attempts.length).toBeGreaterThan(70);
		expect(delivery.attempts.at(-1)!.at - delivery.eventAt).toBeLessThanOrEqual(72 * 3_600_000);
	});

	it('knobs: duplicates carry the same event and a valid signature; forgeries fail the SDK check; drops are seeded', async () => {
		sim.square.webhooks.configure({ duplicateShare: 1, forgeShare: 1, seed: 7 });
		await api.post('/v2/inventory/changes/batch-create', { idempotency_key: 'k', changes: [inventoryAdjustment(tee, main, '2', 'NONE', 'IN_STOCK')] });
		await sim.square.webhooks.deliverDue();
		await sim.square.webhooks.deliverDue();
		const kinds = sim.square.webhooks.deliveries().map((delivery) => delivery.kind);
		expect(kinds).toEqual(['genuine', 'forged', 'duplicate']);
		const [genuine, forged, duplicate] = receiver.received;
		expect(await verified(genuine)).toBe(true);
		expect(await verified(duplicate)).toBe(true);
		expect(duplicate.body).toBe(genuine.body);
		expect(await verified(forged)).toBe(false);
		expect(JSON.parse(forged.body).data.object.inventory_counts[0].quantity).toBe('9999');

		const dropped = async (seed: number) => {
			await sim.stop();
			({ sim, api } = await startSquare());
			[main] = sim.square.locations.seed([{ name: 'Shop' }]).map((location) => location.id);
			const [item] = sim.square.catalog.seed([{ name: 'Tee', variations: [{ sku: 'TEE' }] }]);
			sim.square.webhooks.subscribe({ id: 'w', url: receiver.url, signatureKey: KEY });
			sim.square.webhooks.configure({ dropShare: 0.1, seed });
			for (let index = 0; index < 100; index++) {
				await api.post('/v2/inventory/changes/batch-create', { idempotency_key: `d${index}`, changes: [inventoryAdjustment((item.item_data as Json).variations[0].id, main, '1', 'NONE', 'IN_STOCK')] });
			}
			return sim.square.webhooks.deliveries().filter((delivery) => delivery.status === 'dropped').map((delivery) => delivery.id);
		};
		const first = await dropped(42);
		expect(first.length).toBeGreaterThan(3);
		expect(first.length).toBeLessThan(20);
		expect(await dropped(42)).toEqual(first);
	});

	it('autoDeliver sends an event as it happens, without a call to deliverDue', async () => {
		sim.square.webhooks.configure({ autoDeliver: true });
		await api.post('/v2/inventory/changes/batch-create', { idempotency_key: 'auto', changes: [inventoryAdjustment(tee, main, '3', 'NONE', 'IN_STOCK')] });
		await receiver.arrived(1);
		expect(await verified(receiver.received[0])).toBe(true);
		expect(events()[0].data.object.inventory_counts[0]).toMatchObject({ catalog_object_id: tee, quantity: '3' });
		// deliverDue() queues behind the delivery in flight, so its status is settled afterwards.
		expect(await sim.square.webhooks.deliverDue()).toEqual([]);
		expect(sim.square.webhooks.deliveries()[0].status).toBe('delivered');
	});

	it('a bulk change sends at most 100 counts a notification', async () => {
		const items = sim.square.catalog.seed(Array.from({ length: 150 }, (_, index) => ({ name: `P${index}`, variations: [{ sku: `P${index}` }] })));
		const ids = items.map((item) => (item.item_data as Json).variations[0].id as string);
		await api.post('/v2/inventory/changes/batch-create', { idempotency_key: 'a', changes: ids.slice(0, 100).map((id) => inventoryAdjustment(id, main, '1', 'NONE', 'IN_STOCK')) });
		await api.post('/v2/inventory/changes/batch-create', { idempotency_key: 'b', changes: ids.slice(100).map((id) => inventoryAdjustment(id, main, '1', 'NONE', 'IN_STOCK')) });
		sim.square.applyInventory(ids.slice(0, 100).map((id) => inventoryAdjustment(id, main, '1', 'IN_STOCK', 'WASTE')), { product: 'DASHBOARD' });
		await sim.square.webhooks.deliverDue();
		expect(events().map((event) => event.data.object.inventory_counts.length)).toEqual([100, 50, 100, 100]);
	});
});
