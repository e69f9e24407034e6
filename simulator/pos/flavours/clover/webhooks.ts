import type { CloverIds } from './ids';
import type { CloverSettings } from './settings';
import { BATCH_WINDOW_MS, messageBody, post, retryDelayMs, seededRandom, sendVerification, type CloverEvent } from './webhookDelivery';

export interface CloverDelivery {
	id: number;
	/** `verification`: the `{verificationCode}` POST; `forged`: a copy with a wrong auth code and another item id. */
	kind: 'verification' | 'genuine' | 'duplicate' | 'forged';
	url: string;
	events: CloverEvent[];
	body: string;
	/** The `X-Clover-Auth` header sent (none on the verification POST). */
	authHeader: string | null;
	status: 'pending' | 'delivered' | 'dropped' | 'gave up';
	nextAttemptAt: number;
	attempts: Array<{ at: number; outcome: number | string }>;
}

/**
 * The app's webhook as set in Clover's Developer Dashboard (URL, verification, the Clover Auth Code) and the
 * messages sent to it: ids only, several events a POST, `X-Clover-Auth` on each, never guaranteed
 * (https://docs.clover.com/clover-platform/docs/webhooks). Timed by the injected clock: tests call deliverDue().
 */
export class CloverWebhooks {
	url: string | null = null;
	verified = false;
	authCode: string;
	private verificationCode: string | null = null;
	private open: CloverEvent[] = [];
	private readonly log: CloverDelivery[] = [];
	private random: () => number;
	private sequence = 0;
	private running: Promise<unknown> = Promise.resolve();
	private timer: NodeJS.Timeout | null = null;
	private timerAt = Number.POSITIVE_INFINITY;

	constructor(
		private readonly ids: CloverIds,
		private readonly now: () => number,
		private readonly settings: () => CloverSettings,
		readonly appId: string,
		private readonly merchantId: () => string,
	) {
		this.authCode = ids.uuid('auth-code');
		this.random = seededRandom(settings().seed);
	}

	reseed(seed: number): void {
		this.random = seededRandom(seed);
	}

	/** Sets the webhook URL (Dashboard > Webhooks) and POSTs a new verification code to it; events wait for verify(). */
	async setUrl(url: string): Promise<{ url: string; verified: boolean; verificationOutcome: number | string }> {
		this.url = url;
		this.verified = false;
		this.verificationCode = this.ids.uuid('verification');
		const delivery = this.add('verification', [], JSON.stringify({ verificationCode: this.verificationCode }), null);
		const outcome = await sendVerification(url, this.verificationCode);
		delivery.attempts.push({ at: this.now(), outcome });
		delivery.status = typeof outcome === 'number' && outcome >= 200 && outcome < 300 ? 'delivered' : 'gave up';
		return { url, verified: false, verificationOutcome: outcome };
	}

	/** The code pasted into the Dashboard: the one sent completes verification, any other is refused. */
	verify(code: unknown): boolean {
		if (this.verificationCode === null || code !== this.verificationCode) return false;
		this.verified = true;
		return true;
	}

	deliveries(): CloverDelivery[] {
		return this.log;
	}

	/** Queues an event (none before the URL is verified); a dropped one is logged and never sent. */
	publish(event: CloverEvent): void {
		if (!this.url || !this.verified) return;
		if (this.random() < this.settings().dropShare) {
			this.add('genuine', [event], messageBody(this.appId, this.merchantId(), [event]), this.authCode).status = 'dropped';
			return;
		}
		this.open.push(event);
		if (this.settings().autoDeliver) this.schedule(BATCH_WINDOW_MS);
	}

	private add(kind: CloverDelivery['kind'], events: CloverEvent[], body: string, authHeader: string | null): CloverDelivery {
		const delivery: CloverDelivery = { id: ++this.sequence, kind, url: this.url ?? '', events, body, authHeader, status: 'pending', nextAttemptAt: this.now(), attempts: [] };
		this.log.push(delivery);
		return delivery;
	}

	/** The events queued so far become one message (and maybe a forged copy after it). */
	private closeBatch(): void {
		if (this.open.length === 0) return;
		const events = this.open;
		this.open = [];
		this.add('genuine', events, messageBody(this.appId, this.merchantId(), events), this.authCode);
		if (this.random() < this.settings().forgeShare) {
			const forged = this.forgedCopy(events);
			this.add('forged', forged, messageBody(this.appId, this.merchantId(), forged), this.ids.uuid('forged-auth'));
		}
	}

	/** The same events with another item's id in every item event (one `I:` UPDATE when there is none). */
	private forgedCopy(events: CloverEvent[]): CloverEvent[] {
		const other = this.ids.id('forged');
		const items = events.filter((event) => /^(I|IS):/.test(event.objectId));
		if (items.length === 0) return [...events, { objectId: `I:${other}`, type: 'UPDATE', ts: this.now() }];
		return events.map((event) => (/^(I|IS):/.test(event.objectId) ? { ...event, objectId: event.objectId.replace(/:.*$/, `:${other}`) } : event));
	}

	/** Sends every message due now, in order, one at a time; resolves with the deliveries attempted. */
	deliverDue(): Promise<CloverDelivery[]> {
		const run = this.running.then(() => this.sendDue());
		this.running = run.catch(() => undefined);
		return run;
	}

	private async sendDue(): Promise<CloverDelivery[]> {
		this.closeBatch();
		const attempted: CloverDelivery[] = [];
		for (const delivery of this.log.filter((candidate) => candidate.status === 'pending' && candidate.nextAttemptAt <= this.now())) {
			const outcome = await post(delivery.url, delivery.body, { 'x-clover-auth': delivery.authHeader ?? '', 'user-agent': 'Clover-Webhooks' });
			const at = this.now();
			delivery.attempts.push({ at, outcome });
			attempted.push(delivery);
			this.settle(delivery, outcome, at);
		}
		return attempted;
	}

	/** 2xx ends a delivery (and may queue its duplicate); anything else waits for the next retry, if any. */
	private settle(delivery: CloverDelivery, outcome: number | string, at: number): void {
		if (typeof outcome === 'number' && outcome >= 200 && outcome < 300) {
			delivery.status = 'delivered';
			if (delivery.kind === 'genuine' && this.random() < this.settings().duplicateShare) {
				this.add('duplicate', delivery.events, delivery.body, delivery.authHeader);
				if (this.settings().autoDeliver) this.schedule(0);
			}
			return;
		}
		const delay = delivery.kind === 'forged' ? null : retryDelayMs(this.settings().retryScheduleMinutes, delivery.attempts.length);
		if (delay === null) {
			delivery.status = 'gave up';
			return;
		}
		delivery.nextAttemptAt = at + delay;
		if (this.settings().autoDeliver) this.schedule(delay);
	}

	/** When the next pending delivery is due (ms on the injected clock), or null. */
	nextDueAt(): number | null {
		const due = this.log.filter((delivery) => delivery.status === 'pending').map((delivery) => delivery.nextAttemptAt);
		if (this.open.length > 0) due.push(this.now());
		return due.length ? Math.min(...due) : null;
	}

	/** Arms one timer for the earliest due delivery (auto mode only); a later one never postpones it. */
	private schedule(delayMs: number): void {
		const at = this.now() + delayMs;
		if (this.timer && this.timerAt <= at) return;
		if (this.timer) clearTimeout(this.timer);
		this.timerAt = at;
		this.timer = setTimeout(() => {
			this.timer = null;
			this.timerAt = Number.POSITIVE_INFINITY;
			void this.deliverDue().then(() => {
				const next = this.nextDueAt();
				if (next !== null && this.settings().autoDeliver) this.schedule(Math.max(0, next - this.now()));
			});
		}, delayMs);
		this.timer.unref();
	}

	stopTimer(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		this.timerAt = Number.POSITIVE_INFINITY;
	}

	reset(): void {
		this.stopTimer();
		this.url = null;
		this.verified = false;
		this.verificationCode = null;
		this.open = [];
		this.log.length = 0;
		this.authCode = this.ids.uuid('auth-code');
		this.random = seededRandom(this.settings().seed);
	}
}
