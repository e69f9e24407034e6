import { createHmac } from 'node:crypto';
import { isValidLoyverseSignature } from '../../../../lib/pos/webhooks/loyverseSignature';
import type { PosSimulatorClient } from '../../../../simulator/pos/client';
import { loyverseSignature } from '../../../../simulator/pos/flavours/loyverse/webhookDelivery';
import type { PosSimulator } from '../../../../simulator/pos/posSimulator';
import { ISO_MS, seedShop, startLoyverse, startReceiver, UUID, type Json, type LoyverseApi } from './loyverseKit';

const SECRET = 'loyverse-oauth-client-secret';

describe('Loyverse simulator: webhooks', () => {
	let sim: PosSimulator;
	let api: LoyverseApi;
	let control: PosSimulatorClient;
	let clock: { now: number };
	let receiver: Awaited<ReturnType<typeof startReceiver>>;

	beforeEach(async () => {
		({ sim, api, control, clock } = await startLoyverse());
		receiver = await startReceiver();
	});
	afterEach(async () => {
		await sim.stop();
		await receiver.close();
	});

	const subscribe = (type: string, url = receiver.url) => api.post('/v1.0/webhooks', { url, type, status: 'ENABLED' });
	const bodies = () => receiver.received.map((delivery) => JSON.parse(delivery.body) as Json);
	const hmac = (body: string, encoding: 'hex' | 'base64', secret = SECRET) => createHmac('sha1', secret).update(body).digest(encoding);

	it('signs with HMAC-SHA1 (known answer from openssl dgst -sha1 -hmac, hex and base64), as the package\'s own check accepts', () => {
		const body = '{"merchant_id":"b1c2d3e4","type":"inventory_levels.update","created_at":"2026-11-20T10:00:00.000Z","inventory_levels":[{"variant_id":"0a1b2c3d-var-1","store_id":"5e6f-store-1","in_stock":7,"updated_at":"2026-11-20T09:59:58.000Z"}]}';
		expect(loyverseSignature('loyverse-client-secret-9f3', body, 'hex')).toBe('e64efdba4a4207d114629d72316c6cf61ebf04c0');
		expect(loyverseSignature('loyverse-client-secret-9f3', body, 'base64')).toBe('5k79ukpCB9EUYp1yMWxs9h6/BMA=');
		for (const encoding of ['hex', 'base64'] as const) expect(isValidLoyverseSignature(Buffer.from(body), loyverseSignature('loyverse-client-secret-9f3', body, encoding), 'loyverse-client-secret-9f3')).toBe(true);
	});

	it('subscriptions: create, list, get and delete, in Loyverse\'s shapes', async () => {
		const created = await subscribe('inventory_levels.update');
		expect(created).toMatchObject({ status: 200, json: { merchant_id: sim.loyverse.merchantId, url: receiver.url, type: 'inventory_levels.update', status: 'ENABLED', created_at: '2026-12-06T10:00:00.000Z' } });
		expect(created.json.id).toMatch(UUID);
		expect(created.json).not.toHaveProperty('signingSecret');
		expect((await api.get('/v1.0/webhooks')).json.webhooks).toEqual([created.json]);
		expect((await api.get(`/v1.0/webhooks/${created.json.id as string}`)).json).toEqual(created.json);
		expect(await subscribe('stock.changed')).toMatchObject({ status: 400, json: { errors: [{ code: 'INVALID_VALUE', field: 'type' }] } });
		expect(await api.post('/v1.0/webhooks', { type: 'items.update' })).toMatchObject({ status: 400, json: { errors: [{ code: 'MISSING_REQUIRED_PARAMETER', field: 'url' }] } });
		expect((await api.delete(`/v1.0/webhooks/${created.json.id as string}`)).status).toBe(200);
		expect((await api.get('/v1.0/webhooks')).json.webhooks).toEqual([]);
		expect((await api.delete(`/v1.0/webhooks/${created.json.id as string}`)).status).toBe(404);
	});

	it('subscribed by an OAuth application: X-Loyverse-Signature is HMAC-SHA1 of the raw body with the client secret, hex by default', async () => {
		await control.loyverseSettings({ oauthApp: { clientSecret: SECRET } });
		await subscribe('inventory_levels.update');
		expect((await control.loyverseState()).webhooks).toEqual([expect.objectContaining({ signed: true })]);
		const { small } = await seedShop(control);
		await control.loyverseDeliverWebhooks();
		expect(receiver.received).toHaveLength(1);
		const [delivery] = receiver.received;
		expect(delivery.signature).toBe(hmac(delivery.body, 'hex'));
		expect(bodies()[0]).toMatchObject({ type: 'inventory_levels.update', created_at: expect.stringMatching(ISO_MS), inventory_levels: [{ variant_id: small, in_stock: 10 }, expect.any(Object), expect.any(Object)] });
	});

	it('with signatureEncoding base64 the same HMAC comes base64-encoded', async () => {
		await control.loyverseSettings({ oauthApp: { clientSecret: SECRET }, signatureEncoding: 'base64' });
		await subscribe('items.update');
		await seedShop(control);
		await control.loyverseDeliverWebhooks();
		const [delivery] = receiver.received;
		expect(delivery.signature).toBe(hmac(delivery.body, 'base64'));
		expect(bodies()[0]).toMatchObject({ type: 'items.update', items: [{ item_name: 'T-shirt' }, { item_name: 'Mug' }] });
	});

	it('subscribed with an access token (no OAuth application): unsigned', async () => {
		await subscribe('receipts.update');
		await control.loyverseSettings({ oauthApp: { clientSecret: SECRET } });
		await seedShop(control);
		await control.loyverseRegisterSale({ lines: [{ sku: 'MUG', quantity: 1 }] });
		await control.loyverseDeliverWebhooks();
		expect(receiver.received).toHaveLength(1);
		expect(receiver.received[0].signature).toBeUndefined();
		expect(bodies()[0].receipts[0]).toMatchObject({ receipt_type: 'SALE', source: 'Loyverse POS' });
		expect((await control.loyverseState()).webhooks).toEqual([expect.objectContaining({ signed: false })]);
	});

	it('a delivery not answered 2xx is retried 1, 5, 15, 60 and 180 minutes later on the injected clock, then given up', async () => {
		await subscribe('inventory_levels.update');
		await seedShop(control);
		receiver.answers.push(500, 503);
		expect((await control.loyverseDeliverWebhooks()).attempted).toEqual([expect.objectContaining({ status: 'pending', outcome: 500 })]);
		expect((await control.loyverseDeliverWebhooks()).attempted).toEqual([]);
		clock.now += 60_000;
		expect((await control.loyverseDeliverWebhooks()).attempted).toEqual([expect.objectContaining({ status: 'pending', outcome: 503 })]);
		clock.now += 4 * 60_000;
		expect((await control.loyverseDeliverWebhooks()).attempted).toEqual([]);
		clock.now += 60_000;
		expect((await control.loyverseDeliverWebhooks()).attempted).toEqual([expect.objectContaining({ status: 'delivered', outcome: 200 })]);
		expect(receiver.received.map((delivery) => delivery.body)).toEqual(Array(3).fill(receiver.received[0].body));

		await control.loyverseRecount({ counts: [{ sku: 'MUG', count: 3 }] });
		receiver.answers.push(500, 500, 500, 500, 500, 500);
		for (const minutes of [0, 1, 5, 15, 60, 180]) {
			clock.now += minutes * 60_000;
			expect((await control.loyverseDeliverWebhooks()).attempted).toHaveLength(1);
		}
		const last = (await control.loyverseState()).deliveries.at(-1)!;
		expect(last).toMatchObject({ status: 'gave up', kind: 'genuine' });
		expect(last.attempts).toHaveLength(6);
	});

	it('dropShare 1: nothing is delivered, each webhook marked dropped', async () => {
		await control.loyverseSettings({ dropShare: 1 });
		await subscribe('inventory_levels.update');
		await seedShop(control);
		await control.loyverseDeliverWebhooks();
		expect(receiver.received).toHaveLength(0);
		expect((await control.loyverseState()).deliveries.map((delivery) => delivery.status)).toEqual(['dropped']);
	});

	it('duplicateShare 1: each delivered webhook comes again, same body and signature', async () => {
		await control.loyverseSettings({ duplicateShare: 1, oauthApp: { clientSecret: SECRET } });
		await subscribe('inventory_levels.update');
		await seedShop(control);
		await control.loyverseDeliverWebhooks();
		await control.loyverseDeliverWebhooks();
		expect(receiver.received).toHaveLength(2);
		expect(receiver.received[1]).toEqual(receiver.received[0]);
		expect((await control.loyverseState()).deliveries.map((delivery) => delivery.kind)).toEqual(['genuine', 'duplicate']);
	});

	it('forgeShare 1, signed: a copy with other quantities and a signature that does not verify', async () => {
		await control.loyverseSettings({ forgeShare: 1, oauthApp: { clientSecret: SECRET } });
		await subscribe('inventory_levels.update');
		await seedShop(control);
		await control.loyverseDeliverWebhooks();
		const [genuine, forged] = receiver.received;
		expect(genuine.signature).toBe(hmac(genuine.body, 'hex'));
		expect(forged.signature).not.toBe(hmac(forged.body, 'hex'));
		expect((JSON.parse(forged.body) as Json).inventory_levels[0].in_stock).toBe((JSON.parse(genuine.body) as Json).inventory_levels[0].in_stock + 7);
		expect((await control.loyverseState()).deliveries.map((delivery) => delivery.kind)).toEqual(['genuine', 'forged']);
	});

	it('forgeShare 1, unsigned: the copy goes to the URL with its token replaced', async () => {
		await control.loyverseSettings({ forgeShare: 1 });
		await subscribe('inventory_levels.update', `${receiver.url}?token=secret-in-url`);
		await seedShop(control);
		await control.loyverseDeliverWebhooks();
		expect(receiver.received.map((delivery) => delivery.url)).toEqual(['/webhook/loyverse-pos?token=secret-in-url', '/webhook/loyverse-pos?token=forged-token']);
		expect(receiver.received.map((delivery) => delivery.signature)).toEqual([undefined, undefined]);
	});

	it('the knobs are seeded: the same seed picks the same webhooks', async () => {
		const run = async () => {
			await fetch(`${sim.origin}/_pos/reset`, { method: 'POST' });
			await control.loyverseSettings({ dropShare: 0.5, seed: 42 });
			await subscribe('inventory_levels.update');
			await seedShop(control);
			for (let count = 0; count < 8; count++) await control.loyverseRecount({ counts: [{ sku: 'MUG', count }] });
			return (await control.loyverseState()).deliveries.map((delivery) => delivery.status);
		};
		const first = await run();
		expect(first).toContain('dropped');
		expect(first).toContain('pending');
		expect(await run()).toEqual(first);
	});

	it('settings are checked: shares 0 to 1, a whole seed, booleans, known encodings and names; nothing changes on a refusal', async () => {
		for (const bad of [{ dropShare: 2 }, { seed: 1.5 }, { autoDeliver: 'yes' }, { signatureEncoding: 'HEX' }, { oauthApp: { secret: 'x' } }, { rateLimitWindowSeconds: 0 }, { receiptHistoryDays: 0 }, { dropshare: 0.1 }]) {
			await expect(control.loyverseSettings(bad as never)).rejects.toThrow(/400/);
		}
		expect((await control.loyverseState()).settings).toMatchObject({ dropShare: 0, seed: 1, autoDeliver: false, signatureEncoding: 'hex', oauthApp: null });
		expect(await control.loyverseSettings({ oauthApp: null, receiptHistoryDays: null, forgeShare: 0.25 })).toMatchObject({ oauthApp: null, receiptHistoryDays: null, forgeShare: 0.25 });
	});

	it('autoDeliver sends as soon as a webhook is queued', async () => {
		await control.loyverseSettings({ autoDeliver: true });
		await subscribe('inventory_levels.update');
		await seedShop(control);
		for (let wait = 0; wait < 100 && receiver.received.length === 0; wait++) await new Promise((resolve) => setTimeout(resolve, 20));
		expect(bodies().map((body) => body.type)).toEqual(['inventory_levels.update']);
	});
});
