import { decideRetry, DEFAULT_RETRY_POLICY, parseStatusList, type RetryPolicy } from '../../../../lib/pos/retryPolicy';

const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 4, maxTotalWaitMs: 10_000, initialDelayMs: 1000, maxDelayMs: 4000 };
const context = { attempt: 1, waitedMs: 0, nowMs: Date.parse('2026-11-26T10:00:00Z'), random: 0.5, safeToRepeat: true };

describe('parseStatusList', () => {
	it('matches codes and classes', () => {
		const match = parseStatusList('408, 425 429;5xx');
		expect([408, 425, 429, 500, 503, 599].every(match)).toBe(true);
		expect([400, 401, 404, 409, 422].some(match)).toBe(false);
	});
	it('names a bad entry', () => {
		expect(() => parseStatusList('429, 6xx')).toThrow('"6xx" is not an HTTP status');
	});
});

describe('decideRetry', () => {
	it('retries 408/425/429/5xx and network errors, not other 4xx', () => {
		for (const status of [408, 425, 429, 500, 502, 503, 504]) {
			expect(decideRetry(policy, { kind: 'response', status }, context).retry).toBe(true);
		}
		expect(decideRetry(policy, { kind: 'network', code: 'ECONNRESET' }, context).retry).toBe(true);
		for (const status of [400, 401, 403, 404, 409, 422]) {
			expect(decideRetry(policy, { kind: 'response', status }, context)).toEqual({ retry: false, reason: `HTTP ${status} is not retried` });
		}
	});

	it('honours Retry-After in seconds and as an HTTP date', () => {
		expect(decideRetry(policy, { kind: 'response', status: 429, retryAfter: '3' }, context)).toMatchObject({ retry: true, waitMs: 3000 });
		expect(decideRetry(policy, { kind: 'response', status: 429, retryAfter: 'Thu, 26 Nov 2026 10:00:05 GMT' }, context)).toMatchObject({
			retry: true,
			waitMs: 5000,
		});
	});

	it('gives up when Retry-After exceeds what is left of the budget', () => {
		const decision = decideRetry(policy, { kind: 'response', status: 429, retryAfter: '9' }, { ...context, waitedMs: 2000 });
		expect(decision.retry).toBe(false);
		expect(decision.reason).toContain('asked to wait 9 s');
	});

	it('bounds attempts and total wait', () => {
		expect(decideRetry(policy, { kind: 'response', status: 503 }, { ...context, attempt: 4 })).toMatchObject({ retry: false });
		expect(decideRetry(policy, { kind: 'response', status: 503 }, { ...context, attempt: 3, waitedMs: 9000 })).toMatchObject({
			retry: false,
			reason: expect.stringContaining('budget'),
		});
	});

	it('re-sends an unprotected create only when the POS provably did not act on it', () => {
		const unsafe = { ...context, safeToRepeat: false };
		expect(decideRetry(policy, { kind: 'network', code: 'ECONNRESET' }, unsafe).retry).toBe(false);
		expect(decideRetry(policy, { kind: 'response', status: 500 }, unsafe).retry).toBe(false);
		expect(decideRetry(policy, { kind: 'response', status: 504 }, unsafe).retry).toBe(false);
		expect(decideRetry(policy, { kind: 'network', code: 'ECONNREFUSED' }, unsafe).retry).toBe(true);
		expect(decideRetry(policy, { kind: 'response', status: 429 }, unsafe).retry).toBe(true);
		expect(decideRetry(policy, { kind: 'response', status: 503 }, unsafe).retry).toBe(true);
	});
});
