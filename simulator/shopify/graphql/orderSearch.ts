import type { OrderRecord } from '../store/records';
import { numericId } from '../store/shopStore';
import { compareDate, compareNumber, compareText, type FieldMatcher } from './searchSyntax';

const FULFILLMENT_ALIASES: Record<string, string[]> = {
	shipped: ['FULFILLED'],
	fulfilled: ['FULFILLED'],
	partial: ['PARTIALLY_FULFILLED'],
	unshipped: ['UNFULFILLED'],
	unfulfilled: ['UNFULFILLED', 'PARTIALLY_FULFILLED'],
	any: ['FULFILLED', 'PARTIALLY_FULFILLED', 'UNFULFILLED'],
};

/**
 * The order search fields the simulator understands; others are ignored with a warning, as Shopify does.
 * `now` in a date term is the store's clock, so tests on an injected clock get consistent answers.
 */
export function orderSearchFields(now: () => number): Record<string, FieldMatcher<OrderRecord>> {
	return {
		updated_at: (order, comparator, value) => compareDate(order.updatedAt, comparator, value, now),
		created_at: (order, comparator, value) => compareDate(order.createdAt, comparator, value, now),
		processed_at: (order, comparator, value) => compareDate(order.processedAt, comparator, value, now),
		...ORDER_ATTRIBUTE_FIELDS,
	};
}

const ORDER_ATTRIBUTE_FIELDS: Record<string, FieldMatcher<OrderRecord>> = {
	financial_status: (order, _comparator, value) =>
		value.toLowerCase() === 'any' || order.financialStatus.toLowerCase() === value.toLowerCase(),
	fulfillment_status: (order, _comparator, value) =>
		(FULFILLMENT_ALIASES[value.toLowerCase()] ?? [value.toUpperCase()]).includes(order.fulfillmentStatus),
	status: (order, _comparator, value) => {
		switch (value.toLowerCase()) {
			case 'open':
				return order.closedAt === null && order.cancelledAt === null;
			case 'closed':
				return order.closedAt !== null;
			case 'cancelled':
				return order.cancelledAt !== null;
			case 'any':
				return true;
			default:
				return false;
		}
	},
	name: (order, comparator, value) => {
		const wanted = value.startsWith('#') ? value : `#${value}`;
		return compareText(order.name, comparator, wanted);
	},
	tag: (order, _comparator, value) => order.tags.some((tag) => compareText(tag, '=', value)),
	tag_not: (order, _comparator, value) => !order.tags.some((tag) => compareText(tag, '=', value)),
	source_name: (order, comparator, value) => compareText(order.sourceName, comparator, value),
	sales_channel: (order, comparator, value) => compareText(salesChannelOf(order), comparator, value),
	sku: (order, comparator, value) => order.lineItems.some((line) => compareText(line.sku, comparator, value)),
	email: (order, comparator, value) => compareText(order.email, comparator, value),
	test: (order, _comparator, value) => String(order.test) === value.toLowerCase(),
	id: (order, comparator, value) => {
		const wanted = value.startsWith('gid://') ? numericId(value) : value;
		return compareNumber(order.legacyResourceId, comparator, Number(wanted));
	},
	customer_id: (order, _comparator, value) => order.customer !== null && String(order.customer.legacyResourceId) === value,
	location_id: (order, _comparator, value) =>
		order.fulfillmentOrders.some((fo) => numericId(fo.locationId) === (value.startsWith('gid://') ? numericId(value) : value)),
};

/**
 * The sales channel an order came through, by the handle the Get Orders "Sales Channel" filter sends.
 * Shopify documents `sales_channel` as "the sales channel where the order was made" without listing its
 * values; the Online Store and Point of Sale handles used here are the channels' app handles (UNCONFIRMED
 * as search values). Other sources are their own channel.
 */
export function salesChannelOf(order: OrderRecord): string {
	if (order.sourceName === 'web') return 'online_store';
	if (order.sourceName === 'pos') return 'pos';
	return order.sourceName;
}

/** A bare word searches the order's name, email, tags and customer name. */
export function orderFreeText(order: OrderRecord, value: string): boolean {
	const needle = value.toLowerCase().replace(/\*$/, '');
	const haystack = [
		order.name,
		order.email ?? '',
		...order.tags,
		order.customer?.firstName ?? '',
		order.customer?.lastName ?? '',
	];
	return haystack.some((text) => text.toLowerCase().includes(needle));
}
