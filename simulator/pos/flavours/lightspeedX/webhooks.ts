import { seededRandom } from '../square/webhookDelivery';
import { forgedUrl, GIVE_UP_AFTER_MS, MAX_RETRIES, postForm, retryDelayMs } from './webhookDelivery';

/** The types the simulator sends (Lightspeed has no `*.create`: a new sale or product is an update). */
export const WEBHOOK_TYPES = ['sale.update', 'inventory.update', 'product.update'] as const;
export type LightspeedWebhookType = (typeof WEBHOOK_TYPES)[number];

/** A webhook as set up on the retailer's Setup → API page: one URL, one type. */
export interface LightspeedWebhook {
	id: string;
	url: string;
	type: LightspeedWebhookType;
	active: true;
}

/** Test knobs (not Lightspeed's); every choice comes from one seeded generator, so a run is repeatable. */
export interface LightspeedWebhookSettings {
	/** Send at once and retry on timers (for a running n8n); off = tests call deliverDue(). */
	autoDeliver: boolean;
	/** Share of events (0..1) never delivered, as if lost. */
	dropShare: number;
	/** Share of delivered events sent a second time, identical. */
	duplicateShare: number;
	/** Share of events followed by a forged copy: other quantities, to the URL with a wrong token. */
	forgeShare: number;
	seed: number;
}

export interface LightspeedWebhookDelivery {
	id: number;
	webhookId: string;
	type: LightspeedWebhookType;
	/** Where it is sent: the webhook's URL, or for a forgery that URL with a wrong token. */
	url: string;
	/** The JSON text of the object (API 1.0 shape), the form's `payload`. */
	payload: string;
	/** The whole form-urlencoded body. */
	body: string;
	kind: 'genuine' | 'duplicate' | 'forged';
	forged: boolean;
	dropped: boolean;
	status: 'pending' | 'delivered' | 'dropped' | 'gave up' | 'cancelled';
	/** When the event happened: retries stop 48 hours later. */
	eventAt: number;
	nextAttemptAt: number;
	attempts: Array<{ at: number; outcome: number | string }>;
}

const DEFAULT_SETTINGS: LightspeedWebhookSettings = { autoDeliver: false, dropShare: 0, duplicateShare: 0, forgeShare: 0, seed: 1 };

/**
 * The retailer's webhooks and the deliveries made to them: form-encoded, retried when not answered 2xx
 * within 5 s, up to 20 times over 48 hours, timed by the injected clock (tests call deliverDue()).
 * Lightspeed signs nothing: a receiver can only check a secret it put in its own URL.
 */
export class LightspeedWebhooks {
	private webhooks: LightspeedWebhook[] = [];
	private readonly queue: LightspeedWebhookDelivery[] = [];
	private settings: LightspeedWebhookSettings = { ...DEFAULT_SETTINGS };
	private random = seededRandom(DEFAULT_SETTINGS.seed);
	private sequence = 0;
	private running: Promise<unknown> = Promise.resolve();
	private timer: NodeJS.Timeout | null = null;
	private timerAt = Number.POSITIVE_INFINITY;

	constructor(
		private readonly now: () => number,
		private readonly newId: () => string,
		/** The form body for a payload of a type: adds `retailer_id` and `domain_prefix`. */
		private readonly form: (type: LightspeedWebhookType, payload: string) => string,
	) {}

	subscribe(url: string, type: LightspeedWebhookType): LightspeedWebhook {
		const webhook: LightspeedWebhook = { id: this.newId(), url, type, active: true };
		this.webhooks.push(webhook);
		return webhook;
	}

	list(): LightspeedWebhook[] {
		return this.webhooks;
	}

	/** Deletes every webhook; deliveries still pending for them are cancelled. */
	clear(): void {
		this.webhooks = [];
		for (const delivery of this.queue) if (delivery.status === 'pending') delivery.status = 'cancelled';
	}

	configure(settings: Partial<LightspeedWebhookSettings>): LightspeedWebhookSettings {
		this.settings = { ...this.settings, ...settings };
		if (settings.seed !== undefined) this.random = seededRandom(settings.seed);
		if (this.settings.autoDeliver) this.schedule(0);
		return this.settings;
	}

	deliveries(): LightspeedWebhookDelivery[] {
		return this.queue;
	}

	reset(): void {
		this.stopTimer();
		this.webhooks = [];
		this.queue.length = 0;
		this.sequence = 0;
		this.settings = { ...DEFAULT_SETTINGS };
		this.random = seededRandom(DEFAULT_SETTINGS.seed);
	}

	/** Disarms the auto-delivery timer (when the simulator stops); pending deliveries stay queued. */
	stopTimer(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		this.timerAt = Number.POSITIVE_INFINITY;
	}

	/** Queues an event for every webhook of its type, applying the drop and forge knobs. */
	publish(type: LightspeedWebhookType, payload: string, forgedPayload: () => string): void {
		for (const webhook of this.webhooks.filter((candidate) => candidate.type === type)) {
			const delivery = this.add(webhook, webhook.url, payload, 'genuine');
			if (this.random() < this.settings.dropShare) {
				delivery.status = 'dropped';
				delivery.dropped = true;
			}
			if (this.random() < this.settings.forgeShare) this.add(webhook, forgedUrl(webhook.url), forgedPayload(), 'forged');
		}
		if (this.settings.autoDeliver) this.schedule(0);
	}

	private add(webhook: LightspeedWebhook, url: string, payload: string, kind: LightspeedWebhookDelivery['kind']): LightspeedWebhookDelivery {
		const at = this.now();
		const body = this.form(webhook.type, payload);
		const delivery: LightspeedWebhookDelivery = { id: ++this.sequence, webhookId: webhook.id, type: webhook.type, url, payload, body, kind, forged: kind === 'forged', dropped: false, status: 'pending', eventAt: at, nextAttemptAt: at, attempts: [] };
		this.queue.push(delivery);
		return delivery;
	}

	/** Sends every delivery due now (duplicates of those it delivers included), one at a time; resolves with those attempted. */
	deliverDue(): Promise<LightspeedWebhookDelivery[]> {
		const run = this.running.then(() => this.sendDue());
		this.running = run.catch(() => undefined);
		return run;
	}

	private async sendDue(): Promise<LightspeedWebhookDelivery[]> {
		const attempted: LightspeedWebhookDelivery[] = [];
		const due = () => this.queue.find((candidate) => candidate.status === 'pending' && candidate.nextAttemptAt <= this.now() && !attempted.includes(candidate));
		for (let delivery = due(); delivery; delivery = due()) {
			const outcome = await postForm(delivery.url, delivery.body);
			const at = this.now();
			delivery.attempts.push({ at, outcome });
			attempted.push(delivery);
			this.settle(delivery, outcome, at);
		}
		return attempted;
	}

	/** 2xx ends a delivery (and may queue its duplicate); anything else waits for the next retry, if any is left. */
	private settle(delivery: LightspeedWebhookDelivery, outcome: number | string, at: number): void {
		if (typeof outcome === 'number' && outcome >= 200 && outcome < 300) {
			delivery.status = 'delivered';
			if (delivery.kind === 'genuine' && this.random() < this.settings.duplicateShare) {
				const webhook = this.webhooks.find((candidate) => candidate.id === delivery.webhookId);
				if (webhook) this.add(webhook, delivery.url, delivery.payload, 'duplicate');
			}
			return;
		}
		if (delivery.kind === 'forged') {
			delivery.status = 'gave up';
			return;
		}
		delivery.nextAttemptAt = at + retryDelayMs(delivery.attempts.length);
		if (delivery.attempts.length > MAX_RETRIES || delivery.nextAttemptAt - delivery.eventAt > GIVE_UP_AFTER_MS) delivery.status = 'gave up';
		else if (this.settings.autoDeliver) this.schedule(delivery.nextAttemptAt - at);
	}

	private nextDueAt(): number | null {
		const due = this.queue.filter((delivery) => delivery.status === 'pending').map((delivery) => delivery.nextAttemptAt);
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
				if (next !== null && this.settings.autoDeliver) this.schedule(Math.max(0, next - this.now()));
			});
		}, delayMs);
		this.timer.unref();
	}
}
