import { bodyHashId } from '../../../../../lib/pos/webhooks/bodyHash';
import { parseDeliveryBody, UnreadableBodyError } from '../../../../../lib/pos/webhooks/deliveryBody';
import { valueAtPath } from '../../../../../lib/pos/webhooks/jsonPath';
import type { PosPreset, PosTriggerSettings } from '../../../../../lib/pos/webhooks/presets';
import { readPosEvent } from '../../../../../lib/pos/webhooks/readPosEvent';

const RECEIVED_AT = '2026-11-20T12:00:00.000Z';

function settings(preset: PosPreset, eventIdPath = '', eventTypePath = ''): PosTriggerSettings {
	return {
		preset,
		signedUrls: [],
		loyverseAuthentication: 'signature',
		tokenQueryParameter: 'token',
		tokenHeaderName: 'x-webhook-token',
		genericHmac: { headerName: 'x-signature', algorithm: 'sha256', encoding: 'hex', prefix: '', signedContent: 'body' },
		acceptUnauthenticated: true,
		eventPaths: { eventIdPath, eventTypePath },
	};
}

function read(preset: PosPreset, body: string, contentType = 'application/json', paths: [string, string] = ['', '']) {
	return readPosEvent(Buffer.from(body), contentType, settings(preset, ...paths), RECEIVED_AT);
}

describe('Square events', () => {
	// Shapes from https://developer.squareup.com/docs/inventory-api/webhooks and the order.updated reference.
	const inventory = {
		merchant_id: 'MLSQ1',
		type: 'inventory.count.updated',
		event_id: '6a8f5f28-54a1-4eb0-a98a-3111513fd4fc',
		created_at: '2026-11-20T10:00:01.123456789Z',
		data: {
			type: 'inventory_counts',
			id: '84f3c5d2',
			object: {
				inventory_counts: [
					{ calculated_at: '2026-11-20T10:00:00.9Z', catalog_object_id: 'VAR-TEE-S', catalog_object_type: 'ITEM_VARIATION', location_id: 'L1', quantity: '19', state: 'IN_STOCK' },
					{ calculated_at: '2026-11-20T10:00:00.9Z', catalog_object_id: 'VAR-TEE-S', catalog_object_type: 'ITEM_VARIATION', location_id: 'L1', quantity: '3', state: 'SOLD' },
					{ calculated_at: '2026-11-20T10:00:00.9Z', catalog_object_id: 'VAR-MUG', catalog_object_type: 'ITEM_VARIATION', location_id: 'L1', quantity: '1.5', state: 'IN_STOCK' },
				],
			},
		},
	};

	it('inventory.count.updated: event id, counts as stock levels with numeric quantities, the location they share', () => {
		const event = read('square', JSON.stringify(inventory));
		expect(event).toEqual({
			vendor: 'square',
			eventId: '6a8f5f28-54a1-4eb0-a98a-3111513fd4fc',
			eventType: 'inventory.count.updated',
			occurredAt: '2026-11-20T10:00:01.123Z',
			merchantId: 'MLSQ1',
			locationId: 'L1',
			objectIds: ['VAR-TEE-S', 'VAR-MUG'],
			stockLevels: [
				{ itemId: 'VAR-TEE-S', locationId: 'L1', state: 'IN_STOCK', quantity: 19, calculatedAt: '2026-11-20T10:00:00.9Z' },
				{ itemId: 'VAR-TEE-S', locationId: 'L1', state: 'SOLD', quantity: 3, calculatedAt: '2026-11-20T10:00:00.9Z' },
				{ itemId: 'VAR-MUG', locationId: 'L1', state: 'IN_STOCK', quantity: 1.5, calculatedAt: '2026-11-20T10:00:00.9Z' },
			],
			body: inventory,
		});
	});

	it('names no location when the counts span two', () => {
		const twoLocations = structuredClone(inventory);
		twoLocations.data.object.inventory_counts[2].location_id = 'L2';
		expect(read('square', JSON.stringify(twoLocations)).locationId).toBeNull();
	});

	it('order.updated: the order id and its location, no stock levels', () => {
		const order = {
			merchant_id: 'MLSQ1',
			type: 'order.updated',
			event_id: 'e-2',
			created_at: '2026-11-20T10:05:00Z',
			data: { type: 'order_updated', id: 'ORDER-1', object: { order_updated: { order_id: 'ORDER-1', location_id: 'L1', state: 'COMPLETED', version: 3 } } },
		};
		const event = read('square', JSON.stringify(order));
		expect(event).toMatchObject({ eventId: 'e-2', eventType: 'order.updated', locationId: 'L1', objectIds: ['ORDER-1'], occurredAt: '2026-11-20T10:05:00.000Z' });
		expect(event).not.toHaveProperty('stockLevels');
	});

	it('without an event_id, falls back to a hash of the verified body', () => {
		const body = JSON.stringify({ type: 'x', data: {} });
		expect(read('square', body).eventId).toBe(bodyHashId(body));
	});
});

describe('Loyverse events', () => {
	it('inventory_levels.update: levels per variant and store, no event id so the body hash', () => {
		const body = JSON.stringify({
			merchant_id: 'M1',
			type: 'inventory_levels.update',
			created_at: '2026-11-20T10:00:00.000Z',
			inventory_levels: [{ variant_id: 'V1', store_id: 'S1', in_stock: 7, updated_at: '2026-11-20T09:59:58.000Z' }],
		});
		expect(read('loyverse', body)).toMatchObject({
			vendor: 'loyverse',
			eventId: bodyHashId(body),
			eventType: 'inventory_levels.update',
			merchantId: 'M1',
			locationId: 'S1',
			objectIds: ['V1'],
			stockLevels: [{ itemId: 'V1', locationId: 'S1', state: 'in_stock', quantity: 7, calculatedAt: '2026-11-20T09:59:58.000Z' }],
		});
	});

	it('receipts.update: receipt numbers as object ids', () => {
		const body = JSON.stringify({ merchant_id: 'M1', type: 'receipts.update', created_at: '2026-11-20T10:00:00Z', receipts: [{ receipt_number: '1-1001', store_id: 'S1', line_items: [] }] });
		const event = read('loyverse', body);
		expect(event).toMatchObject({ objectIds: ['1-1001'], locationId: 'S1' });
		expect(event).not.toHaveProperty('stockLevels');
	});
});

describe('Clover events', () => {
	it('ids only: every objectId, the kinds as prefix:type, the latest ts, one merchant', () => {
		const body = JSON.stringify({
			appId: 'APP1',
			merchants: { MERCH1234567A: [{ objectId: 'I:ITEM1', type: 'UPDATE', ts: 1795000000000 }, { objectId: 'O:ORD1', type: 'CREATE', ts: 1795000001000 }] },
		});
		expect(read('clover', body)).toMatchObject({
			vendor: 'clover',
			eventId: bodyHashId(body),
			eventType: 'I:UPDATE,O:CREATE',
			occurredAt: new Date(1795000001000).toISOString(),
			merchantId: 'MERCH1234567A',
			objectIds: ['I:ITEM1', 'O:ORD1'],
		});
	});

	it('names no merchant when one message covers two', () => {
		const body = JSON.stringify({ appId: 'A', merchants: { M1: [{ objectId: 'I:1', type: 'UPDATE', ts: 1 }], M2: [{ objectId: 'I:2', type: 'UPDATE', ts: 2 }] } });
		expect(read('clover', body).merchantId).toBeNull();
	});
});

describe('Lightspeed X events (form-encoded payload)', () => {
	const payload = JSON.stringify({ id: 'inv-1', product_id: 'prod-1', outlet_id: 'out-1', count: 4 });
	const form = new URLSearchParams({ type: 'inventory.update', domain_prefix: 'myshop', payload }).toString();

	it('parses the payload field and keeps the other fields', () => {
		const event = read('lightspeedX', form, 'application/x-www-form-urlencoded; charset=UTF-8');
		expect(event).toMatchObject({
			vendor: 'lightspeedX',
			eventType: 'inventory.update',
			locationId: 'out-1',
			objectIds: ['inv-1'],
			occurredAt: RECEIVED_AT,
			body: { type: 'inventory.update', domain_prefix: 'myshop', payload: { id: 'inv-1', product_id: 'prod-1', outlet_id: 'out-1', count: 4 } },
		});
	});

	it('recognises a repeat by its payload even when the fields around it differ', () => {
		const again = new URLSearchParams({ type: 'inventory.update', domain_prefix: 'myshop', retry: '2', payload }).toString();
		const first = read('lightspeedX', form, 'application/x-www-form-urlencoded');
		expect(read('lightspeedX', again, 'application/x-www-form-urlencoded').eventId).toBe(first.eventId);
		const other = new URLSearchParams({ type: 'inventory.update', payload: payload.replace('"count":4', '"count":3') }).toString();
		expect(read('lightspeedX', other, 'application/x-www-form-urlencoded').eventId).not.toBe(first.eventId);
	});

	it('refuses a payload that is not JSON, naming the field', () => {
		expect(() => read('lightspeedX', 'payload=%7Bnot-json', 'application/x-www-form-urlencoded')).toThrow(/"payload" form field/);
	});
});

describe('Generic events', () => {
	it('takes the event id and type from the configured paths', () => {
		const event = read('genericHmac', JSON.stringify({ event: { id: 'evt-9', kind: 'sale' } }), 'application/json', ['event.id', 'event.kind']);
		expect(event).toMatchObject({ vendor: 'generic', eventId: 'evt-9', eventType: 'sale', objectIds: [], merchantId: null, occurredAt: RECEIVED_AT });
	});

	it('falls back to a hash of the body when the id is not there', () => {
		const body = JSON.stringify({ other: 1 });
		expect(read('none', body, 'application/json', ['event.id', 'type']).eventId).toBe(bodyHashId(body));
	});
});

describe('body parsing', () => {
	it('refuses an empty or non-JSON body with a reason', () => {
		expect(() => parseDeliveryBody(Buffer.from(''), 'application/json')).toThrow(UnreadableBodyError);
		expect(() => parseDeliveryBody(Buffer.from('<xml/>'), undefined)).toThrow('The body is not valid JSON.');
	});

	it('reads JSON paths with dots and indexes', () => {
		const root = { a: { b: [{ c: 'x' }] } };
		expect(valueAtPath(root, 'a.b[0].c')).toBe('x');
		expect(valueAtPath(root, '$.a.b.0.c')).toBe('x');
		expect(valueAtPath(root, 'a.z.c')).toBeUndefined();
		expect(valueAtPath(root, '')).toBeUndefined();
	});
});
