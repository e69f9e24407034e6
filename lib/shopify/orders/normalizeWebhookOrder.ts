import { gidFromNumericId, legacyIdOf, utcTimestamp } from './ids';
import { posMoney, type PosMoneySet } from './money';
import type {
	PosAddress,
	PosDiscount,
	PosLineItem,
	PosLocation,
	PosOrder,
	PosShippingLine,
	PosTaxLine,
} from './posOrder';
import type {
	RestAddress,
	RestDiscountApplication,
	RestLineItem,
	RestMoneySet,
	RestOrder,
	RestShippingLine,
	RestTaxLine,
} from './webhookOrder';

/** REST's fulfillment_status → GraphQL's displayFulfillmentStatus (null means nothing fulfilled yet). */
const FULFILLMENT_STATUS: Record<string, string> = {
	fulfilled: 'FULFILLED',
	partial: 'PARTIALLY_FULFILLED',
	restocked: 'RESTOCKED',
	unfulfilled: 'UNFULFILLED',
};

/**
 * A POS-ready order from Shopify's order webhook payload: the same shape as normalizeGraphqlOrder gives for
 * the same order. Where the payload lacks something GraphQL has (inventory item ids, location names), the
 * field is null and documented so on PosOrder.
 */
export function normalizeWebhookOrder(payload: RestOrder): PosOrder {
	const id = payload.admin_graphql_api_id ?? gidFromNumericId('Order', payload.id);
	if (!id) {
		throw new Error(
			'The webhook payload has no usable order id (admin_graphql_api_id is missing): check that the ' +
				'subscription does not leave it out with includeFields.',
		);
	}
	const shopCurrency = payload.currency ?? '';
	return {
		id,
		legacyId: legacyIdOf(id),
		name: payload.name ?? '',
		number: payload.order_number ?? 0,
		createdAt: utcTimestamp(payload.created_at ?? ''),
		updatedAt: utcTimestamp(payload.updated_at ?? ''),
		processedAt: utcTimestamp(payload.processed_at ?? payload.created_at ?? ''),
		closedAt: utcTimestamp(payload.closed_at),
		cancelledAt: utcTimestamp(payload.cancelled_at),
		cancelReason: upper(payload.cancel_reason),
		currency: { shop: shopCurrency, presentment: payload.presentment_currency ?? shopCurrency },
		email: payload.email ?? payload.contact_email ?? null,
		phone: payload.phone ?? null,
		customer: customer(payload),
		billingAddress: address(payload.billing_address),
		shippingAddress: address(payload.shipping_address),
		financialStatus: upper(payload.financial_status),
		fulfillmentStatus: payload.fulfillment_status
			? (FULFILLMENT_STATUS[payload.fulfillment_status] ?? payload.fulfillment_status.toUpperCase())
			: 'UNFULFILLED',
		test: payload.test ?? false,
		tags: (payload.tags ?? '')
			.split(',')
			.map((tag) => tag.trim())
			.filter((tag) => tag !== ''),
		note: payload.note ?? null,
		sourceName: payload.source_name ?? null,
		taxesIncluded: payload.taxes_included ?? false,
		fulfillmentLocations: fulfillmentLocations(payload),
		lineItems: (payload.line_items ?? []).map(lineItem),
		discountCodes: (payload.discount_codes ?? []).flatMap((code) => (code.code ? [code.code] : [])),
		discounts: (payload.discount_applications ?? []).map((value, index) =>
			discount(value, index, payload.presentment_currency ?? shopCurrency),
		),
		// GraphQL's shippingLines leaves out lines removed by an order edit; so does the POS-ready shape.
		shippingLines: (payload.shipping_lines ?? []).filter((line) => !line.is_removed).map(shippingLine),
		taxLines: (payload.tax_lines ?? []).map(taxLine),
		...totalsOf(payload),
	};
}

/** The order's totals now (after edits and refunds) and as first placed. */
function totalsOf(payload: RestOrder): Pick<PosOrder, 'totals' | 'originalTotals'> {
	return {
		totals: {
			subtotal: moneySet(payload.current_subtotal_price_set),
			discounts: moneySet(payload.current_total_discounts_set),
			shipping: moneySet(payload.current_shipping_price_set),
			tax: moneySet(payload.current_total_tax_set),
			total: moneySet(payload.current_total_price_set),
		},
		originalTotals: {
			subtotal: moneySet(payload.subtotal_price_set),
			discounts: moneySet(payload.total_discounts_set),
			shipping: moneySet(payload.total_shipping_price_set),
			tax: moneySet(payload.total_tax_set),
			total: moneySet(payload.total_price_set),
		},
	};
}

function upper(value: string | null | undefined): string | null {
	return value ? value.toUpperCase() : null;
}

function moneySet(set: RestMoneySet | null | undefined): PosMoneySet | null {
	if (!set) return null;
	return {
		shop: posMoney(set.shop_money.amount, set.shop_money.currency_code),
		presentment: posMoney(set.presentment_money.amount, set.presentment_money.currency_code),
	};
}

/** A money set the order cannot be booked without: Shopify always sends it, so its absence is an error. */
function requiredMoneySet(set: RestMoneySet | null | undefined, what: string): PosMoneySet {
	const value = moneySet(set);
	if (!value) throw new Error(`The webhook payload has no ${what}: the order cannot be read without it.`);
	return value;
}

function customer(payload: RestOrder): PosOrder['customer'] {
	const value = payload.customer;
	if (!value) return null;
	const id = value.admin_graphql_api_id ?? gidFromNumericId('Customer', value.id);
	if (!id) return null;
	return {
		id,
		legacyId: legacyIdOf(id),
		firstName: value.first_name ?? null,
		lastName: value.last_name ?? null,
		email: value.email ?? null,
		phone: value.phone ?? null,
	};
}

function address(value: RestAddress | null | undefined): PosAddress | null {
	if (!value) return null;
	return {
		name: value.name ?? null,
		firstName: value.first_name ?? null,
		lastName: value.last_name ?? null,
		company: value.company ?? null,
		address1: value.address1 ?? null,
		address2: value.address2 ?? null,
		city: value.city ?? null,
		province: value.province ?? null,
		provinceCode: value.province_code ?? null,
		zip: value.zip ?? null,
		country: value.country ?? null,
		countryCode: value.country_code ?? null,
		phone: value.phone ?? null,
	};
}

function taxLine(value: RestTaxLine): PosTaxLine {
	return {
		title: value.title ?? '',
		rate: value.rate === null || value.rate === undefined ? null : Number(value.rate),
		amount: requiredMoneySet(value.price_set, `price_set on the tax line "${value.title ?? ''}"`),
	};
}

function lineItem(value: RestLineItem): PosLineItem {
	const id = value.admin_graphql_api_id;
	if (!id) throw new Error('A line item in the webhook payload has no admin_graphql_api_id.');
	const unitPrice = requiredMoneySet(value.price_set, `price_set on line item ${id}`);
	const allocations = value.discount_allocations ?? [];
	return {
		id,
		legacyId: legacyIdOf(id),
		sku: value.sku ?? null,
		title: value.title ?? '',
		variantTitle: value.variant_title ?? null,
		name: value.name ?? value.title ?? '',
		vendor: value.vendor ?? null,
		variantId: gidFromNumericId('ProductVariant', value.variant_id),
		productId: gidFromNumericId('Product', value.product_id),
		inventoryItemId: null,
		quantity: value.current_quantity ?? value.quantity ?? 0,
		originalQuantity: value.quantity ?? 0,
		unitPrice,
		// The payload has no discounted unit price; without discounts it is the unit price.
		discountedUnitPrice: allocations.length === 0 ? unitPrice : null,
		totalDiscount: requiredMoneySet(value.total_discount_set, `total_discount_set on line item ${id}`),
		discountAllocations: allocations.map((allocation) => ({
			amount: requiredMoneySet(allocation.amount_set, `amount_set on a discount of line item ${id}`),
			discountIndex: allocation.discount_application_index ?? 0,
		})),
		taxLines: (value.tax_lines ?? []).map(taxLine),
		requiresShipping: value.requires_shipping ?? true,
		taxable: value.taxable ?? true,
		isGiftCard: value.gift_card ?? false,
	};
}

const DISCOUNT_TYPES: Record<string, string> = {
	discount_code: 'DISCOUNT_CODE',
	automatic: 'AUTOMATIC',
	manual: 'MANUAL',
	script: 'SCRIPT',
};

function discount(value: RestDiscountApplication, index: number, presentmentCurrency: string): PosDiscount {
	const isPercentage = value.value_type === 'percentage';
	const amount = value.value === undefined ? null : String(value.value);
	return {
		index,
		type: DISCOUNT_TYPES[value.type ?? ''] ?? (value.type ?? '').toUpperCase(),
		code: value.code ?? null,
		// Code discounts have no title in GraphQL; the payload repeats the code there.
		title: value.type === 'discount_code' ? null : (value.title ?? null),
		valueType: isPercentage ? 'PERCENTAGE' : 'FIXED_AMOUNT',
		percentage: isPercentage && amount !== null ? Number(amount) : null,
		amount: !isPercentage && amount !== null ? posMoney(amount, presentmentCurrency) : null,
		allocationMethod: (value.allocation_method ?? '').toUpperCase(),
		targetSelection: (value.target_selection ?? '').toUpperCase(),
		targetType: (value.target_type ?? '').toUpperCase(),
	};
}

function shippingLine(value: RestShippingLine): PosShippingLine {
	const title = value.title ?? '';
	return {
		title,
		code: value.code ?? null,
		source: value.source ?? null,
		price: requiredMoneySet(value.price_set, `price_set on the shipping line "${title}"`),
		discountedPrice: requiredMoneySet(
			value.discounted_price_set ?? value.price_set,
			`discounted_price_set on the shipping line "${title}"`,
		),
		taxLines: (value.tax_lines ?? []).map(taxLine),
	};
}

function fulfillmentLocations(payload: RestOrder): PosLocation[] {
	const seen = new Map<string, PosLocation>();
	for (const fulfillment of payload.fulfillments ?? []) {
		const id = gidFromNumericId('Location', fulfillment.location_id);
		if (id && !seen.has(id)) seen.set(id, { id, legacyId: legacyIdOf(id), name: null });
	}
	return [...seen.values()];
}
