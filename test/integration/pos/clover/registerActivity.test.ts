import type { PosSimulatorClient } from '../../../../simulator/pos/client';
import type { PosSimulator } from '../../../../simulator/pos/posSimulator';
import { startClover, startReceiver, type CloverApi, type Json } from './cloverKit';

describe('Clover simulator: the shop\'s own activity', () => {
	let sim: PosSimulator;
	let api: CloverApi;
	let control: PosSimulatorClient;
	let merchant: string;
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	let tee: string;
	let mug: string;
	const stock = async (itemId: string) => (await api.get(`/v3/merchants/${merchant}/item_stocks/${itemId}`)).json.quantity as number;
	/** The events of every message received so far, in order. */
	const events = () => receiver.received.flatMap((message) => (message.json.merchants?.[merchant] ?? []) as Json[]).map((event) => `${event.objectId} ${event.type}`);

	beforeEach(async () => {
		({ sim, api, control, merchant } = await startClover());
		receiver = await startReceiver();
		[{ id: tee }, { id: mug }] = await control.cloverItems([
			{ name: 'Tee', sku: 'TEE-1', price: 2500, stock: 10 },
			{ name: 'Mug', sku: 'MUG-1', price: 1200, stock: 4 },
		]);
		await control.cloverWebhook(receiver.url);
		await control.cloverVerifyWebhook(receiver.received[0].json.verificationCode);
		receiver.received.length = 0;
	});
	afterEach(async () => {
		await sim.stop();
		await receiver.close();
	});

	it('a register sale is a paid order, one line a unit; stock goes down; O: CREATE and I: UPDATE, ids only', async () => {
		const order = await control.cloverRegisterSale([{ sku: 'TEE-1', quantity: 2 }, { itemId: mug, quantity: 0.5 }]);
		expect(order).toMatchObject({ state: 'locked', paymentState: 'PAID', total: 5600 });
		expect(order.lineItems.elements.map((line: Json) => [line.item.id, line.unitQty])).toEqual([[tee, undefined], [tee, undefined], [mug, 500]]);
		expect([await stock(tee), await stock(mug)]).toEqual([8, 3.5]);
		await control.cloverDeliverWebhooks();
		expect(receiver.received).toHaveLength(1);
		expect(events()).toEqual([`O:${order.id} CREATE`, `I:${tee} UPDATE`, `I:${mug} UPDATE`]);
		expect(Object.keys(receiver.received[0].json.merchants[merchant][0]).sort()).toEqual(['objectId', 'ts', 'type']);
	});

	it('without "Update item count after each sale" a sale leaves stock alone', async () => {
		await control.cloverSettings({ updateStockOnSale: false });
		await control.cloverRegisterSale([{ sku: 'TEE-1', quantity: 1 }]);
		expect(await stock(tee)).toBe(10);
		await control.cloverDeliverWebhooks();
		expect(events()).toHaveLength(1);
	});

	it('a refund marks lines refunded and brings their stock back', async () => {
		const order = await control.cloverRegisterSale([{ sku: 'TEE-1', quantity: 3 }]);
		const [first] = order.lineItems.elements as Json[];
		const partly = await control.cloverRegisterRefund(order.id, [first.id]);
		expect(partly.paymentState).toBe('PARTIALLY_REFUNDED');
		expect(partly.lineItems.elements.map((line: Json) => line.refunded)).toEqual([true, false, false]);
		expect(await stock(tee)).toBe(8);
		const all = await control.cloverRegisterRefund(order.id);
		expect(all.paymentState).toBe('REFUNDED');
		expect(await stock(tee)).toBe(10);
		await expect(control.cloverRegisterRefund(order.id, ['NOSUCHLINE123'])).rejects.toThrow(/400/);
		await control.cloverDeliverWebhooks();
		expect(events().filter((event) => event.startsWith('O:'))).toEqual([`O:${order.id} CREATE`, `O:${order.id} UPDATE`, `O:${order.id} UPDATE`]);
	});

	it('a recount sets absolute quantities and sends I: UPDATE (IS: or both with itemStockEvents)', async () => {
		expect(await control.cloverRecount([{ sku: 'MUG-1', quantity: 12 }])).toEqual([expect.objectContaining({ item: { id: mug }, quantity: 12 })]);
		await control.cloverSettings({ itemStockEvents: 'IS' });
		await control.cloverRecount([{ itemId: tee, quantity: 1 }]);
		await control.cloverSettings({ itemStockEvents: 'both' });
		await api.post(`/v3/merchants/${merchant}/item_stocks/${tee}`, { quantity: 2 });
		await control.cloverDeliverWebhooks();
		expect(events()).toEqual([`I:${mug} UPDATE`, `IS:${tee} UPDATE`, `I:${tee} UPDATE`, `IS:${tee} UPDATE`]);
		await expect(control.cloverRecount([{ sku: 'NOPE', quantity: 1 }])).rejects.toThrow(/400/);
		expect((await control.cloverState()).stocks).toEqual(expect.arrayContaining([expect.objectContaining({ item: { id: tee }, quantity: 2 })]));
	});
});
