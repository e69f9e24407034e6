import type { PosSimulatorClient } from '../../../../simulator/pos/client';
import type { PosSimulator } from '../../../../simulator/pos/posSimulator';
import { startClover, startReceiver, type CloverApi, type Json } from './cloverKit';

describe('Clover simulator: webhooks', () => {
	let sim: PosSimulator;
	let api: CloverApi;
	let control: PosSimulatorClient;
	let clock: { now: number };
	let merchant: string;
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	let tee: string;
	const setStock = (quantity: number) => api.post(`/v3/merchants/${merchant}/item_stocks/${tee}`, { quantity });

	beforeEach(async () => {
		({ sim, api, control, clock, merchant } = await startClover());
		receiver = await startReceiver();
		[{ id: tee }] = await control.cloverItems([{ name: 'Tee', sku: 'TEE-1', price: 2500, stock: 10 }]);
	});
	afterEach(async () => {
		await sim.stop();
		await receiver.close();
	});

	async function verified(): Promise<string> {
		await control.cloverWebhook(receiver.url);
		const { authCode } = await control.cloverVerifyWebhook(receiver.received[0].json.verificationCode);
		receiver.received.length = 0;
		return authCode;
	}

	it('verification: a code is POSTed without auth; nothing is sent until it is confirmed; then X-Clover-Auth on every message', async () => {
		const set = await control.cloverWebhook(receiver.url);
		expect(set).toEqual({ url: receiver.url, verified: false, verificationOutcome: 200 });
		expect(receiver.received).toEqual([{ json: { verificationCode: expect.stringMatching(/^[0-9a-f-]{36}$/) }, auth: undefined }]);
		await setStock(5);
		await control.cloverDeliverWebhooks();
		expect(receiver.received).toHaveLength(1);
		await expect(control.cloverVerifyWebhook('not-the-code')).rejects.toThrow(/400/);
		const { authCode } = await control.cloverVerifyWebhook(receiver.received[0].json.verificationCode);
		expect((await control.cloverState()).webhook).toEqual({ appId: expect.any(String), url: receiver.url, verified: true, authCode });
		await setStock(6);
		await control.cloverRegisterSale([{ sku: 'TEE-1', quantity: 1 }]);
		await control.cloverDeliverWebhooks();
		await setStock(7);
		await control.cloverDeliverWebhooks();
		const messages = receiver.received.slice(1);
		expect(messages.map((message) => message.auth)).toEqual([authCode, authCode]);
		expect(messages[0].json).toEqual({ appId: expect.any(String), merchants: { [merchant]: [
			{ objectId: `I:${tee}`, type: 'UPDATE', ts: clock.now },
			{ objectId: expect.stringMatching(/^O:[A-Z0-9]{13}$/), type: 'CREATE', ts: clock.now },
			{ objectId: `I:${tee}`, type: 'UPDATE', ts: clock.now },
		] } });
		expect(messages[1].json.merchants[merchant]).toEqual([{ objectId: `I:${tee}`, type: 'UPDATE', ts: clock.now }]);
	});

	it('a message not answered 2xx is retried on the schedule, on the injected clock', async () => {
		await verified();
		receiver.answers.push(500, 503);
		await setStock(1);
		await control.cloverDeliverWebhooks();
		await control.cloverDeliverWebhooks();
		expect(receiver.received).toHaveLength(1);
		clock.now += 60_000;
		await control.cloverDeliverWebhooks();
		expect(receiver.received).toHaveLength(2);
		clock.now += 4 * 60_000;
		await control.cloverDeliverWebhooks();
		expect(receiver.received).toHaveLength(2);
		clock.now += 60_000;
		await control.cloverDeliverWebhooks();
		expect(receiver.received).toHaveLength(3);
		const [delivery] = (await control.cloverState()).deliveries.filter((candidate) => candidate.kind === 'genuine');
		expect(delivery).toMatchObject({ status: 'delivered', attempts: [{ outcome: 500 }, { outcome: 503 }, { outcome: 200 }] });
		expect(new Set(receiver.received.map((message) => JSON.stringify(message.json))).size).toBe(1);
	});

	it('gives up when the schedule is used up (retryScheduleMinutes: [] = no retry)', async () => {
		await verified();
		await control.cloverSettings({ retryScheduleMinutes: [] });
		receiver.answers.push(500);
		await setStock(1);
		await control.cloverDeliverWebhooks();
		clock.now += 3_600_000;
		await control.cloverDeliverWebhooks();
		expect(receiver.received).toHaveLength(1);
		expect((await control.cloverState()).deliveries.at(-1)).toMatchObject({ status: 'gave up' });
	});

	it('drops, duplicates and forges as the seeded knobs say, the same every run, and marks them in the log', async () => {
		const run = async () => {
			await control.reset();
			receiver.received.length = 0;
			[{ id: tee }] = await control.cloverItems([{ name: 'Tee', sku: 'TEE-1', price: 2500 }]);
			const authCode = await verified();
			await control.cloverSettings({ dropShare: 0.3, duplicateShare: 0.3, forgeShare: 0.3, seed: 7 });
			for (let n = 0; n < 20; n++) {
				await setStock(n);
				await control.cloverDeliverWebhooks();
			}
			await control.cloverDeliverWebhooks();
			return { authCode, received: receiver.received.map((message) => ({ ...message })), deliveries: (await control.cloverState()).deliveries };
		};
		const first = await run();
		const kinds = (status: string, kind: string) => first.deliveries.filter((delivery) => delivery.status === status && delivery.kind === kind).length;
		expect(kinds('dropped', 'genuine')).toBeGreaterThan(0);
		expect(kinds('delivered', 'duplicate')).toBeGreaterThan(0);
		expect(kinds('delivered', 'forged')).toBeGreaterThan(0);
		const forged = first.received.filter((message) => message.auth !== first.authCode);
		expect(forged).toHaveLength(kinds('delivered', 'forged'));
		for (const message of forged) expect(message.json.merchants[merchant]).toEqual([{ objectId: expect.not.stringContaining(tee), type: 'UPDATE', ts: expect.any(Number) }]);
		const genuine = first.received.filter((message) => message.auth === first.authCode);
		expect(genuine).toHaveLength(20 - kinds('dropped', 'genuine') + kinds('delivered', 'duplicate'));
		const second = await run();
		expect(second.deliveries.map((delivery) => `${delivery.kind} ${delivery.status}`)).toEqual(first.deliveries.map((delivery) => `${delivery.kind} ${delivery.status}`));
	});

	it('autoDeliver sends without being asked (for a running n8n), several events in one message', async () => {
		const authCode = await verified();
		await control.cloverSettings({ autoDeliver: true });
		await control.cloverRegisterSale([{ sku: 'TEE-1', quantity: 1 }]);
		for (let waited = 0; receiver.received.length === 0 && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
		expect(receiver.received).toHaveLength(1);
		expect(receiver.received[0].auth).toBe(authCode);
		expect((receiver.received[0].json as Json).merchants[merchant]).toHaveLength(2);
	});
});
