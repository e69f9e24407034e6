/**
 * The part of Shopify's REST-shaped order webhook payload (`orders/create`, `orders/updated`, …) that the
 * POS-ready normaliser reads. Snake_case; numeric ids are JSON numbers that lose precision above 2^53, so
 * `admin_graphql_api_id` is the id to trust. Every field is optional: `includeFields` on a subscription
 * can trim the payload.
 */
export interface RestMoney {
	amount: string | number;
	currency_code: string;
}

export interface RestMoneySet {
	shop_money: RestMoney;
	presentment_money: RestMoney;
}

export interface RestAddress {
	name?: string | null;
	first_name?: string | null;
	last_name?: string | null;
	company?: string | null;
	address1?: string | null;
	address2?: string | null;
	city?: string | null;
	province?: string | null;
	province_code?: string | null;
	zip?: string | null;
	country?: string | null;
	country_code?: string | null;
	phone?: string | null;
}

export interface RestTaxLine {
	title?: string;
	rate?: number | string | null;
	price_set?: RestMoneySet;
}

export interface RestDiscountAllocation {
	amount_set?: RestMoneySet;
	discount_application_index?: number;
}

export interface RestLineItem {
	admin_graphql_api_id?: string;
	sku?: string | null;
	title?: string;
	variant_title?: string | null;
	name?: string;
	vendor?: string | null;
	variant_id?: number | string | null;
	product_id?: number | string | null;
	quantity?: number;
	current_quantity?: number;
	price_set?: RestMoneySet;
	total_discount_set?: RestMoneySet;
	discount_allocations?: RestDiscountAllocation[];
	tax_lines?: RestTaxLine[];
	requires_shipping?: boolean;
	taxable?: boolean;
	gift_card?: boolean;
}

export interface RestDiscountApplication {
	type?: string;
	code?: string | null;
	title?: string | null;
	value?: string | number;
	value_type?: string;
	allocation_method?: string;
	target_selection?: string;
	target_type?: string;
}

export interface RestShippingLine {
	title?: string;
	code?: string | null;
	source?: string | null;
	is_removed?: boolean;
	price_set?: RestMoneySet;
	discounted_price_set?: RestMoneySet;
	tax_lines?: RestTaxLine[];
}

export interface RestOrder {
	admin_graphql_api_id?: string;
	id?: number | string;
	name?: string;
	order_number?: number;
	created_at?: string;
	updated_at?: string;
	processed_at?: string | null;
	closed_at?: string | null;
	cancelled_at?: string | null;
	cancel_reason?: string | null;
	currency?: string;
	presentment_currency?: string;
	email?: string | null;
	contact_email?: string | null;
	phone?: string | null;
	customer?: {
		admin_graphql_api_id?: string;
		id?: number | string;
		first_name?: string | null;
		last_name?: string | null;
		email?: string | null;
		phone?: string | null;
	} | null;
	billing_address?: RestAddress | null;
	shipping_address?: RestAddress | null;
	financial_status?: string | null;
	fulfillment_status?: string | null;
	test?: boolean;
	tags?: string;
	note?: string | null;
	source_name?: string | null;
	taxes_included?: boolean;
	fulfillments?: Array<{ location_id?: number | string | null }>;
	line_items?: RestLineItem[];
	discount_codes?: Array<{ code?: string }>;
	discount_applications?: RestDiscountApplication[];
	shipping_lines?: RestShippingLine[];
	tax_lines?: RestTaxLine[];
	subtotal_price_set?: RestMoneySet | null;
	total_discounts_set?: RestMoneySet | null;
	total_shipping_price_set?: RestMoneySet | null;
	total_tax_set?: RestMoneySet | null;
	total_price_set?: RestMoneySet | null;
	current_subtotal_price_set?: RestMoneySet | null;
	current_total_discounts_set?: RestMoneySet | null;
	current_shipping_price_set?: RestMoneySet | null;
	current_total_tax_set?: RestMoneySet | null;
	current_total_price_set?: RestMoneySet | null;
}
