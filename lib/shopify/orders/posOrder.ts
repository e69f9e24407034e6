import type { PosMoney, PosMoneySet } from './money';
export type { PosMoneySet } from './money';

/**
 * The POS-ready order: one stable, documented shape built either from the GraphQL Order the Get Orders
 * node reads or from the REST-shaped webhook payload the Order Trigger receives. Workflows map this shape
 * onto a POS API, so fields are only ever added, never renamed. Shown with an example in the README.
 *
 * Conventions: ids are Shopify GIDs (`gid://shopify/Order/123`) plus `legacyId`, the numeric id as a
 * string (webhook numbers lose precision above 2^53). Timestamps are UTC ISO-8601 (`2026-11-20T10:00:00Z`).
 * Enumerations use GraphQL's spelling (`PAID`, `PARTIALLY_FULFILLED`, `CUSTOMER`). Money is a
 * `PosMoneySet`: Shopify's decimal string verbatim plus integer minor units, in shop and presentment currency.
 *
 * The nodes emit it with `stockChanges` added: what the POS's stock must do for the event that brought the
 * order (lib/shopify/orders/stockChanges).
 */
export interface PosOrder {
	id: string;
	legacyId: string;
	/** What the shop owner sees, e.g. `#1001`. */
	name: string;
	/** The order number without prefix or suffix (`1001`). */
	number: number;
	createdAt: string;
	updatedAt: string;
	processedAt: string;
	closedAt: string | null;
	cancelledAt: string | null;
	/** `CUSTOMER`, `DECLINED`, `FRAUD`, `INVENTORY`, `OTHER`, `STAFF`, or null when not cancelled. */
	cancelReason: string | null;
	currency: { shop: string; presentment: string };
	email: string | null;
	phone: string | null;
	customer: PosCustomer | null;
	billingAddress: PosAddress | null;
	shippingAddress: PosAddress | null;
	/** `AUTHORIZED`, `PAID`, `PARTIALLY_PAID`, `PARTIALLY_REFUNDED`, `PENDING`, `REFUNDED`, `VOIDED`, `EXPIRED`. */
	financialStatus: string | null;
	/** `UNFULFILLED`, `PARTIALLY_FULFILLED`, `FULFILLED`, `RESTOCKED`, … (GraphQL's display status). */
	fulfillmentStatus: string | null;
	test: boolean;
	tags: string[];
	note: string | null;
	/** Where the order came from: `web`, `pos`, `shopify_draft_order`, an app's id… (the loop guard reads it). */
	sourceName: string | null;
	taxesIncluded: boolean;
	/** Locations assigned to fulfil the order (GraphQL), or that fulfilled it (webhook). */
	fulfillmentLocations: PosLocation[];
	lineItems: PosLineItem[];
	discountCodes: string[];
	/** Every discount on the order; line items point at them through `discountAllocations[].discountIndex`. */
	discounts: PosDiscount[];
	shippingLines: PosShippingLine[];
	taxLines: PosTaxLine[];
	/** Current totals: after edits, removals and refunds (what the POS should book now). */
	totals: PosTotals;
	/** Totals as the order was first placed. */
	originalTotals: PosTotals;
}

export interface PosTotals {
	/** Line items after discounts, before shipping and tax. */
	subtotal: PosMoneySet | null;
	discounts: PosMoneySet | null;
	shipping: PosMoneySet | null;
	tax: PosMoneySet | null;
	/** subtotal + shipping + tax (tax only when `taxesIncluded` is false) + duties and fees. */
	total: PosMoneySet | null;
}

export interface PosCustomer {
	id: string;
	legacyId: string;
	firstName: string | null;
	lastName: string | null;
	email: string | null;
	phone: string | null;
}

export interface PosAddress {
	name: string | null;
	firstName: string | null;
	lastName: string | null;
	company: string | null;
	address1: string | null;
	address2: string | null;
	city: string | null;
	province: string | null;
	provinceCode: string | null;
	zip: string | null;
	country: string | null;
	countryCode: string | null;
	phone: string | null;
}

export interface PosLocation {
	id: string | null;
	legacyId: string | null;
	name: string | null;
}

export interface PosLineItem {
	id: string;
	legacyId: string;
	sku: string | null;
	title: string;
	variantTitle: string | null;
	/** Title and variant title as Shopify shows them together. */
	name: string;
	vendor: string | null;
	variantId: string | null;
	productId: string | null;
	/** The id inventory writes need; null in the webhook form (Shopify's payload does not carry it). */
	inventoryItemId: string | null;
	/** Current quantity: net of removals (order edits) and refunds. */
	quantity: number;
	/** Quantity when the order was placed. */
	originalQuantity: number;
	unitPrice: PosMoneySet;
	/**
	 * Unit price after the discounts that target this line (Shopify's approximation). Null in the webhook
	 * form when the line has discounts, because the payload does not carry it.
	 */
	discountedUnitPrice: PosMoneySet | null;
	/** Sum of every discount allocated to this line. */
	totalDiscount: PosMoneySet;
	discountAllocations: PosDiscountAllocation[];
	taxLines: PosTaxLine[];
	requiresShipping: boolean;
	taxable: boolean;
	isGiftCard: boolean;
}

export interface PosDiscountAllocation {
	amount: PosMoneySet;
	/** Index into the order's `discounts`. */
	discountIndex: number;
}

export interface PosDiscount {
	index: number;
	/** `DISCOUNT_CODE`, `AUTOMATIC`, `MANUAL` or `SCRIPT`. */
	type: string;
	code: string | null;
	title: string | null;
	/** `PERCENTAGE` (see `percentage`) or `FIXED_AMOUNT` (see `amount`, presentment currency). */
	valueType: 'PERCENTAGE' | 'FIXED_AMOUNT';
	percentage: number | null;
	amount: PosMoney | null;
	/** `ACROSS`, `EACH` or `ONE`. */
	allocationMethod: string;
	/** `ALL`, `ENTITLED` or `EXPLICIT`. */
	targetSelection: string;
	/** `LINE_ITEM` or `SHIPPING_LINE`. */
	targetType: string;
}

export interface PosShippingLine {
	title: string;
	code: string | null;
	source: string | null;
	price: PosMoneySet;
	/** Price after shipping discounts. */
	discountedPrice: PosMoneySet;
	taxLines: PosTaxLine[];
}

export interface PosTaxLine {
	title: string;
	/** Fraction, e.g. 0.13 for 13 %. */
	rate: number | null;
	amount: PosMoneySet;
}
