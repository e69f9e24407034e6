import { parseRetryAfter } from '../../../../lib/pos/retryAfter';

describe('parseRetryAfter', () => {
	const now = Date.parse('2026-11-26T10:00:00Z');

	it('reads delay-seconds', () => {
		expect(parseRetryAfter('120', now)).toBe(120_000);
		expect(parseRetryAfter(' 0 ', now)).toBe(0);
		expect(parseRetryAfter('1.5', now)).toBe(1500);
	});

	it('reads an HTTP date relative to the injected clock', () => {
		expect(parseRetryAfter('Thu, 26 Nov 2026 10:00:07 GMT', now)).toBe(7000);
		expect(parseRetryAfter('Thu, 26 Nov 2026 09:59:00 GMT', now)).toBe(0);
	});

	it('ignores what it cannot read', () => {
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
		expect(parseRetryAfter('', now)).toBeUndefined();
		expect(parseRetryAfter('-5', now)).toBeUndefined();
		expect(parseRetryAfter('soon', now)).toBeUndefined();
	});
});
