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
