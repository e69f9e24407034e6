import type { AddressRecord, CancelReason, FinancialStatus, FulfillmentStatus } from './records';

/** What a test (or the seeder) says about an order; everything else is derived like Shopify would. */
export interface OrderLineInput {
	/** picks the variant with this SKU (the first, if several share it) */
	sku?: string;
	variantId?: string;
	/** a custom line with no variant when neither sku nor variantId is given */
	title?: string;
	quantity: number;
	/** unit price as a decimal string; defaults to the variant's price */
	price?: string;
	taxable?: boolean;
	requiresShipping?: boolean;
}

export interface OrderInput {
	lineItems: OrderLineInput[];
	email?: string | null;
	phone?: string | null;
	note?: string | null;
	tags?: string[];
	/** "web", "pos", "shopify_draft_order", an app's name… */
	sourceName?: string;
	test?: boolean;
	financialStatus?: FinancialStatus;
	fulfillmentStatus?: FulfillmentStatus;
	createdAt?: string;
	processedAt?: string;
	/** defaults to createdAt (an order imported with a past date keeps it) */
	updatedAt?: string;
	customer?: { firstName?: string; lastName?: string; email?: string; phone?: string } | null;
	shippingAddress?: Partial<AddressRecord> | null;
	billingAddress?: Partial<AddressRecord> | null;
	discountCode?: { code: string; percentage?: number; amount?: string } | null;
	shippingPrice?: string;
	shippingTitle?: string;
	/** e.g. 0.08 for 8 % tax on every taxable line */
	taxRate?: number;
	/** where the order is fulfilled from (and, for POS orders, where it was rung up); default: first location */
	locationId?: string;
	cancelledAt?: string | null;
	cancelReason?: CancelReason | null;
}

/** Fields a test may change on an existing order (each change bumps updated_at). */
export interface OrderUpdate {
	email?: string | null;
	phone?: string | null;
	note?: string | null;
	tags?: string[];
	financialStatus?: FinancialStatus;
	fulfillmentStatus?: FulfillmentStatus;
	shippingAddress?: Partial<AddressRecord> | null;
	/** set a line's current quantity (an order edit removing units) */
	lineItemQuantities?: Array<{ lineItemId: string; currentQuantity: number }>;
}
