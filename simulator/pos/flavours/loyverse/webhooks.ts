import { isObject, type Reply } from '../../routeContext';
import { invalid, missing, notFound } from './errors';
import type { LoyverseIds } from './ids';
import type { LoyverseSettings } from './settings';
import { forgedUrl, loyverseSignature, post, retryDelayMs, seededRandom } from './webhookDelivery';

/** The webhook types third-party clients agree on (POS-VENDORS.md 4.4); this simulator sends the first three. */
export const WEBHOOK_TYPES = ['inventory_levels.update', 'receipts.update', 'items.update', 'customers.update', 'shifts.create'] as const;
export type LoyverseWebhookType = (typeof WEBHOOK_TYPES)[number];

export interface LoyverseWebhookSubscription {
	id: string;
	merchant_id: string;
	url: string;
	type: LoyverseWebhookType;
	status: 'ENABLED' | 'DISABLED';
	created_at: string;
	updated_at: string;
	/** The client secret of the OAuth application that subscribed (signed webhooks); null for an access token. */
	signingSecret: string | null;
}

export interface LoyverseWebhookDelivery {
	id: number;
	subscriptionId: string;
	type: LoyverseWebhookType;
	/** Where it is sent: the subscription's URL (a forged unsigned copy: with its `token` replaced). */
	url: string;
	body: string;
	/** `X-Loyverse-Signature`, or null for an unsigned webhook. */
	signature: string | null;
	kind: 'genuine' | 'duplicate' | 'forged';
	status: 'pending' | 'delivered' | 'dropped' | 'gave up';
	eventAt: number;
	nextAttemptAt: number;
	attempts: Array<{ at: number; outcome: number | string }>;
}

const subscriptionJson = ({ signingSecret: _secret, ...fields }: LoyverseWebhookSubscription) => (void _secret, fields);

/**
 * The merchant's webhook subscriptions (`/v1.0/webhooks`) and the webhooks sent to them: signed when an
 * OAuth application subscribed, retried on the README's schedule, timed by the injected clock.
 */
export class LoyverseWebhooks {
	private subscriptions: LoyverseWebhookSubscription[] = [];
	private readonly queue: LoyverseWebhookDelivery[] = [];
	private random = seededRandom(1);
	private sequence = 0;
	private running: Promise<unknown> = Promise.resolve();
	private timer: NodeJS.Timeout | null = null;
	private timerAt = Number.POSITIVE_INFINITY;

	constructor(
		private readonly now: () => number,
		private readonly ids: LoyverseIds,
		private readonly merchantId: string,
		private readonly settings: () => LoyverseSettings,
	) {}

	reseed(seed: number): void {
		this.random = seededRandom(seed);
	}

	reset(): void {
		this.stopTimer();
		this.subscriptions = [];
		this.queue.length = 0;
		this.reseed(1);
	}

	/** Disarms the auto-delivery timer (when the simulator stops); pending webhooks stay queued. */
	stopTimer(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		this.timerAt = Number.POSITIVE_INFINITY;
	}

	/** `POST /v1.0/webhooks {url, type, status}`: signed later when the caller is the OAuth application. */
	create(body: unknown): Reply {
		if (!isObject(body) || body.url === undefined) return missing('url');
		if (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url)) return invalid('url', 'url must be an http(s) URL');
		if (body.type === undefined) return missing('type');
		if (!WEBHOOK_TYPES.includes(body.type as LoyverseWebhookType)) return invalid('type', `type must be one of ${WEBHOOK_TYPES.join(', ')}`);
		if (body.status !== undefined && body.status !== 'ENABLED' && body.status !== 'DISABLED') return invalid('status', 'status must be ENABLED or DISABLED');
		const at = new Date(this.now()).toISOString();
		const subscription: LoyverseWebhookSubscription = {
			id: this.ids.uuid('webhook'),
			merchant_id: this.merchantId,
			url: body.url,
			type: body.type as LoyverseWebhookType,
			status: (body.status as 'ENABLED' | 'DISABLED' | undefined) ?? 'ENABLED',
			created_at: at,
			updated_at: at,
			signingSecret: this.settings().oauthApp?.clientSecret ?? null,
		};
		this.subscriptions.push(subscription);
		return { status: 200, body: subscriptionJson(subscription) };
	}

	list(): Reply {
		return { status: 200, body: { webhooks: this.subscriptions.map(subscriptionJson) } };
	}

	get(id: string): Reply {
		const subscription = this.subscriptions.find((candidate) => candidate.id === id);
		return subscription ? { status: 200, body: subscriptionJson(subscription) } : notFound(`Webhook ${id} not found`, 'webhook_id');
	}

	delete(id: string): Reply {
		const before = this.subscriptions.length;
		this.subscriptions = this.subscriptions.filter((candidate) => candidate.id !== id);
		return before === this.subscriptions.length ? notFound(`Webhook ${id} not found`, 'webhook_id') : { status: 200, body: {} };
	}

	/** Subscriptions with whether each is signed, for the state. */
	state(): Array<ReturnType<typeof subscriptionJson> & { signed: boolean }> {
		return this.subscriptions.map((subscription) => ({ ...subscriptionJson(subscription), signed: subscription.signingSecret !== null }));
	}

	deliveries(): LoyverseWebhookDelivery[] {
		return this.queue;
	}

	/** Queues a webhook for every enabled subscription of its type, applying the drop and forge knobs. */
	publish(type: LoyverseWebhookType, body: string, forgedBody: () => string): void {
		const settings = this.settings();
		for (const subscription of this.subscriptions.filter((candidate) => candidate.status === 'ENABLED' && candidate.type === type)) {
			const secret = subscription.signingSecret;
			const delivery = this.add(subscription, subscription.url, body, 'genuine', secret === null ? null : loyverseSignature(secret, body, settings.signatureEncoding));
			if (this.random() < settings.dropShare) delivery.status = 'dropped';
			if (this.random() < settings.forgeShare) {
				const forged = forgedBody();
				if (secret === null) this.add(subscription, forgedUrl(subscription.url), forged, 'forged', null);
				else this.add(subscription, subscription.url, forged, 'forged', loyverseSignature(`${secret}-not`, forged, settings.signatureEncoding));
			}
		}
		if (settings.autoDeliver) this.schedule(0);
	}

	private add(subscription: LoyverseWebhookSubscription, url: string, body: string, kind: LoyverseWebhookDelivery['kind'], signature: string | null): LoyverseWebhookDelivery {
		const at = this.now();
		const delivery: LoyverseWebhookDelivery = { id: ++this.sequence, subscriptionId: subscription.id, type: subscription.type, url, body, signature, kind, status: 'pending', eventAt: at, nextAttemptAt: at, attempts: [] };
		this.queue.push(delivery);
		return delivery;
	}

	/** Sends every webhook due now, in order, one at a time; resolves with the deliveries attempted. */
	deliverDue(): Promise<LoyverseWebhookDelivery[]> {
		const run = this.running.then(() => this.sendDue());
		this.running = run.catch(() => undefined);
		return run;
	}

	private async sendDue(): Promise<LoyverseWebhookDelivery[]> {
		const attempted: LoyverseWebhookDelivery[] = [];
		for (const delivery of this.queue.filter((candidate) => candidate.status === 'pending' && candidate.nextAttemptAt <= this.now())) {
			const outcome = await post(delivery.url, delivery.body, delivery.signature === null ? {} : { 'x-loyverse-signature': delivery.signature });
			const at = this.now();
			delivery.attempts.push({ at, outcome });
			attempted.push(delivery);
			this.settle(delivery, outcome, at);
		}
		return attempted;
	}

	/** 2xx ends a delivery (and may queue its duplicate); anything else waits for the next retry, or gives up. */
	private settle(delivery: LoyverseWebhookDelivery, outcome: number | string, at: number): void {
		if (typeof outcome === 'number' && outcome >= 200 && outcome < 300) {
			delivery.status = 'delivered';
			if (delivery.kind === 'genuine' && this.random() < this.settings().duplicateShare) {
				const subscription = this.subscriptions.find((candidate) => candidate.id === delivery.subscriptionId);
				if (subscription) this.add(subscription, delivery.url, delivery.body, 'duplicate', delivery.signature);
				if (this.settings().autoDeliver) this.schedule(0);
			}
			return;
		}
		const delay = delivery.kind === 'forged' ? null : retryDelayMs(delivery.attempts.length);
		if (delay === null) {
			delivery.status = 'gave up';
			return;
		}
		delivery.nextAttemptAt = at + delay;
		if (this.settings().autoDeliver) this.schedule(delay);
	}

	/** When the next pending webhook is due (ms since epoch on the injected clock), or null. */
	nextDueAt(): number | null {
		const due = this.queue.filter((delivery) => delivery.status === 'pending').map((delivery) => delivery.nextAttemptAt);
		return due.length ? Math.min(...due) : null;
	}

	/** Arms one timer for the earliest due webhook (auto mode only); a later one never postpones it. */
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
}
