import {
	DISCOUNT_APPLICATION_FIELDS,
	FULFILLMENT_ORDER_FIELDS,
	LINE_ITEM_FIELDS,
	ORDER_FIELDS,
	SHIPPING_LINE_FIELDS,
} from './orderSelection';
import type { OrderSortKey } from './orderFilters';

/**
 * The connections an order has in bulk mode. Bulk results put each connection node on its own JSONL line
 * with `__parentId`; `__typename` tells which connection a line belongs to (it is removed again when the
 * order is joined, except on discount applications where the paged documents select it too).
 */
export const BULK_CHILD_CONNECTIONS = [
	{ field: 'lineItems', typenames: ['LineItem'], keepTypename: false },
	{
		field: 'discountApplications',
		typenames: [
			'DiscountCodeApplication',
			'AutomaticDiscountApplication',
			'ManualDiscountApplication',
			'ScriptDiscountApplication',
		],
		keepTypename: true,
	},
	{ field: 'shippingLines', typenames: ['ShippingLine'], keepTypename: false },
	{ field: 'fulfillmentOrders', typenames: ['FulfillmentOrder'], keepTypename: false },
] as const;

/**
 * The bulk query for the same selection as OrderDetails. Bulk queries take no variables, so the search
 * string is embedded as a JSON string literal (valid GraphQL string escaping). Bulk mode reads
 * connections to the end by itself, so no `first:` is needed on nested connections.
 */
export function bulkOrdersQuery(search: string, sortKey: OrderSortKey, reverse: boolean): string {
	const args = [`sortKey: ${sortKey}`, reverse ? 'reverse: true' : '', search ? `query: ${JSON.stringify(search)}` : '']
		.filter(Boolean)
		.join(', ');
	return `query BulkOrders {
	orders(${args}) {
		edges { node {
			${ORDER_FIELDS}
			lineItems { edges { node { __typename ${LINE_ITEM_FIELDS} } } }
			discountApplications { edges { node { ${DISCOUNT_APPLICATION_FIELDS} } } }
			shippingLines { edges { node { __typename ${SHIPPING_LINE_FIELDS} } } }
			fulfillmentOrders { edges { node { __typename ${FULFILLMENT_ORDER_FIELDS} } } }
		} }
	}
}`;
}
