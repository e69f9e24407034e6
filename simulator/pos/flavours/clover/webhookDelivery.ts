import { post } from '../square/webhookDelivery';

export { post, seededRandom } from '../square/webhookDelivery';

/** Events queued within this long of each other (on the timer, in auto mode) go out in one POST. */
export const BATCH_WINDOW_MS = 200;

/** One webhook event: the object's id with its type prefix (`I:`, `O:`, `IS:`), what happened, when (ms). */
export interface CloverEvent {
	objectId: string;
	type: 'CREATE' | 'UPDATE' | 'DELETE';
	ts: number;
}

/**
 * Clover's message body: ids only, grouped by merchant; one POST may carry several events
 * (https://docs.clover.com/build/webhooks/, "message format").
 */
export function messageBody(appId: string, merchantId: string, events: CloverEvent[]): string {
	return JSON.stringify({ appId, merchants: { [merchantId]: events } });
}

/**
 * When a failed delivery (not 2xx, or no answer) is tried again: the schedule's entries in minutes, one per
 * retry; null once they are used up. Clover documents no retry schedule: this one is the simulator's.
 */
export function retryDelayMs(scheduleMinutes: number[], failedAttempts: number): number | null {
	const minutes = scheduleMinutes[failedAttempts - 1];
	return minutes === undefined ? null : minutes * 60_000;
}

/** The verification POST: `{ verificationCode }`, without `X-Clover-Auth` (https://docs.clover.com/docs/webhooks). */
export function sendVerification(url: string, code: string): Promise<number | string> {
	return post(url, JSON.stringify({ verificationCode: code }), { 'user-agent': 'Clover-Webhooks' });
}
