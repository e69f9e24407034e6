import type { PosSimulator } from '../../../../simulator/pos/posSimulator';
import { expectSquareContract, startSquare, type Json, type SquareApi } from './squareKit';

const SQUARE_ID = /^[A-Z2-7]{24}$/;

describe('Square simulator: catalog', () => {
	let sim: PosSimulator;
	let api: SquareApi;

	beforeEach(async () => {
		({ sim, api } = await startSquare());
		sim.square.catalog.seed(
			Array.from({ length: 300 }, (_, index) => ({ name: `Shirt ${index}`, variations: [{ name: 'M', sku: `SKU-${index}`, priceAmount: 1000 + index }] })),
		);
	});
	afterEach(async () => {
		expectSquareContract(sim);
		await sim.stop();
	});

	const skuQuery = (values: string[]) => ({ object_types: ['ITEM_VARIATION'], query: { set_query: { attribute_name: 'sku', attribute_values: values } } });

	it('set_query finds up to 250 SKUs in one call, case-insensitively, with Square-shaped ids', async () => {
		const wanted = Array.from({ length: 250 }, (_, index) => (index % 2 ? `sku-${index}` : `SKU-${index}`));
		const reply = await api.post('/v2/catalog/search', skuQuery(wanted));
		expect(reply.status).toBe(200);
		const objects = reply.json.objects as Json[];
		expect(objects).toHaveLength(250);
		expect(objects.map((object) => object.item_variation_data.sku)).toEqual(Array.from({ length: 250 }, (_, index) => `SKU-${index}`));
		for (const object of objects) {
			expect(object).toMatchObject({ type: 'ITEM_VARIATION', item_variation_data: { track_inventory: true, price_money: { currency: 'USD' } } });
			expect(object.id).toMatch(SQUARE_ID);
			expect(object.item_variation_data.item_id).toMatch(SQUARE_ID);
		}
		expect(reply.json.cursor).toBeUndefined();
	});

	it('refuses 251 values, naming the field', async () => {
		const reply = await api.post('/v2/catalog/search', skuQuery(Array.from({ length: 251 }, (_, index) => `SKU-${index}`)));
		expect(reply.status).toBe(400);
		expect(reply.json.errors[0]).toMatchObject({ category: 'INVALID_REQUEST_ERROR', field: 'query.set_query.attribute_values' });
		expect(reply.json.errors[0].detail).toContain('250');
	});

	it('SKUs that differ only in case both match one search value', async () => {
		sim.square.catalog.seed([{ name: 'Cap', variations: [{ sku: 'cap-1' }, { sku: 'CAP-1' }, { sku: 'CAP-10' }] }]);
		const reply = await api.post('/v2/catalog/search', skuQuery(['Cap-1']));
		expect((reply.json.objects as Json[]).map((object) => object.item_variation_data.sku)).toEqual(['cap-1', 'CAP-1']);
	});

	it('exact_query matches case-insensitively and, as Square documents, partially ("sma" finds "Small")', async () => {
		sim.square.catalog.seed([{ name: 'Sock', variations: [{ sku: 'SOCK-RED' }, { sku: 'SOCK-RED-XL' }, { sku: 'RED-SOCK' }] }]);
		const reply = await api.post('/v2/catalog/search', { object_types: ['ITEM_VARIATION'], query: { exact_query: { attribute_name: 'sku', attribute_value: 'sock-red' } } });
		expect((reply.json.objects as Json[]).map((object) => object.item_variation_data.sku)).toEqual(['SOCK-RED', 'SOCK-RED-XL']);
	});

	it('without ITEM_VARIATION in object_types a SKU search finds nothing (top-level types only)', async () => {
		const reply = await api.post('/v2/catalog/search', { query: { set_query: { attribute_name: 'sku', attribute_values: ['SKU-1'] } } });
		expect(reply.status).toBe(200);
		expect(reply.json.objects).toEqual([]);
	});

	it('pages with cursor and limit, and refuses a cursor sent with another query', async () => {
		const { items, pages } = await api.allPages('/v2/catalog/search', { object_types: ['ITEM_VARIATION'], limit: 100 }, 'objects');
		expect(pages).toBe(3);
		expect(new Set(items.map((object) => object.id)).size).toBe(300);
		const first = await api.post('/v2/catalog/search', { object_types: ['ITEM_VARIATION'], limit: 100 });
		const foreign = await api.post('/v2/catalog/search', { object_types: ['ITEM'], limit: 100, cursor: first.json.cursor });
		expect(foreign.status).toBe(400);
		expect(foreign.json.errors[0]).toMatchObject({ code: 'INVALID_CURSOR', field: 'cursor' });
	});

	it('items, retrieved in a batch or one by one, carry their variations; related_objects name the parent item', async () => {
		const [tee] = sim.square.catalog.seed([{ name: 'Tee', variations: [{ name: 'S', sku: 'TEE-S', priceAmount: 2500 }, { name: 'L', sku: 'TEE-L' }] }]);
		const variationIds = (tee.item_data as Json).variations.map((variation: Json) => variation.id);
		const batch = await api.post('/v2/catalog/batch-retrieve', { object_ids: [...variationIds, 'NOPE'], include_related_objects: true });
		expect((batch.json.objects as Json[]).map((object) => object.id)).toEqual(variationIds);
		expect((batch.json.related_objects as Json[]).map((object) => object.id)).toEqual([tee.id]);
		expect(batch.json.objects[1].item_variation_data).toMatchObject({ pricing_type: 'VARIABLE_PRICING' });
		const item = await api.get(`/v2/catalog/object/${tee.id as string}`);
		expect(item.json.object).toMatchObject({ type: 'ITEM', item_data: { name: 'Tee', variations: [{ id: variationIds[0] }, { id: variationIds[1] }] } });
		const missing = await api.get('/v2/catalog/object/NOPE');
		expect(missing.status).toBe(404);
		expect(missing.json.errors[0]).toMatchObject({ code: 'NOT_FOUND' });
	});
});
