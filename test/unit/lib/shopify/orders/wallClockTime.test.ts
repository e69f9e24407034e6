import { instantInZone } from '../../../../../lib/shopify/orders/wallClockTime';

describe('instantInZone', () => {
	it('reads a picker value in the workflow\'s time zone', () => {
		expect(instantInZone('2026-11-20T00:00:00', 'Europe/Berlin')).toBe('2026-11-19T23:00:00.000Z');
		expect(instantInZone('2026-07-01T00:00:00', 'Europe/Berlin')).toBe('2026-06-30T22:00:00.000Z');
		expect(instantInZone('2026-11-20', 'America/New_York')).toBe('2026-11-20T05:00:00.000Z');
		expect(instantInZone('2026-11-20 08:30', 'Asia/Kolkata')).toBe('2026-11-20T03:00:00.000Z');
		expect(instantInZone('2026-11-20T00:00:00.250', 'UTC')).toBe('2026-11-20T00:00:00.250Z');
	});

	it('keeps values that carry their own offset', () => {
		expect(instantInZone('2026-11-20T00:00:00Z', 'Europe/Berlin')).toBe('2026-11-20T00:00:00Z');
		expect(instantInZone('2026-11-20T00:00:00+05:30', 'Europe/Berlin')).toBe('2026-11-20T00:00:00+05:30');
	});

	it('lands on the right side of a daylight-saving change', () => {
		// Berlin switches to summer time at 2026-03-29 02:00 local.
		expect(instantInZone('2026-03-29T01:30:00', 'Europe/Berlin')).toBe('2026-03-29T00:30:00.000Z');
		expect(instantInZone('2026-03-29T03:30:00', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
	});

	it('leaves anything else for the caller to report', () => {
		expect(instantInZone('last tuesday', 'Europe/Berlin')).toBe('last tuesday');
		expect(instantInZone('2026-11-20T00:00:00', 'Not/AZone')).toBe('2026-11-20T00:00:00');
		expect(instantInZone('2026-11-20T00:00:00', undefined)).toBe('2026-11-20T00:00:00');
	});
});
