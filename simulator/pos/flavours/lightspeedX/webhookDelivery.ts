import * as http from 'node:http';
import * as https from 'node:https';

/** "Your endpoint must return a 2xx status within 5 seconds" (https://x-series-api.lightspeedhq.com/docs/webhooks). */
export const ANSWER_WITHIN_MS = 5_000;
/** "Retried up to 20 times over 48h" (same page). */
export const MAX_RETRIES = 20;
export const GIVE_UP_AFTER_MS = 48 * 3_600_000;
const MAX_DELAY_MINUTES = 180;

/**
 * The delay before retry number `retry` (1-based): 1, 2, 4, … 128 minutes, then every 3 hours, so the
 * 20th retry lands about 40 hours after the event, inside Lightspeed's 48. The schedule itself is not
 * documented (only "up to 20 times over 48h"): unconfirmed.
 */
export function retryDelayMs(retry: number): number {
	return Math.min(2 ** (retry - 1), MAX_DELAY_MINUTES) * 60_000;
}

/** The form Lightspeed posts: `payload` (JSON of the object in API 1.0 shape), `type`, `retailer_id`, `domain_prefix`. */
export function webhookForm(fields: { payload: string; type: string; retailer_id: string; domain_prefix: string }): string {
	return new URLSearchParams(fields).toString();
}

/**
 * The URL a forged delivery goes to: every query parameter named like a token (`token`, `urlToken`,
 * `access_token`…) gets a wrong value, as someone who knows the endpoint but not its secret would send.
 */
export function forgedUrl(url: string): string {
	const target = new URL(url);
	for (const name of [...target.searchParams.keys()]) if (/token/i.test(name)) target.searchParams.set(name, `forged-${target.searchParams.get(name) ?? ''}`);
	return target.toString();
}

/** POSTs one form-encoded delivery; resolves with the status, or the network error's message. */
export function postForm(url: string, body: string): Promise<number | string> {
	return new Promise((resolve) => {
		const target = new URL(url);
		const send = target.protocol === 'https:' ? https.request : http.request;
		const headers = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) };
		const request = send(target, { method: 'POST', headers, timeout: ANSWER_WITHIN_MS }, (response) => {
			response.resume();
			response.on('end', () => resolve(response.statusCode ?? 0));
		});
		request.on('timeout', () => request.destroy(new Error(`no answer within ${ANSWER_WITHIN_MS / 1000} s`)));
		request.on('error', (error) => resolve(error.message));
		request.end(body);
	});
}
