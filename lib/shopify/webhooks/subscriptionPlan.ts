import type { OrderWebhookTopic } from './topics';

/** The subscriptions this trigger wants at its webhook URL. */
export interface DesiredSubscriptions {
	uri: string;
	topics: readonly OrderWebhookTopic[];
	/** Shopify search syntax, e.g. `financial_status:paid`; empty = every event. */
	filter?: string;
	/** Payload fields to keep; empty = the whole payload. */
	includeFields?: readonly string[];
}

/** A subscription as Shopify lists it (topic already in webhook spelling; unknown topics are left out). */
export interface ExistingSubscription {
	id: string;
	topic: OrderWebhookTopic;
	uri: string;
	filter: string | null;
	includeFields: readonly string[];
}

export interface SubscriptionPlan {
	/** Already registered as wanted. */
	keep: ExistingSubscription[];
	create: OrderWebhookTopic[];
	/** Duplicates, or subscriptions at our URL whose topic, filter or fields are no longer wanted. */
	remove: ExistingSubscription[];
}

function sameFields(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
	const left = [...new Set((a ?? []).map((f) => f.trim()).filter(Boolean))].sort();
	const right = [...new Set((b ?? []).map((f) => f.trim()).filter(Boolean))].sort();
	return left.length === right.length && left.every((field, i) => field === right[i]);
}

function matches(existing: ExistingSubscription, desired: DesiredSubscriptions): boolean {
	return (
		existing.uri === desired.uri &&
		(existing.filter ?? '').trim() === (desired.filter ?? '').trim() &&
		sameFields(existing.includeFields, desired.includeFields)
	);
}

/**
 * Compares what Shopify has with what the node wants. Shopify deletes an API-created subscription after
 * 8 failed deliveries, and n8n calls `checkExists` on every activation, so a missing topic is simply
 * planned again; anything registered twice (an earlier crash between create and save) is planned for removal.
 */
export function planSubscriptions(desired: DesiredSubscriptions, existing: readonly ExistingSubscription[]): SubscriptionPlan {
	const plan: SubscriptionPlan = { keep: [], create: [], remove: [] };
	const wanted = new Set(desired.topics);
	for (const topic of wanted) {
		const candidates = existing.filter((subscription) => subscription.topic === topic && subscription.uri === desired.uri);
		const match = candidates.find((subscription) => matches(subscription, desired));
		if (match) plan.keep.push(match);
		else plan.create.push(topic);
		plan.remove.push(...candidates.filter((subscription) => subscription !== match));
	}
	plan.remove.push(...existing.filter((subscription) => subscription.uri === desired.uri && !wanted.has(subscription.topic)));
	return plan;
}

export function isPlanSatisfied(plan: SubscriptionPlan): boolean {
	return plan.create.length === 0 && plan.remove.length === 0;
}
