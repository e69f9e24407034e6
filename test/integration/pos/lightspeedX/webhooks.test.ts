import type { PosSimulatorClient } from '../../../../simulator/pos/client';
import type { PosSimulator } from '../../../../simulator/pos/posSimulator';
import { saleBody, setup, startLightspeed, startReceiver, type Json, type LightspeedApi } from './lightspeedKit';

describe('Lightspeed X-Series simulator: webhooks', () => {
	let sim: PosSimulator;
	let api: LightspeedApi;
	let control: PosSimulatorClient;
	let clock: { now: number };
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	let tee: Json;

	beforeEach(async () => {
		({ sim, api, control, clock } = await startLightspeed());
		receiver = await startReceiver();
		[tee] = await control.lightspeedProducts([{ sku: 'TEE', name: 'Tee', price: 25, stock: 10 }]);
	});
	afterEach(async () => {
		await sim.stop();
		await receiver.close();
	});

	const subscribe = (type: 'sale.update' | 'inventory.update' | 'product.update') => control.lightspeedSubscribe({ url: receiver.url, type });
	const deliveries = () => sim.lightspeed.webhooks.deliveries();

	it('posts form-urlencoded: payload (the 1.0 object as JSON), type, retailer_id, domain_prefix; no signature', async () => {
		await subscribe('sale.update');
		await subscribe('inventory.update');
		const ids = setup(sim);
		const sale = (await api.post('/api/2026-04/sales', saleBody(ids, [[tee.id, 2, '25', '3.75']], '57.50', { invoice_number: 'SHOP-1' }))).json.data as Json;
		expect(receiver.received).toHaveLength(0);
		const { attempted } = await control.lightspeedDeliverWebhooks();
		expect(attempted.map((delivery) => [delivery.type, delivery.kind, delivery.status, delivery.outcome])).toEqual([
			['sale.update', 'genuine', 'delivered', 200],
			['inventory.update', 'genuine', 'delivered', 200],
		]);
		const [saleUpdate, inventoryUpdate] = receiver.received;
		expect(saleUpdate.contentType).toBe('application/x-www-form-urlencoded');
		expect(saleUpdate.url).toBe('/webhook/lightspeed?token=s3cret');
		expect([...saleUpdate.form.keys()]).toEqual(['payload', 'type', 'retailer_id', 'domain_prefix']);
		expect(saleUpdate.form.get('type')).toBe('sale.update');
		expect(saleUpdate.form.get('retailer_id')).toBe(sim.lightspeed.retailerId);
		expect(saleUpdate.form.get('domain_prefix')).toBe(sim.lightspeed.domainPrefix);
		expect(saleUpdate.payload).toEqual({
			id: sale.id,
			register_id: ids.online,
			user_id: ids.sync,
			outlet_id: ids.outlet,
			status: 'CLOSED',
			invoice_number: 'SHOP-1',
			note: '',
			sale_date: '2026-12-01 10:00:00',
			register_sale_products: [{ id: sale.line_items[0].id, product_id: tee.id, quantity: 2, price: 25, tax: 3.75, tax_id: ids.gst }],
			register_sale_payments: [{ id: sale.payments[0].id, retailer_payment_type_id: ids.shopify, amount: 57.5 }],
			totals: { total_price: 50, total_tax: 7.5, total_payment: 57.5 },
		});
		const record = ((await api.get(`/api/2.0/products/${tee.id}/inventory`)).json.data as Json[])[0];
		expect(inventoryUpdate.payload).toEqual({ id: record.id, product_id: tee.id, outlet_id: ids.outlet, count: 8, version: record.version });
	});

	it('product.update for a product set up in the back office', async () => {
		await subscribe('product.update');
		await control.lightspeedProducts([{ sku: 'MUG', name: 'Mug', price: 12, stock: 4 }]);
		await control.lightspeedDeliverWebhooks();
		expect(receiver.received[0].payload).toMatchObject({ sku: 'MUG', name: 'Mug', price: 12, inventory: [{ outlet_id: setup(sim).outlet, outlet_name: 'Main Outlet', count: 4 }] });
	});

	it('retries a delivery not answered 2xx on the injected clock (1, 2, 4 minutes…), then stops', async () => {
		await subscribe('inventory.update');
		receiver.answers.push(500, 503, 302);
		await control.lightspeedStocktake({ counts: [{ sku: 'TEE', count: 4 }] });
		const attempt = async (advanceMs: number) => {
			clock.now += advanceMs;
			return (await sim.lightspeed.webhooks.deliverDue()).length;
		};
		expect(await attempt(0)).toBe(1);
		expect(await attempt(59_999)).toBe(0);
		expect(await attempt(1)).toBe(1);
		expect(await attempt(119_999)).toBe(0);
		expect(await attempt(1)).toBe(1);
		expect(await attempt(240_000)).toBe(1);
		expect(await attempt(3_600_000)).toBe(0);
		expect(new Set(receiver.received.map((delivery) => delivery.form.toString())).size).toBe(1);
		expect(deliveries()[0]).toMatchObject({ status: 'delivered', attempts: [{ outcome: 500 }, { outcome: 503 }, { outcome: 302 }, { outcome: 200 }] });
	});

	it('gives up after 20 retries, within 48 hours of the event', async () => {
		await subscribe('inventory.update');
		receiver.answers.push(...Array.from({ length: 50 }, () => 500));
		await control.lightspeedStocktake({ counts: [{ sku: 'TEE', count: 4 }] });
		for (let minute = 0; minute <= 50 * 60; minute += 30) {
			await sim.lightspeed.webhooks.deliverDue();
			clock.now += 30 * 60_000;
		}
		const [delivery] = deliveries();
		expect(delivery.status).toBe('gave up');
		expect(delivery.attempts).toHaveLength(21);
		expect(delivery.attempts.at(-1)!.at - delivery.eventAt).toBeLessThan(48 * 3_600_000);
	});

	it('knobs: a duplicate is identical; a forgery has other quantities and a wrong token; both are recorded', async () => {
		await subscribe('inventory.update');
		await control.lightspeedWebhookSettings({ duplicateShare: 1, forgeShare: 1, seed: 7 });
		await control.lightspeedStocktake({ counts: [{ sku: 'TEE', count: 4 }] });
		await control.lightspeedDeliverWebhooks();
		expect(deliveries().map((delivery) => [delivery.kind, delivery.forged, delivery.status])).toEqual([
			['genuine', false, 'delivered'],
			['forged', true, 'delivered'],
			['duplicate', false, 'delivered'],
		]);
		const [genuine, forged, duplicate] = receiver.received;
		expect(duplicate.form.toString()).toBe(genuine.form.toString());
		expect(duplicate.url).toBe(genuine.url);
		expect(forged.url).toMatch(/^\/webhook\/lightspeed\?token=/);
		expect(new URL(forged.url, 'http://x').searchParams.get('token')).not.toBe('s3cret');
		expect(forged.payload).toMatchObject({ product_id: tee.id, count: 9999 });
		expect(genuine.payload.count).toBe(4);
	});

	it('deleting the webhooks cancels what is still pending; bad settings are refused', async () => {
		await subscribe('inventory.update');
		await control.lightspeedStocktake({ counts: [{ sku: 'TEE', count: 4 }] });
		await control.lightspeedClearWebhooks();
		expect(await control.lightspeedDeliverWebhooks()).toEqual({ attempted: [] });
		expect(deliveries().map((delivery) => delivery.status)).toEqual(['cancelled']);
		await expect(control.lightspeedWebhookSettings({ dropShare: 2 })).rejects.toThrow(/dropShare: must be a number from 0 to 1/);
		await expect(control.lightspeedWebhookSettings({ autoDeliver: 'yes' as unknown as boolean })).rejects.toThrow(/autoDeliver/);
	});

	it('drops are seeded: the same seed drops the same deliveries', async () => {
		await subscribe('inventory.update');
		const dropped = async (seed: number) => {
			await control.reset();
			[tee] = await control.lightspeedProducts([{ sku: 'TEE', name: 'Tee', price: 25 }]);
			await subscribe('inventory.update');
			await control.lightspeedWebhookSettings({ dropShare: 0.1, seed });
			for (let count = 0; count < 100; count++) await control.lightspeedStocktake({ counts: [{ sku: 'TEE', count }] });
			const state = await control.lightspeedState();
			return state.deliveries.filter((delivery) => delivery.dropped && delivery.status === 'dropped').map((delivery) => delivery.id);
		};
		const first = await dropped(42);
		expect(first.length).toBeGreaterThan(3);
		expect(first.length).toBeLessThan(20);
		expect(await dropped(42)).toEqual(first);
		await control.lightspeedDeliverWebhooks();
		expect(receiver.received).toHaveLength(100 - first.length);
	});

	it('autoDeliver sends an event as it happens; subscriptions can be listed and cleared', async () => {
		await subscribe('sale.update');
		expect((await control.lightspeedWebhooks()).map((webhook) => webhook.type)).toEqual(['sale.update']);
		await control.lightspeedWebhookSettings({ autoDeliver: true });
		const sale = await control.lightspeedRegisterSale({ lines: [{ sku: 'TEE', quantity: 1 }] });
		await receiver.arrived(1);
		expect(receiver.received[0].payload).toMatchObject({ id: sale.id, status: 'CLOSED' });
		await control.lightspeedClearWebhooks();
		expect(await control.lightspeedWebhooks()).toEqual([]);
		await control.lightspeedRegisterSale({ lines: [{ sku: 'TEE', quantity: 1 }] });
		expect(await sim.lightspeed.webhooks.deliverDue()).toEqual([]);
		expect(receiver.received).toHaveLength(1);
		await expect(control.lightspeedSubscribe({ url: receiver.url, type: 'customer.update' as 'sale.update' })).rejects.toThrow(/type: must be one of/);
	});
});
