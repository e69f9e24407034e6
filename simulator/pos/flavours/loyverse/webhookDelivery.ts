import { createHmac } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';

/**
 * `X-Loyverse-Signature`: HMAC-SHA1 over the raw body, keyed with the OAuth application's client secret
 * (loyverse.town topic 7422, and an integration doc citing the official reference). The docs reportedly say
 * base64; a developer found hex (same topic): both are offered, hex by default.
 */
export function loyverseSignature(clientSecret: string, body: string, encoding: 'hex' | 'base64'): string {
	return createHmac('sha1', clientSecret).update(body).digest(encoding);
}

/**
 * The retry schedule after a delivery that is not answered 2xx: 1, 5, 15, 60 and 180 minutes, then the
 * webhook is given up (six attempts in all). Loyverse documents none that we could read: unconfirmed.
 */
const RETRY_MINUTES = [1, 5, 15, 60, 180];

/** The delay before the next attempt after `failedAttempts` failures, or null when the webhook is given up. */
export function retryDelayMs(failedAttempts: number): number | null {
	const minutes = RETRY_MINUTES[failedAttempts - 1];
	return minutes === undefined ? null : minutes * 60_000;
}

/** How long a receiver may take to answer before the attempt counts as failed (unconfirmed). */
export const ANSWER_WITHIN_MS = 10_000;

/** POSTs one webhook; resolves with the status, or the network error's message. */
export function post(url: string, body: string, headers: Record<string, string>): Promise<number | string> {
	return new Promise((resolve) => {
		const target = new URL(url);
		const send = target.protocol === 'https:' ? https.request : http.request;
		const request = send(target, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers }, timeout: ANSWER_WITHIN_MS }, (response) => {
			response.resume();
			response.on('end', () => resolve(response.statusCode ?? 0));
		});
		request.on('timeout', () => request.destroy(new Error(`no answer within ${ANSWER_WITHIN_MS / 1000} s`)));
		request.on('error', (error) => resolve(error.message));
		request.end(body);
	});
}

/** A small seeded generator (mulberry32): which webhooks to drop, duplicate or forge, the same every run. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/** The URL a forged unsigned webhook goes to: the subscription's, with any `token` query value replaced. */
export function forgedUrl(url: string): string {
	const target = new URL(url);
	if (!target.searchParams.has('token')) return url;
	target.searchParams.set('token', 'forged-token');
	return target.toString();
}
