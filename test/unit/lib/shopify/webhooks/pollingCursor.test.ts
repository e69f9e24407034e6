import { advanceCursor, pollWindowStart, updatedSinceSearch } from '../../../../../lib/shopify/webhooks/pollingCursor';
import { webhookAddressProblem } from '../../../../../lib/shopify/webhooks/webhookAddress';

describe('polling cursor', () => {
	it('starts each poll an overlap window before the cursor', () => {
		expect(pollWindowStart('2026-11-20T10:00:00.000Z', 5 * 60_000)).toBe('2026-11-20T09:55:00.000Z');
	});

	it('advances to the newest processed update, whatever the offsets, and never backwards', () => {
		const cursor = '2026-11-20T10:00:00.000Z';
		expect(advanceCursor(cursor, ['2026-11-20T05:30:00-05:00', '2026-11-20T10:10:00Z'])).toBe('2026-11-20T10:30:00.000Z');
		expect(advanceCursor(cursor, ['2026-11-20T09:00:00Z'])).toBe(cursor);
		expect(advanceCursor(cursor, [])).toBe(cursor);
	});

	it('builds Shopify search syntax with an optional extra search', () => {
		expect(updatedSinceSearch('2026-11-20T09:55:00.000Z')).toBe("updated_at:>='2026-11-20T09:55:00.000Z'");
		expect(updatedSinceSearch('2026-11-20T09:55:00.000Z', 'financial_status:paid')).toBe(
			"updated_at:>='2026-11-20T09:55:00.000Z' AND (financial_status:paid)",
		);
	});
});

describe('webhookAddressProblem', () => {
	it.each([
		'http://n8n.example.com/webhook/x',
		'https://localhost:5678/webhook/x',
		'https://127.0.0.1/webhook/x',
		'https://192.168.1.20/webhook/x',
		'https://10.0.0.5/webhook/x',
		'https://172.20.1.1/webhook/x',
		'https://n8n/webhook/x',
		'https://n8n.local/webhook/x',
		'not a url',
	])('explains why Shopify cannot deliver to %s', (uri) => {
		expect(webhookAddressProblem(uri, false)).toMatch(/WEBHOOK_URL/);
	});

	it('accepts a public HTTPS address, and anything for a local simulator', () => {
		expect(webhookAddressProblem('https://n8n.example.com/webhook/x', false)).toBeUndefined();
		expect(webhookAddressProblem('https://172.32.0.1/webhook/x', false)).toBeUndefined();
		expect(webhookAddressProblem('http://127.0.0.1:5678/webhook/x', true)).toBeUndefined();
	});
});
