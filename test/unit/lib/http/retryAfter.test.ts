import { retryAfterMs } from '../../../../lib/http/retryAfter';

describe('retryAfterMs', () => {
	const now = Date.parse('2026-11-26T10:00:00Z');

	it.each([
		['120', 120_000],
		[' 0 ', 0],
		['1.5', 1500],
		// Shopify's form.
		['2.0', 2000],
		// Rounded up: never sooner than asked.
		['0.0004', 1],
	])('reads delay-seconds %j as %j ms', (header, expected) => {
		expect(retryAfterMs(header, now)).toBe(expected);
	});

	it('reads an HTTP date relative to the injected clock, never negative', () => {
		expect(retryAfterMs('Thu, 26 Nov 2026 10:00:07 GMT', now)).toBe(7000);
		expect(retryAfterMs('Thu, 26 Nov 2026 09:59:00 GMT', now)).toBe(0);
	});

	it.each([[undefined], [''], ['-5'], ['soon'], ['1e3'], ['12:00']])('ignores %j, which it cannot read', (header) => {
		expect(retryAfterMs(header, now)).toBeUndefined();
	});
});
