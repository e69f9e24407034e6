/** The order events the trigger can subscribe to, in Shopify's webhook spelling (what `X-Shopify-Topic` carries). */
export const ORDER_WEBHOOK_TOPICS = [
	'orders/create',
	'orders/updated',
	'orders/paid',
	'orders/cancelled',
	'orders/fulfilled',
	'orders/partially_fulfilled',
	'orders/edited',
	'orders/delete',
	'refunds/create',
] as const;

export type OrderWebhookTopic = (typeof ORDER_WEBHOOK_TOPICS)[number];

/** `orders/partially_fulfilled` → `ORDERS_PARTIALLY_FULFILLED` (GraphQL's WebhookSubscriptionTopic). */
export function topicToGraphqlEnum(topic: OrderWebhookTopic): string {
	return topic.replace('/', '_').toUpperCase();
}

/** `ORDERS_PARTIALLY_FULFILLED` → `orders/partially_fulfilled`; undefined for topics this trigger does not handle. */
export function topicFromGraphqlEnum(value: string): OrderWebhookTopic | undefined {
	return ORDER_WEBHOOK_TOPICS.find((topic) => topicToGraphqlEnum(topic) === value);
}
