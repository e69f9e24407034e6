import type { PosSimulatorClient } from '../../../../simulator/pos/client';
import type { PosSimulator } from '../../../../simulator/pos/posSimulator';
import { level, seedShop, startLoyverse, type Json, type LoyverseApi } from './loyverseKit';

describe('Loyverse simulator: the shop\'s own activity (register sales, refunds, recounts)', () => {
	let sim: PosSimulator;
	let api: LoyverseApi;
	let control: PosSimulatorClient;
	let clock: { now: number };
	let shop: Awaited<ReturnType<typeof seedShop>>;
	let main: string;

	beforeEach(async () => {
		({ sim, api, control, clock } = await startLoyverse());
		shop = await seedShop(control);
		main = sim.loyverse.stores.main().id;
		for (const type of ['receipts.update', 'inventory_levels.update']) await api.post('/v1.0/webhooks', { url: `http://127.0.0.1:9/${type}`, type, status: 'ENABLED' });
	});
	afterEach(() => sim.stop());

	const queued = () => sim.loyverse.webhooks.deliveries().map((delivery) => JSON.parse(delivery.body) as Json);

	it('a register sale: a SALE receipt from the Loyverse POS app, paid cash at the store\'s prices, stock down, both webhooks queued', async () => {
		clock.now += 1000;
		const receipt = await control.loyverseRegisterSale({ lines: [{ sku: 'TEE-S', quantity: 2 }, { variantId: shop.cup, quantity: 1 }] });
		expect(receipt).toMatchObject({
			receipt_number: '1-1001',
			receipt_type: 'SALE',
			source: 'Loyverse POS',
			store_id: main,
			pos_device_id: sim.loyverse.posDeviceId,
			total_money: 48,
			line_items: [{ sku: 'TEE-S', quantity: 2, price: 20, total_money: 40 }, { sku: 'MUG', quantity: 1, price: 8 }],
			payments: [{ name: 'Cash', type: 'CASH', money_amount: 48 }],
		});
		expect([level(sim, shop.small), level(sim, shop.cup)]).toEqual([8, -1]);
		expect(queued().map((body) => body.type)).toEqual(['receipts.update', 'inventory_levels.update']);
		expect(queued()[1].inventory_levels).toEqual([
			{ variant_id: shop.small, store_id: main, in_stock: 8, updated_at: '2026-12-06T10:00:01.000Z' },
			{ variant_id: shop.cup, store_id: main, in_stock: -1, updated_at: '2026-12-06T10:00:01.000Z' },
		]);
		expect((await api.get('/v1.0/receipts?source=Loyverse%20POS')).json.receipts.map((entry: Json) => entry.receipt_number)).toEqual(['1-1001']);
		expect(sim.store.orders).toHaveLength(0);
	});

	it('a refund: a REFUND receipt naming the sale, stock back; a partial refund first, then the rest, then nothing left', async () => {
		const sale = await control.loyverseRegisterSale({ lines: [{ sku: 'TEE-S', quantity: 3 }, { sku: 'TEE-L', quantity: 1 }] });
		expect([level(sim, shop.small), level(sim, shop.large)]).toEqual([7, 3]);
		const partial = await control.loyverseRegisterRefund({ receiptNumber: sale.receipt_number as string, lines: [{ sku: 'TEE-S', quantity: 1 }] });
		expect(partial).toMatchObject({ receipt_type: 'REFUND', refund_for: sale.receipt_number, source: 'Loyverse POS', total_money: 20, line_items: [{ sku: 'TEE-S', quantity: 1, price: 20 }], payments: [{ type: 'CASH', money_amount: 20 }] });
		expect(level(sim, shop.small)).toBe(8);
		await expect(control.loyverseRegisterRefund({ receiptNumber: sale.receipt_number as string, lines: [{ sku: 'TEE-S', quantity: 3 }] })).rejects.toThrow(/400.*At most 2/);
		const rest = await control.loyverseRegisterRefund({ receiptNumber: sale.receipt_number as string });
		expect(rest.line_items.map((line: Json) => [line.sku, line.quantity])).toEqual([['TEE-S', 2], ['TEE-L', 1]]);
		expect([level(sim, shop.small), level(sim, shop.large)]).toEqual([10, 4]);
		await expect(control.loyverseRegisterRefund({ receiptNumber: sale.receipt_number as string })).rejects.toThrow(/400/);
		await expect(control.loyverseRegisterRefund({ receiptNumber: '1-9999' })).rejects.toThrow(/404/);
		expect(queued().filter((body) => body.type === 'receipts.update')).toHaveLength(3);
	});

	it('a recount sets absolute counts at a store and queues inventory_levels.update', async () => {
		const [annex] = await control.loyverseStores([{ name: 'Annex' }]);
		const levels = await control.loyverseRecount({ counts: [{ sku: 'TEE-L', count: 11 }, { variantId: shop.cup, count: 2 }] });
		expect(levels.map((entry) => [entry.variant_id, entry.in_stock])).toEqual([[shop.large, 11], [shop.cup, 2]]);
		await control.loyverseRecount({ counts: [{ sku: 'TEE-L', count: 5 }], storeId: annex.id as string });
		expect([level(sim, shop.large), level(sim, shop.large, annex.id as string)]).toEqual([11, 5]);
		expect(queued().map((body) => body.inventory_levels.length)).toEqual([2, 1]);
		await expect(control.loyverseRecount({ counts: [{ sku: 'NOPE', count: 1 }] })).rejects.toThrow(/404/);
		await expect(control.loyverseRecount({ counts: [{ sku: 'MUG', count: 1 }], storeId: 'elsewhere' })).rejects.toThrow(/404/);
	});

	it('a sale at another store moves that store\'s stock; an unknown SKU refuses the whole sale', async () => {
		const [annex] = await control.loyverseStores([{ name: 'Annex' }]);
		await control.loyverseRegisterSale({ lines: [{ sku: 'MUG', quantity: 2 }], storeId: annex.id as string });
		expect([level(sim, shop.cup), level(sim, shop.cup, annex.id as string)]).toEqual([0, -2]);
		await expect(control.loyverseRegisterSale({ lines: [{ sku: 'TEE-S', quantity: 1 }, { sku: 'tee-l', quantity: 1 }] })).rejects.toThrow(/404.*lines\[1\]/);
		expect(level(sim, shop.small)).toBe(10);
	});
});
