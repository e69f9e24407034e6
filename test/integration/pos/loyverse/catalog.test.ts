import type { PosSimulatorClient } from '../../../../simulator/pos/client';
import type { PosSimulator } from '../../../../simulator/pos/posSimulator';
import { ISO_MS, seedShop, startLoyverse, UUID, type Json, type LoyverseApi } from './loyverseKit';

describe('Loyverse simulator: stores, payment types, items and variants', () => {
	let sim: PosSimulator;
	let api: LoyverseApi;
	let control: PosSimulatorClient;
	let shop: Awaited<ReturnType<typeof seedShop>>;

	beforeEach(async () => {
		({ sim, api, control } = await startLoyverse());
		shop = await seedShop(control);
	});
	afterEach(() => sim.stop());

	it('one store, "Main store", and the Cash and Shopify payment types, with UUIDs and ISO times', async () => {
		const stores = await api.get('/v1.0/stores');
		expect(stores.status).toBe(200);
		expect(stores.json.stores).toEqual([expect.objectContaining({ name: 'Main store', deleted_at: null })]);
		expect(stores.json.stores[0].id).toMatch(UUID);
		expect(stores.json.stores[0].created_at).toMatch(ISO_MS);
		const types = await api.get('/v1.0/payment_types');
		expect(types.json.payment_types.map(({ name, type }: Json) => ({ name, type }))).toEqual([
			{ name: 'Cash', type: 'CASH' },
			{ name: 'Shopify', type: 'OTHER' },
		]);
		for (const paymentType of types.json.payment_types) expect(paymentType.id).toMatch(UUID);
	});

	it('a variant by SKU: exact and case-sensitive, none for an unknown SKU', async () => {
		const found = await api.get('/v1.0/variants?sku=TEE-L');
		expect(found.status).toBe(200);
		expect(found.json.variants).toEqual([
			expect.objectContaining({ variant_id: shop.large, item_id: shop.tee.id, sku: 'TEE-L', option1_value: 'L', default_price: 22.5, deleted_at: null, stores: [expect.objectContaining({ store_id: sim.loyverse.stores.main().id, price: 22.5, available_for_sale: true })] }),
		]);
		expect(found.json.variants[0].variant_id).toMatch(UUID);
		expect(found.json.cursor).toBeUndefined();
		expect((await api.get('/v1.0/variants?sku=tee-l')).json.variants).toEqual([]);
		expect((await api.get('/v1.0/variants?sku=TEE')).json.variants).toEqual([]);
		expect((await api.get('/v1.0/variants?sku=NOPE')).json).toEqual({ variants: [] });
	});

	it('with skuCaseInsensitive, a SKU in other case finds the variant', async () => {
		await control.loyverseSettings({ skuCaseInsensitive: true });
		expect((await api.get('/v1.0/variants?sku=tee-l')).json.variants.map((variant: Json) => variant.variant_id)).toEqual([shop.large]);
	});

	it('a deleted variant is not listed (nor found by SKU) unless show_deleted=true; its item keeps the others', async () => {
		const item = await control.loyverseDelete(shop.small);
		expect(item.deleted_at).toBeNull();
		expect((await api.get('/v1.0/variants?sku=TEE-S')).json.variants).toEqual([]);
		expect((await api.get('/v1.0/variants?sku=TEE-S&show_deleted=true')).json.variants).toEqual([expect.objectContaining({ variant_id: shop.small, deleted_at: expect.stringMatching(ISO_MS) })]);
		const items = (await api.get('/v1.0/items')).json.items as Json[];
		expect(items.find((candidate) => candidate.id === shop.tee.id)!.variants.map((variant: Json) => variant.sku)).toEqual(['TEE-L']);
		await control.loyverseDelete(shop.mug.id);
		expect(((await api.get('/v1.0/items')).json.items as Json[]).map((candidate) => candidate.item_name)).toEqual(['T-shirt']);
		expect((await api.get(`/v1.0/variants?variants_ids=${shop.cup}`)).json.variants).toEqual([]);
	});

	it('variants by ids and by item ids; items with their variants embedded', async () => {
		const byIds = await api.get(`/v1.0/variants?variants_ids=${shop.cup},${shop.small}`);
		expect(byIds.json.variants.map((variant: Json) => variant.sku)).toEqual(['TEE-S', 'MUG']);
		expect((await api.get(`/v1.0/variants?items_ids=${shop.tee.id}`)).json.variants.map((variant: Json) => variant.sku)).toEqual(['TEE-S', 'TEE-L']);
		const items = await api.get('/v1.0/items');
		expect(items.json.items).toEqual([
			expect.objectContaining({ id: shop.tee.id, item_name: 'T-shirt', deleted_at: null, variants: [expect.objectContaining({ sku: 'TEE-S' }), expect.objectContaining({ sku: 'TEE-L' })] }),
			expect.objectContaining({ id: shop.mug.id, item_name: 'Mug', variants: [expect.objectContaining({ sku: 'MUG', barcode: '4006381333931' })] }),
		]);
		expect((await api.get(`/v1.0/items/${shop.mug.id}`)).json.item_name).toBe('Mug');
		expect((await api.get(`/v1.0/variants/${shop.cup}`)).json.sku).toBe('MUG');
	});

	it('pages variants and items with limit and cursor, no variant twice or missed; limit defaults to 50', async () => {
		await control.loyverseItems(Array.from({ length: 60 }, (_, index) => ({ name: `Item ${index}`, variants: [{ sku: `SKU-${index}`, price: 1 }] })));
		const first = await api.get('/v1.0/variants');
		expect(first.json.variants).toHaveLength(50);
		expect(typeof first.json.cursor).toBe('string');
		const { items, pages } = await api.allPages('/v1.0/variants', 'variants', 7);
		expect(pages).toBe(9);
		expect(new Set(items.map((variant) => variant.variant_id)).size).toBe(63);
		const itemPages = await api.allPages('/v1.0/items', 'items', 25);
		expect(itemPages.items).toHaveLength(62);
		expect(itemPages.pages).toBe(3);
	});

	it('a variant filter by updated_at_min, and refusals in Loyverse\'s error envelope', async () => {
		expect((await api.get('/v1.0/variants?updated_at_min=2026-12-06T10:00:00.001Z')).json.variants).toEqual([]);
		expect((await api.get('/v1.0/variants?updated_at_min=2026-12-06T10:00:00Z')).json.variants).toHaveLength(3);
		const badTime = await api.get('/v1.0/variants?updated_at_min=yesterday');
		expect(badTime).toMatchObject({ status: 400, json: { errors: [{ code: 'INVALID_VALUE', field: 'updated_at_min' }] } });
		expect(await api.get('/v1.0/variants?limit=ten')).toMatchObject({ status: 400, json: { errors: [{ code: 'INCORRECT_VALUE_TYPE', field: 'limit' }] } });
		expect(await api.get('/v1.0/variants?cursor=garbage')).toMatchObject({ status: 400, json: { errors: [{ code: 'INVALID_VALUE', field: 'cursor' }] } });
		expect(await api.get('/v1.0/variants/00000000-0000-4000-8000-000000000000')).toMatchObject({ status: 404, json: { errors: [{ code: 'NOT_FOUND' }] } });
		expect(await api.get('/v1.0/customers')).toMatchObject({ status: 404, json: { errors: [{ code: 'NOT_FOUND' }] } });
	});

	it('reset forgets the items and brings back the same store and payment type ids', async () => {
		const store = sim.loyverse.stores.main().id;
		const before = (await control.state()).loyverse;
		expect(before.items).toHaveLength(2);
		await fetch(`${sim.origin}/_pos/reset`, { method: 'POST' });
		const after = await control.loyverseState();
		expect(after.items).toEqual([]);
		expect(after.stores[0].id).toBe(store);
		expect(after.paymentTypes.map((type) => type.id)).toEqual(before.paymentTypes.map((type) => type.id));
	});
});
