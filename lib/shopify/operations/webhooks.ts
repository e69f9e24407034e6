/**
 * GraphQL documents for the Order Trigger's webhook subscriptions. `uri` replaces the deprecated
 * `callbackUrl`; the subscription's API version is the app's, so the trigger reads `X-Shopify-API-Version`
 * from each delivery rather than assuming one.
 */

const SUBSCRIPTION_FIELDS = 'id topic uri filter includeFields format';

/** Subscriptions at one URL, narrowed to the topics the trigger handles. */
export const WEBHOOK_SUBSCRIPTIONS_BY_URI = `query WebhookSubscriptionsByUri($uri: String!, $topics: [WebhookSubscriptionTopic!],
	$first: Int!, $after: String) {
	webhookSubscriptions(uri: $uri, topics: $topics, first: $first, after: $after) {
		nodes { ${SUBSCRIPTION_FIELDS} }
		pageInfo { hasNextPage endCursor }
	}
}`;

export const WEBHOOK_SUBSCRIPTION_CREATE = `mutation WebhookSubscriptionCreate($topic: WebhookSubscriptionTopic!,
	$webhookSubscription: WebhookSubscriptionInput!) {
	webhookSubscriptionCreate(topic: $topic, webhookSubscription: $webhookSubscription) {
		webhookSubscription { ${SUBSCRIPTION_FIELDS} }
		userErrors { field message }
	}
}`;

export const WEBHOOK_SUBSCRIPTION_DELETE = `mutation WebhookSubscriptionDelete($id: ID!) {
	webhookSubscriptionDelete(id: $id) {
		deletedWebhookSubscriptionId
		userErrors { field message }
	}
}`;

/**
 * The store's own myshopify.com name, which Shopify sends in `X-Shopify-Shop-Domain`. Read when subscribing
 * because the credential may name the store another way (a loopback proxy or simulator address).
 */
export const WEBHOOK_SHOP_DOMAIN = `query WebhookShopDomain {
	shop { myshopifyDomain }
}`;
