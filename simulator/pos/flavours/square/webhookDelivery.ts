import { createHmac } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';

/**
 * Square's signature: base64 HMAC-SHA256 with the subscription's signature key over the notification
 * URL exactly as registered followed by the raw body (https://developer.squareup.com/docs/webhooks/step3validate).
 */
export function squareSignature(signatureKey: string, notificationUrl: string, body: string): string {
	return createHmac('sha256', signatureKey).update(notificationUrl + body).digest('base64');
}

/**
 * Square's retry schedule for a failed delivery (non-2xx, 3xx included, or no answer within 10 s):
 * 1, 2, 4, 8, 16, 32 minutes, then hourly, until 72 hours after the event
 * (https://developer.squareup.com/docs/webhooks-api/delivery-sla).
 */
export function retryDelayMs(failedAttempts: number): number {
	const minutes = failedAttempts <= 6 ? 2 ** (failedAttempts - 1) : 60;
	return minutes * 60_000;
}

export const GIVE_UP_AFTER_MS = 72 * 3_600_000;
/** "Applications must acknowledge the notification by responding within 10 seconds." */
export const ANSWER_WITHIN_MS = 10_000;

/** POSTs one notification; resolves with the status, or the network error's message. */
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

/** A small seeded generator (mulberry32): which deliveries to drop, duplicate or forge, the same every run. */
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
