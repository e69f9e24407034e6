import { createHmac, randomUUID } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';
import { compileSearch, compareText, parseSearch, type FieldMatcher, type SearchNode } from '../graphql/searchSyntax';
import type { ShopStore, StoreEvent } from '../store/shopStore';
import { gid } from '../store/shopStore';
import { webhookPayload } from './restPayloads';
import type { DeliveredTopic } from './topics';

export interface SubscriptionRecord {
	__typename: 'WebhookSubscription';
	id: string;
	legacyResourceId: number;
	topic: DeliveredTopic;
	uri: string;
	format: 'JSON' | 'XML';
	filter: string | null;
	includeFields: string[];
	metafieldNamespaces: string[];
	name: string | null;
	apiVersion: string;
	createdAt: string;
	updatedAt: string;
}

export interface DeliveryAttempt {
	at: string;
	status: number | null;
	error: string | null;
}

export interface DeliveryRecord {
	webhookId: string;
	eventId: string;
	topic: string;
	subscriptionId: string;
	uri: string;
	apiVersion: string;
	triggeredAt: string;
	body: string;
	headers: Record<string, string>;
	attempts: DeliveryAttempt[];
	state: 'pending' | 'held' | 'delivered' | 'failed' | 'dropped';
	/** true for the extra copy of a duplicated delivery */
	duplicate: boolean;
}

export interface WebhookSettings {
	/** waits before each retry; Shopify retries 8 times over about 4 hours */
	retryDelaysMs: number[];
	/** a slower answer counts as a failure, as on Shopify */
	timeoutMs: number;
}

/** Shopify's retry schedule, shaped like theirs: 8 retries spread over ~4 hours. */
export const SHOPIFY_RETRY_DELAYS_MS = [10, 30, 60, 300, 900, 1800, 3600, 7200].map((seconds) => seconds * 1000);

const MAX_KEPT_DELIVERIES = 10000;

export interface WebhookChaos {
	/** the next N deliveries are sent twice (same Event-Id, new Webhook-Id) */
	duplicate: number;
	/** the next N deliveries are never sent */
	drop: number;
	/** the next N deliveries are held and then sent in reverse order */
	reorder: number;
}

/** Turns a `filter` (Shopify search syntax over payload fields, dotted paths) into a predicate. */
function compileFilter(filter: string): (payload: Record<string, unknown>) => boolean {
	const tree = parseSearch(filter);
	const fields: Record<string, FieldMatcher<Record<string, unknown>>> = {};
	const collect = (node: SearchNode): void => {
		if (node.kind === 'and' || node.kind === 'or') node.items.forEach(collect);
		else if (node.kind === 'not') collect(node.item);
		else if (node.kind === 'term' && node.field)
			fields[node.field] = (payload, comparator, value) =>
				valuesAt(payload, node.field!.split('.')).some((found) =>
					typeof found === 'number' ? compareText(String(found), comparator, value) || Number(value) === found : compareText(found === null ? null : String(found), comparator, value),
				);
	};
	collect(tree);
	return compileSearch(tree, fields, () => true, []);
}

function valuesAt(value: unknown, path: string[]): unknown[] {
	if (path.length === 0) return Array.isArray(value) ? value : [value];
	if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, path));
	if (value === null || typeof value !== 'object') return [];
	return valuesAt((value as Record<string, unknown>)[path[0]], path.slice(1));
}

function pickFields(payload: Record<string, unknown>, includeFields: string[]): Record<string, unknown> {
	if (includeFields.length === 0) return payload;
	const picked: Record<string, unknown> = {};
	for (const field of includeFields) {
		const [head, ...rest] = field.split('.');
		if (!(head in payload)) continue;
		if (rest.length === 0) picked[head] = payload[head];
		else {
			const inner = payload[head];
			const sub = (item: unknown) => pickFields(item as Record<string, unknown>, [rest.join('.')]);
			const existing = picked[head];
			if (Array.isArray(inner))
				picked[head] = inner.map((item, index) => ({ ...((existing as Record<string, unknown>[] | undefined)?.[index] ?? {}), ...sub(item) }));
			else if (inner && typeof inner === 'object') picked[head] = { ...((existing as Record<string, unknown>) ?? {}), ...sub(inner) };
		}
	}
	return picked;
}

/**
 * Webhook subscriptions and their deliveries: REST-shaped JSON signed with the app's client secret, every
 * X-Shopify-* header, at-least-once with retries on Shopify's schedule (compressible), the subscription
 * removed when a delivery exhausts its retries, and duplicates / drops / reordering on demand.
 */
export class WebhookService {
	readonly subscriptions = new Map<string, SubscriptionRecord>();
	readonly deliveries: DeliveryRecord[] = [];
	readonly removedSubscriptions: SubscriptionRecord[] = [];
	settings: WebhookSettings = { retryDelaysMs: [...SHOPIFY_RETRY_DELAYS_MS], timeoutMs: 5000 };
	chaos: WebhookChaos = { duplicate: 0, drop: 0, reorder: 0 };
	private held: DeliveryRecord[] = [];
	private readonly timers = new Set<NodeJS.Timeout>();
	private inFlight = 0;
	private idleWaiters: Array<() => void> = [];

	constructor(
		private readonly store: ShopStore,
		private readonly secret: () => string,
	) {
		store.onEvent((event) => this.announce(event));
	}

	reset(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.subscriptions.clear();
		this.deliveries.length = 0;
		this.removedSubscriptions.length = 0;
		this.held = [];
		this.chaos = { duplicate: 0, drop: 0, reorder: 0 };
		this.settings = { retryDelaysMs: [...SHOPIFY_RETRY_DELAYS_MS], timeoutMs: 5000 };
		this.notifyIfIdle();
	}

	create(topic: DeliveredTopic, input: { uri: string; format?: 'JSON' | 'XML'; filter?: string | null; includeFields?: string[]; metafieldNamespaces?: string[]; name?: string | null }, apiVersion: string): SubscriptionRecord {
		const legacyId = this.store.nextId('WebhookSubscription');
		const now = this.store.nowIso();
		const record: SubscriptionRecord = {
			__typename: 'WebhookSubscription',
			id: gid('WebhookSubscription', legacyId),
			legacyResourceId: legacyId,
			topic,
			uri: input.uri,
			format: input.format ?? 'JSON',
			filter: input.filter ?? null,
			includeFields: input.includeFields ?? [],
			metafieldNamespaces: input.metafieldNamespaces ?? [],
			name: input.name ?? null,
			apiVersion,
			createdAt: now,
			updatedAt: now,
		};
		this.subscriptions.set(record.id, record);
		return record;
	}

	private announce(event: StoreEvent): void {
		const triggeredAt = new Date(this.store.clock()).toISOString();
		for (const subscription of this.subscriptions.values()) {
			if (subscription.topic !== event.topic) continue;
			const payload = webhookPayload(this.store, event.topic, subscription.apiVersion, event);
			if (subscription.filter && !compileFilter(subscription.filter)(payload)) continue;
			const body = JSON.stringify(pickFields(payload, subscription.includeFields));
			const eventId = randomUUID();
			const delivery = this.newDelivery(subscription, eventId, body, triggeredAt, false);
			this.dispatch(delivery);
		}
	}

	private newDelivery(subscription: SubscriptionRecord, eventId: string, body: string, triggeredAt: string, duplicate: boolean): DeliveryRecord {
		const webhookId = randomUUID();
		const delivery: DeliveryRecord = {
			webhookId,
			eventId,
			topic: subscription.topic,
			subscriptionId: subscription.id,
			uri: subscription.uri,
			apiVersion: subscription.apiVersion,
			triggeredAt,
			body,
			headers: {
				'content-type': 'application/json',
				'user-agent': 'Shopify-Captain-Hook',
				'x-shopify-topic': subscription.topic,
				'x-shopify-hmac-sha256': createHmac('sha256', this.secret()).update(body, 'utf8').digest('base64'),
				'x-shopify-shop-domain': this.store.shop.myshopifyDomain,
				'x-shopify-api-version': subscription.apiVersion,
				'x-shopify-webhook-id': webhookId,
				'x-shopify-event-id': eventId,
				'x-shopify-triggered-at': triggeredAt,
			},
			attempts: [],
			state: 'pending',
			duplicate,
		};
		this.deliveries.push(delivery);
		if (this.deliveries.length > MAX_KEPT_DELIVERIES) this.forgetFinishedDeliveries();
		return delivery;
	}

	private dispatch(delivery: DeliveryRecord): void {
		if (this.chaos.drop > 0) {
			this.chaos.drop--;
			delivery.state = 'dropped';
			return;
		}
		if (this.chaos.duplicate > 0) {
			this.chaos.duplicate--;
			const subscription = this.subscriptions.get(delivery.subscriptionId);
			if (subscription) {
				const copy = this.newDelivery(subscription, delivery.eventId, delivery.body, delivery.triggeredAt, true);
				this.schedule(delivery, 0);
				this.schedule(copy, 0);
				return;
			}
		}
		if (this.chaos.reorder > 0) {
			this.chaos.reorder--;
			delivery.state = 'held';
			this.held.push(delivery);
			if (this.chaos.reorder === 0) this.releaseHeld();
			return;
		}
		this.schedule(delivery, 0);
	}

	/** Keeps memory bounded in long runs: the oldest finished deliveries go first. */
	private forgetFinishedDeliveries(): void {
		const excess = this.deliveries.length - MAX_KEPT_DELIVERIES + MAX_KEPT_DELIVERIES / 10;
		let removed = 0;
		for (let index = 0; index < this.deliveries.length && removed < excess; ) {
			const state = this.deliveries[index].state;
			if (state === 'delivered' || state === 'failed' || state === 'dropped') {
				this.deliveries.splice(index, 1);
				removed++;
			} else index++;
		}
	}

	/** Sends held deliveries, newest first. */
	releaseHeld(): number {
		const held = this.held.reverse();
		this.held = [];
		// one after another, so the reversed order is the order on the wire
		let chain = Promise.resolve();
		for (const delivery of held) {
			delivery.state = 'pending';
			this.inFlight++;
			chain = chain.then(() =>
				this.attempt(delivery).finally(() => {
					this.inFlight--;
					this.notifyIfIdle();
				}),
			);
		}
		return held.length;
	}

	private schedule(delivery: DeliveryRecord, delayMs: number): void {
		this.inFlight++;
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			void this.attempt(delivery).finally(() => {
				this.inFlight--;
				this.notifyIfIdle();
			});
		}, delayMs);
		this.timers.add(timer);
	}

	private async attempt(delivery: DeliveryRecord): Promise<void> {
		if (!this.subscriptions.has(delivery.subscriptionId)) {
			delivery.state = 'failed';
			return;
		}
		const at = new Date(this.store.clock()).toISOString();
		const outcome = await post(delivery.uri, delivery.headers, delivery.body, this.settings.timeoutMs);
		delivery.attempts.push({ at, status: outcome.status, error: outcome.error });
		if (outcome.status !== null && outcome.status >= 200 && outcome.status < 300) {
			delivery.state = 'delivered';
			return;
		}
		const retryIndex = delivery.attempts.length - 1;
		if (retryIndex < this.settings.retryDelaysMs.length) {
			this.schedule(delivery, this.settings.retryDelaysMs[retryIndex]);
			return;
		}
		delivery.state = 'failed';
		// Shopify deletes a subscription whose deliveries keep failing after every retry
		const subscription = this.subscriptions.get(delivery.subscriptionId);
		if (subscription) {
			this.subscriptions.delete(subscription.id);
			this.removedSubscriptions.push(subscription);
		}
	}

	private notifyIfIdle(): void {
		if (this.inFlight > 0) return;
		const waiters = this.idleWaiters;
		this.idleWaiters = [];
		for (const resolve of waiters) resolve();
	}

	/** Resolves when nothing is being sent or waiting for a retry (or after timeoutMs). */
	settle(timeoutMs: number): Promise<boolean> {
		if (this.inFlight === 0) return Promise.resolve(true);
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.idleWaiters = this.idleWaiters.filter((waiter) => waiter !== done);
				resolve(false);
			}, timeoutMs);
			const done = (): void => {
				clearTimeout(timer);
				resolve(true);
			};
			this.idleWaiters.push(done);
		});
	}
}

function post(uri: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<{ status: number | null; error: string | null }> {
	return new Promise((resolve) => {
		let settled = false;
		const finish = (result: { status: number | null; error: string | null }): void => {
			if (settled) return;
			settled = true;
			resolve(result);
		};
		let url: URL;
		try {
			url = new URL(uri);
		} catch {
			finish({ status: null, error: 'invalid uri' });
			return;
		}
		const transport = url.protocol === 'https:' ? https : http;
		const request = transport.request(
			url,
			{ method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)), connection: 'close' }, agent: false },
			(response) => {
				response.resume();
				response.on('end', () => finish({ status: response.statusCode ?? null, error: null }));
				response.on('error', (error) => finish({ status: null, error: error.message }));
			},
		);
		request.setTimeout(timeoutMs, () => {
			request.destroy();
			finish({ status: null, error: `no answer within ${timeoutMs} ms` });
		});
		request.on('error', (error) => finish({ status: null, error: error.message }));
		request.end(body);
	});
}
