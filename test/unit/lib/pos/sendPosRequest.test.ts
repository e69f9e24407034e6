import { NetworkError, type HttpRequest, type HttpResponse } from '../../../../lib/http/types';
import { NO_DUPLICATES } from '../../../../lib/pos/classifyResponse';
import type { Clock } from '../../../../lib/pos/rateLimiter';
import { DEFAULT_RETRY_POLICY, parseStatusList } from '../../../../lib/pos/retryPolicy';
import { sendPosRequest, type PosCall } from '../../../../lib/pos/sendPosRequest';

const START = Date.parse('2026-11-26T10:00:00Z');

function virtualClock(): Clock & { t: number; sleeps: number[] } {
	const clock = {
		t: START,
		sleeps: [] as number[],
		now: () => clock.t,
		sleep: async (ms: number) => {
			clock.sleeps.push(ms);
			clock.t += ms;
		},
	};
	return clock;
}

type Reply = Partial<HttpResponse> | NetworkError;

function scriptedSend(replies: Reply[]) {
	const sent: HttpRequest[] = [];
	const send = async (request: HttpRequest): Promise<HttpResponse> => {
		sent.push(request);
		const reply = replies.shift();
		if (!reply) throw new Error('no more scripted replies');
		if (reply instanceof NetworkError) throw reply;
		return { status: reply.status ?? 200, headers: reply.headers ?? {}, body: reply.body ?? '{}' };
	};
	return { send, sent };
}

const create: PosCall = {
	request: { method: 'POST', url: 'https://pos/orders', headers: {}, body: '{}' },
	safeToRepeat: true,
	duplicate: { statuses: parseStatusList('409'), bodyPatterns: [] },
};
const policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 5, maxTotalWaitMs: 60_000, initialDelayMs: 1000, maxDelayMs: 8000 };

describe('sendPosRequest', () => {
	it('waits exactly what Retry-After says, in seconds and as an HTTP date', async () => {
		const clock = virtualClock();
		const { send, sent } = scriptedSend([
			{ status: 429, headers: { 'retry-after': '7' } },
			// The date is read against the clock after the first wait: START + 7 s + 12 s.
			{ status: 429, headers: { 'retry-after': new Date(START + 19_000).toUTCString() } },
			{ status: 201, body: '{"id":"o1"}' },
		]);
		const result = await sendPosRequest(create, { send, clock, random: () => 0.5, policy });
		expect(result).toMatchObject({ outcome: 'success', attempts: 3, requestsSent: 3, waitedMs: 19_000 });
		expect(clock.sleeps).toEqual([7000, 12_000]);
		expect(sent).toHaveLength(3);
	});

	it('backs off exponentially with jitter when no Retry-After is given', async () => {
		const clock = virtualClock();
		const { send } = scriptedSend([{ status: 503 }, { status: 502 }, new NetworkError('reset', 'ECONNRESET'), { status: 200 }]);
		const result = await sendPosRequest(create, { send, clock, random: () => 0, policy });
		expect(result.outcome).toBe('success');
		expect(clock.sleeps).toEqual([500, 1000, 2000]);
	});

	it('fails a non-retryable 4xx at once with the POS message', async () => {
		const clock = virtualClock();
		const { send, sent } = scriptedSend([{ status: 400, body: JSON.stringify({ errors: [{ code: 'INVALID_VALUE', detail: 'quantity must be positive' }] }) }]);
		const result = await sendPosRequest(create, { send, clock, random: () => 0.5, policy });
		expect(result).toMatchObject({ outcome: 'failed', attempts: 1, waitedMs: 0, reason: 'HTTP 400: INVALID_VALUE: quantity must be positive' });
		expect(result.response?.status).toBe(400);
		expect(sent).toHaveLength(1);
		expect(clock.sleeps).toEqual([]);
	});

	it('stops at the attempt bound and reports the last response', async () => {
		const clock = virtualClock();
		const { send } = scriptedSend(Array.from({ length: 5 }, () => ({ status: 503, body: '{"message":"maintenance"}' })));
		const result = await sendPosRequest(create, { send, clock, random: () => 0, policy });
		expect(result).toMatchObject({ outcome: 'failed', attempts: 5, reason: 'HTTP 503: maintenance (gave up after 5 of 5 attempts)' });
	});

	it('does not re-send an unprotected create after the connection dropped', async () => {
		const { send, sent } = scriptedSend([new NetworkError('socket hang up', 'ECONNRESET')]);
		const result = await sendPosRequest({ ...create, safeToRepeat: false, duplicate: NO_DUPLICATES }, { send, clock: virtualClock(), random: () => 0, policy });
		expect(result.outcome).toBe('failed');
		expect(result.reason).toContain('could create it twice');
		expect(sent).toHaveLength(1);
	});

	it('counts a duplicate status as success, marked duplicate', async () => {
		const { send } = scriptedSend([{ status: 409, body: '{"message":"already exists"}' }]);
		const result = await sendPosRequest(create, { send, clock: virtualClock(), random: () => 0, policy });
		expect(result.outcome).toBe('duplicate');
	});

	it('looks up before every attempt and stops at a hit', async () => {
		const lookup = {
			request: { method: 'GET' as const, url: 'https://pos/orders?ref=shopify-1', headers: {} },
			match: { resultPath: 'elements', matchField: 'ref', matchValue: 'shopify-1' },
		};
		const { send, sent } = scriptedSend([
			{ status: 200, body: '{"elements":[]}' },
			new NetworkError('socket hang up', 'ECONNRESET'),
			{ status: 200, body: '{"elements":[{"id":"X","ref":"shopify-1"}]}' },
		]);
		const result = await sendPosRequest({ ...create, safeToRepeat: true, lookup }, { send, clock: virtualClock(), random: () => 0, policy });
		expect(result).toMatchObject({ outcome: 'alreadyExists', existing: { id: 'X', ref: 'shopify-1' }, attempts: 2, requestsSent: 3 });
		expect(sent.map((request) => request.method)).toEqual(['GET', 'POST', 'GET']);
	});
});
