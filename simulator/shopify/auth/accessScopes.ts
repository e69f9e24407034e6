import { GraphQLError } from 'graphql';

/** Every scope the simulated app is granted unless a test narrows it. */
export const ALL_SCOPES: readonly string[] = [
	'read_orders',
	'write_orders',
	'read_all_orders',
	'read_customers',
	'read_products',
	'read_inventory',
	'write_inventory',
	'read_locations',
	'read_fulfillments',
	'read_assigned_fulfillment_orders',
	'read_merchant_managed_fulfillment_orders',
];

/** The scope Shopify checks for a field ("Type.field"); fields not listed need none beyond a valid token. */
export const FIELD_SCOPES: Record<string, string> = {
	'QueryRoot.orders': 'read_orders',
	'QueryRoot.order': 'read_orders',
	'QueryRoot.ordersCount': 'read_orders',
	'QueryRoot.locations': 'read_locations',
	'QueryRoot.location': 'read_locations',
	'QueryRoot.productVariants': 'read_products',
	'QueryRoot.productVariant': 'read_products',
	'QueryRoot.product': 'read_products',
	'QueryRoot.inventoryItems': 'read_inventory',
	'QueryRoot.inventoryItem': 'read_inventory',
	'QueryRoot.inventoryLevel': 'read_inventory',
	'Order.customer': 'read_customers',
	'Order.fulfillmentOrders': 'read_merchant_managed_fulfillment_orders',
	'Mutation.inventoryAdjustQuantities': 'write_inventory',
	'Mutation.inventorySetQuantities': 'write_inventory',
};

/** write_x implies read_x, as in Shopify's scope model. */
export function hasScope(granted: readonly string[], required: string): boolean {
	return granted.includes(required) || (required.startsWith('read_') && granted.includes(`write_${required.slice(5)}`));
}

/** Shopify's own wording: HTTP 200, code ACCESS_DENIED, and the required scope in the message. */
export function accessDenied(fieldName: string, scope: string): GraphQLError {
	const requiredAccess = `\`${scope}\` access scope.`;
	return new GraphQLError(`Access denied for ${fieldName} field. Required access: ${requiredAccess}`, {
		extensions: {
			code: 'ACCESS_DENIED',
			documentation: 'https://shopify.dev/api/usage/access-scopes',
			requiredAccess,
		},
	});
}
