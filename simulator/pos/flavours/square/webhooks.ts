import { post, retryDelayMs, GIVE_UP_AFTER_MS, seededRandom, squareSignature } from './webhookDelivery';

export interface SquareWebhookSubscription {
	id: string;
	/** The notification URL exactly as registered: Square signs this string, not the URL the receiver sees. */
	url: string;
	signatureKey: string;
	/** Event types to send (default all: inventory.count.updated, order.created, order.updated). */
	eventTypes?: string[];
}

/** Test knobs; every choice comes from one seeded generator, so a run is repeatable. */
export interface SquareWebhookKnobs {
	/** Share of events (0..1) that are never delivered, as if lost. */
	dropShare: number;
	/** Share of deliveries sent a second time (same event_id, same signature) after the first succeeds. */
	duplicateShare: number;
	/** Share of events followed by a forged copy: other quantities, a new event_id, a signature made with the wrong key. */
	forgeShare: number;
	seed: number;
	/** Deliver as soon as an event happens and retry on timers (for a running n8n); off = tests call deliverDue(). */
	autoDeliver: boolean;
}

export interface SquareWebhookDelivery {
	id: number;
	subscriptionId: string;
	eventId: string;
	eventType: string;
	/** When the event happened: retries stop 72 hours later. */
	eventAt: number;
	body: string;
	signature: string;
	kind: 'genuine' | 'duplicate' | 'forged';
	status: 'pending' | 'delivered' | 'dropped' | 'gave up';
	nextAttemptAt: number;
	attempts: Array<{ at: number; outcome: number | string }>;
}

const DEFAULT_KNOBS: SquareWebhookKnobs = { dropShare: 0, duplicateShare: 0, forgeShare: 0, seed: 1, autoDeliver: false };

/**
 * Webhook subscriptions of the simulated Square application and the notifications sent to them: signed
 * Square's way, retried on Square's schedule, timed by the injected clock (tests call deliverDue()).
 */
export class SquareWebhooks {
	private readonly subscriptions: SquareWebhookSubscription[] = [];
	private readonly queue: SquareWebhookDelivery[] = [];
	private knobs: SquareWebhookKnobs = { ...DEFAULT_KNOBS };
	private random = seededRandom(DEFAULT_KNOBS.seed);
	private sequence = 0;
	private running: Promise<unknown> = Promise.resolve();
	private timer: NodeJS.Timeout | null = null;
	private timerAt = Number.POSITIVE_INFINITY;

	constructor(private readonly now: () => number) {}

	subscribe(subscription: SquareWebhookSubscription): SquareWebhookSubscription {
		this.subscriptions.push(subscription);
		return subscription;
	}

	configure(knobs: Partial<SquareWebhookKnobs>): SquareWebhookKnobs {
		this.knobs = { ...this.knobs, ...knobs };
		if (knobs.seed !== undefined) this.random = seededRandom(knobs.seed);
		return this.knobs;
	}

	deliveries(): SquareWebhookDelivery[] {
		return this.queue;
	}

	reset(): void {
		this.stopTimer();
		this.subscriptions.length = 0;
		this.queue.length = 0;
		this.knobs = { ...DEFAULT_KNOBS };
		this.random = seededRandom(DEFAULT_KNOBS.seed);
	}

	/** Disarms the auto-delivery timer (when the simulator stops); pending deliveries stay queued. */
	stopTimer(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		this.timerAt = Number.POSITIVE_INFINITY;
	}

	/** Queues an event for every subscription that wants its type, applying the drop / forge knobs. */
	publish(eventType: string, eventId: string, body: string, forgedBody: () => string): void {
		for (const subscription of this.subscriptions) {
			if (subscription.eventTypes && !subscription.eventTypes.includes(eventType)) continue;
			const delivery = this.add(subscription, eventType, eventId, body, 'genuine', squareSignature(subscription.signatureKey, subscription.url, body));
			if (this.random() < this.knobs.dropShare) delivery.status = 'dropped';
			if (this.random() < this.knobs.forgeShare) {
				const forged = forgedBody();
				this.add(subscription, eventType, (JSON.parse(forged) as { event_id: string }).event_id, forged, 'forged', squareSignature(`${subscription.signatureKey}-not`, subscription.url, forged));
			}
		}
		if (this.knobs.autoDeliver) this.schedule(0);
	}

	private add(subscription: SquareWebhookSubscription, eventType: string, eventId: string, body: string, kind: SquareWebhookDelivery['kind'], signature: string): SquareWebhookDelivery {
		const at = this.now();
		const delivery: SquareWebhookDelivery = { id: ++this.sequence, subscriptionId: subscription.id, eventId, eventType, eventAt: at, body, signature, kind, status: 'pending', nextAttemptAt: at, attempts: [] };
		this.queue.push(delivery);
		return delivery;
	}

	/** Sends every delivery due now, in order, one at a time; resolves with the deliveries attempted. */
	deliverDue(): Promise<SquareWebhookDelivery[]> {
		const run = this.running.then(() => this.sendDue());
		this.running = run.catch(() => undefined);
		return run;
	}

	private async sendDue(): Promise<SquareWebhookDelivery[]> {
		const attempted: SquareWebhookDelivery[] = [];
		for (const delivery of this.queue.filter((candidate) => candidate.status === 'pending' && candidate.nextAttemptAt <= this.now())) {
			const subscription = this.subscriptions.find((candidate) => candidate.id === delivery.subscriptionId);
			if (!subscription) continue;
			const outcome = await post(subscription.url, delivery.body, { 'x-square-hmacsha256-signature': delivery.signature, 'user-agent': 'Square Connect v2' });
			const at = this.now();
			delivery.attempts.push({ at, outcome });
			attempted.push(delivery);
			this.settle(delivery, outcome, at);
		}
		return attempted;
	}

	/** 2xx ends a delivery (and may queue its duplicate); anything else waits for Square's next retry. */
	private settle(delivery: SquareWebhookDelivery, outcome: number | string, at: number): void {
		if (typeof outcome === 'number' && outcome >= 200 && outcome < 300) {
			delivery.status = 'delivered';
			if (delivery.kind === 'genuine' && this.random() < this.knobs.duplicateShare) {
				const subscription = this.subscriptions.find((candidate) => candidate.id === delivery.subscriptionId)!;
				this.add(subscription, delivery.eventType, delivery.eventId, delivery.body, 'duplicate', delivery.signature);
				if (this.knobs.autoDeliver) this.schedule(0);
			}
			return;
		}
		if (delivery.kind === 'forged') {
			delivery.status = 'gave up';
			return;
		}
		delivery.nextAttemptAt = at + retryDelayMs(delivery.attempts.length);
		if (delivery.nextAttemptAt - delivery.eventAt > GIVE_UP_AFTER_MS) delivery.status = 'gave up';
		else if (this.knobs.autoDeliver) this.schedule(delivery.nextAttemptAt - at);
	}

	/** When the next pending delivery is due (ms since epoch on the injected clock), or null. */
	nextDueAt(): number | null {
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
				if (next !== null && this.knobs.autoDeliver) this.schedule(Math.max(0, next - this.now()));
			});
		}, delayMs);
		this.timer.unref();
	}
}
