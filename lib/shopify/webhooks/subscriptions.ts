import type { GraphqlClient } from '../orders/graphqlClient';
import {
	WEBHOOK_SUBSCRIPTIONS_BY_URI,
	WEBHOOK_SUBSCRIPTION_CREATE,
	WEBHOOK_SUBSCRIPTION_DELETE,
	WEBHOOK_SHOP_DOMAIN,
} from '../operations/webhooks';
import { registrationApiError, registrationUserError, type UserErrorEntry } from './registrationError';
import type { DesiredSubscriptions, ExistingSubscription, SubscriptionPlan } from './subscriptionPlan';
import { ORDER_WEBHOOK_TOPICS, topicFromGraphqlEnum, topicToGraphqlEnum, type OrderWebhookTopic } from './topics';
import { allPages, type PageInfo } from '../allPages';

/** Subscriptions need only the requests of the one transport seam. */
type SubscriptionClient = Pick<GraphqlClient, 'request'>;

interface SubscriptionNode {
	id: string;
	topic: string;
	uri: string;
	filter: string | null;
	includeFields: string[] | null;
}

interface SubscriptionsPage {
	webhookSubscriptions: { nodes: SubscriptionNode[]; pageInfo: PageInfo };
}

interface CreatePayload {
	webhookSubscriptionCreate: { webhookSubscription: SubscriptionNode | null; userErrors: UserErrorEntry[] } | null;
}

interface DeletePayload {
	webhookSubscriptionDelete: { deletedWebhookSubscriptionId: string | null; userErrors: UserErrorEntry[] } | null;
}

function toExisting(node: SubscriptionNode): ExistingSubscription | undefined {
	const topic = topicFromGraphqlEnum(node.topic);
	if (!topic) return undefined;
	return { id: node.id, topic, uri: node.uri, filter: node.filter, includeFields: node.includeFields ?? [] };
}

/** Every order-topic subscription of this app at `uri`. */
export async function listSubscriptions(client: SubscriptionClient, uri: string): Promise<ExistingSubscription[]> {
	try {
		return await allPages(async (after) => {
			const response = await client.request<SubscriptionsPage>(WEBHOOK_SUBSCRIPTIONS_BY_URI, { uri, topics: ORDER_WEBHOOK_TOPICS.map(topicToGraphqlEnum), first: 100, after });
			const page = response.data.webhookSubscriptions;
			return { items: page.nodes.map(toExisting).filter((subscription): subscription is ExistingSubscription => subscription !== undefined), pageInfo: page.pageInfo };
		});
	} catch (error) {
		throw registrationApiError(error);
	}
}

export async function createSubscription(
	client: SubscriptionClient,
	topic: OrderWebhookTopic,
	desired: DesiredSubscriptions,
): Promise<ExistingSubscription> {
	const input: Record<string, unknown> = { uri: desired.uri, format: 'JSON' };
	if (desired.filter?.trim()) input.filter = desired.filter.trim();
	const fields = (desired.includeFields ?? []).map((field) => field.trim()).filter(Boolean);
	if (fields.length > 0) input.includeFields = fields;
	let payload: CreatePayload['webhookSubscriptionCreate'];
	try {
		const response = await client.request<CreatePayload>(WEBHOOK_SUBSCRIPTION_CREATE, {
			topic: topicToGraphqlEnum(topic),
			webhookSubscription: input,
		});
		payload = response.data.webhookSubscriptionCreate;
	} catch (error) {
		throw registrationApiError(error, topic);
	}
	if (!payload || payload.userErrors.length > 0 || !payload.webhookSubscription) {
		throw registrationUserError(topic, payload?.userErrors ?? [{ message: 'no subscription was returned' }]);
	}
	const created = toExisting(payload.webhookSubscription);
	return created ?? { id: payload.webhookSubscription.id, topic, uri: desired.uri, filter: desired.filter ?? null, includeFields: fields };
}

/** Deletes one subscription; one that is already gone counts as deleted. */
export async function deleteSubscription(client: SubscriptionClient, id: string): Promise<void> {
	let payload: DeletePayload['webhookSubscriptionDelete'];
	try {
		const response = await client.request<DeletePayload>(WEBHOOK_SUBSCRIPTION_DELETE, { id });
		payload = response.data.webhookSubscriptionDelete;
	} catch (error) {
		throw registrationApiError(error);
	}
	const errors = payload?.userErrors ?? [];
	if (errors.length > 0 && !errors.every((error) => /not exist|not found|could not find/i.test(error.message))) {
		throw registrationUserError('webhook subscription removal', errors);
	}
}

/** Removes what is unwanted first (Shopify refuses a second subscription for the same topic and URL), then creates. */
export async function applySubscriptionPlan(
	client: SubscriptionClient,
	plan: SubscriptionPlan,
	desired: DesiredSubscriptions,
): Promise<ExistingSubscription[]> {
	for (const subscription of plan.remove) await deleteSubscription(client, subscription.id);
	const active = [...plan.keep];
	for (const topic of plan.create) active.push(await createSubscription(client, topic, desired));
	return active;
}

/** The store's myshopify.com name as Shopify reports it (what deliveries carry in X-Shopify-Shop-Domain). */
export async function readShopDomain(client: SubscriptionClient): Promise<string> {
	try {
		const response = await client.request<{ shop: { myshopifyDomain: string } }>(WEBHOOK_SHOP_DOMAIN);
		return response.data.shop.myshopifyDomain;
	} catch (error) {
		throw registrationApiError(error);
	}
}
