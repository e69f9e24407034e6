import {
	DISCOUNT_APPLICATION_FIELDS,
	FULFILLMENT_ORDER_FIELDS,
	LINE_ITEM_FIELDS,
	ORDER_FIELDS,
	SHIPPING_LINE_FIELDS,
} from '../orders/orderSelection';

/**
 * GraphQL documents for reading orders. The field lists live in lib/shopify/orders/orderSelection.ts, shared
 * with the bulk query so paged and bulk mode return the same objects. Connections are read through `nodes`.
 */

const PAGE_INFO = 'pageInfo { hasNextPage endCursor }';

/** How many orders match a search, capped by `limit` (Shopify counts up to 10,000 by default). */
export const ORDERS_COUNT = `query OrdersCount($query: String, $limit: Int) {
	ordersCount(query: $query, limit: $limit) { count precision }
}`;

/** The cheap listing: ids and update times only (about 2 + 1 point per order). */
export const ORDER_IDS_PAGE = `query OrderIdsPage($first: Int!, $after: String, $query: String,
	$sortKey: OrderSortKeys, $reverse: Boolean) {
	orders(first: $first, after: $after, query: $query, sortKey: $sortKey, reverse: $reverse) {
		nodes { id updatedAt createdAt }
		${PAGE_INFO}
	}
}`;

/**
 * Full orders by id. The number of line items per order is a variable so the batch sizer can trade it
 * against orders per batch; whatever is beyond the first page is fetched with the page documents below.
 */
export const ORDER_DETAILS = `query OrderDetails($ids: [ID!]!, $lineItemsFirst: Int!, $discountsFirst: Int!,
	$shippingLinesFirst: Int!, $fulfillmentOrdersFirst: Int!) {
	nodes(ids: $ids) {
		__typename
		... on Order {
			${ORDER_FIELDS}
			lineItems(first: $lineItemsFirst) { nodes { ${LINE_ITEM_FIELDS} } ${PAGE_INFO} }
			discountApplications(first: $discountsFirst) { nodes { ${DISCOUNT_APPLICATION_FIELDS} } ${PAGE_INFO} }
			shippingLines(first: $shippingLinesFirst) { nodes { ${SHIPPING_LINE_FIELDS} } ${PAGE_INFO} }
			fulfillmentOrders(first: $fulfillmentOrdersFirst) { nodes { ${FULFILLMENT_ORDER_FIELDS} } ${PAGE_INFO} }
		}
	}
}`;

export const ORDER_LINE_ITEMS_PAGE = `query OrderLineItemsPage($id: ID!, $first: Int!, $after: String) {
	node(id: $id) {
		__typename
		... on Order { lineItems(first: $first, after: $after) { nodes { ${LINE_ITEM_FIELDS} } ${PAGE_INFO} } }
	}
}`;

export const ORDER_DISCOUNT_APPLICATIONS_PAGE = `query OrderDiscountApplicationsPage($id: ID!, $first: Int!,
	$after: String) {
	node(id: $id) {
		__typename
		... on Order {
			discountApplications(first: $first, after: $after) { nodes { ${DISCOUNT_APPLICATION_FIELDS} } ${PAGE_INFO} }
		}
	}
}`;

export const ORDER_SHIPPING_LINES_PAGE = `query OrderShippingLinesPage($id: ID!, $first: Int!, $after: String) {
	node(id: $id) {
		__typename
		... on Order { shippingLines(first: $first, after: $after) { nodes { ${SHIPPING_LINE_FIELDS} } ${PAGE_INFO} } }
	}
}`;

export const ORDER_FULFILLMENT_ORDERS_PAGE = `query OrderFulfillmentOrdersPage($id: ID!, $first: Int!, $after: String) {
	node(id: $id) {
		__typename
		... on Order {
			fulfillmentOrders(first: $first, after: $after) { nodes { ${FULFILLMENT_ORDER_FIELDS} } ${PAGE_INFO} }
		}
	}
}`;

/** The app's granted scopes: without `read_all_orders` Shopify only shows the last 60 days of orders. */
export const APP_ACCESS_SCOPES = `query AppAccessScopes {
	currentAppInstallation { accessScopes { handle } }
}`;
