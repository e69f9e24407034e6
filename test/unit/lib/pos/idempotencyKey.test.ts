import { deriveIdempotencyKey, placeIdempotencyKey } from '../../../../lib/pos/idempotencyKey';

const post = { method: 'POST', path: '/v2/orders', body: '{"a":1}' };

describe('deriveIdempotencyKey', () => {
	it('prefers a key the item carries', () => {
		expect(deriveIdempotencyKey({ idempotencyKey: 'mine', orderId: 1 }, post)).toBe('mine');
	});

	it('derives shopify-<order>-<location> from order and location ids, gids included', () => {
		expect(deriveIdempotencyKey({ orderId: 'gid://shopify/Order/1001', locationId: 'gid://shopify/Location/7' }, post)).toBe('shopify-1001-7');
		expect(deriveIdempotencyKey({ id: 1001 }, post)).toBe('shopify-1001');
		expect(deriveIdempotencyKey({ order: { id: 'gid://shopify/Order/5' }, location: { id: 9 } }, post)).toBe('shopify-5-9');
	});

	it('falls back to a hash of the request, stable for identical requests', () => {
		const key = deriveIdempotencyKey({ sku: 'A' }, post);
		expect(key).toMatch(/^sha256-[0-9a-f]{40}$/);
		expect(deriveIdempotencyKey({ sku: 'B' }, post)).toBe(key);
		expect(deriveIdempotencyKey({ sku: 'A' }, { ...post, body: '{"a":2}' })).not.toBe(key);
	});
});

describe('placeIdempotencyKey', () => {
	it('puts the key in a header', () => {
		expect(placeIdempotencyKey({ in: 'header', name: 'Idempotency-Key' }, 'k1', { A: 'b' }, undefined)).toEqual({
			headers: { A: 'b', 'Idempotency-Key': 'k1' },
			body: undefined,
			key: 'k1',
		});
	});

	it('keeps a key the workflow already set', () => {
		expect(placeIdempotencyKey({ in: 'header', name: 'Idempotency-Key' }, 'k1', { 'idempotency-key': 'set' }, undefined).key).toBe('set');
		expect(placeIdempotencyKey({ in: 'body', path: 'idempotency_key' }, 'k1', {}, { idempotency_key: 'set' }).key).toBe('set');
	});

	it('writes a dotted body path without mutating the input', () => {
		const body = { order: { location_id: 'L' } };
		const placed = placeIdempotencyKey({ in: 'body', path: 'order.externalId' }, 'k1', {}, body);
		expect(placed.body).toEqual({ order: { location_id: 'L', externalId: 'k1' } });
		expect(body).toEqual({ order: { location_id: 'L' } });
		expect(placeIdempotencyKey({ in: 'body', path: 'request_id' }, 'k1', {}, {}).body).toEqual({ request_id: 'k1' });
	});

	it('explains what is wrong', () => {
		expect(() => placeIdempotencyKey({ in: 'body', path: 'idempotency_key' }, 'k', {}, undefined)).toThrow('no JSON object body');
		expect(() => placeIdempotencyKey({ in: 'body', path: 'order.x' }, 'k', {}, { order: 'str' })).toThrow('"order" in the body is not an object');
		expect(() => placeIdempotencyKey({ in: 'body', path: 'a..b' }, 'k', {}, {})).toThrow('not a dotted path');
		expect(placeIdempotencyKey({ in: 'none' }, 'k', {}, {}).key).toBeUndefined();
	});
});

/**
 * Known answers: the key a POS already holds for an order must come out the same after an upgrade, or a
 * replayed order is created a second time. The hash was computed outside this code:
 * `printf '%s' 'POST /v2/orders\n{"a":1}' | sha256sum` (with a real newline), first 40 hex digits.
 */
describe('deriveIdempotencyKey recipes (known answers)', () => {
	it.each<[string, Record<string, unknown>, string]>([
		['an order gid and a location gid', { orderId: 'gid://shopify/Order/820982911946154508', locationId: 'gid://shopify/Location/655441491' }, 'shopify-820982911946154508-655441491'],
		['a POS-ready order without a location', { orderId: 'gid://shopify/Order/450789469' }, 'shopify-450789469'],
		['a REST webhook order', { admin_graphql_api_id: 'gid://shopify/Order/450789469', id: 450789469 }, 'shopify-450789469'],
		['a carried key, trimmed', { idempotencyKey: '  sale-77  ', orderId: 1 }, 'sale-77'],
		['nothing to name the order by', { sku: 'A' }, 'sha256-33cf0991e980b08c377dd86763110ef8f7f81fbe'],
	])('%s', (_name, json, expected) => {
		expect(deriveIdempotencyKey(json, post)).toBe(expected);
	});
});
