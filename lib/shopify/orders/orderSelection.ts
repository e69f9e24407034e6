import type { PageInfo } from '../allPages';

/**
 * What the package selects on an Order, as field lists shared by the paged documents
 * (lib/shopify/operations/orders.ts) and the bulk query (bulkOrdersQuery.ts), plus the TypeScript shape of
 * the result. normalizeGraphqlOrder.ts reads exactly this shape. Connections are kept as `{ nodes: [...] }`
 * in both modes (bulk children are joined into the same form), so "Raw" output is identical too.
 */

const MONEY_BAG = '{ shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }';

const ADDRESS = `{ name firstName lastName company address1 address2 city province provinceCode zip country
	countryCodeV2 phone }`;

const TAX_LINE = `{ title rate priceSet ${MONEY_BAG} }`;

/** Fields of one line item (no connections inside, so bulk mode can read it as a child line). */
export const LINE_ITEM_FIELDS = `id sku title variantTitle name vendor quantity currentQuantity requiresShipping
	taxable isGiftCard
	variant { id inventoryItem { id } }
	product { id }
	originalUnitPriceSet ${MONEY_BAG}
	discountedUnitPriceSet ${MONEY_BAG}
	totalDiscountSet ${MONEY_BAG}
	discountAllocations { allocatedAmountSet ${MONEY_BAG} discountApplication { index } }
	taxLines ${TAX_LINE}`;

export const DISCOUNT_APPLICATION_FIELDS = `__typename index allocationMethod targetSelection targetType
	value { __typename ... on MoneyV2 { amount currencyCode } ... on PricingPercentageValue { percentage } }
	... on DiscountCodeApplication { code }
	... on ManualDiscountApplication { title }
	... on AutomaticDiscountApplication { title }
	... on ScriptDiscountApplication { title }`;

export const SHIPPING_LINE_FIELDS = `title code source originalPriceSet ${MONEY_BAG}
	discountedPriceSet ${MONEY_BAG} taxLines ${TAX_LINE}`;

export const FULFILLMENT_ORDER_FIELDS = 'id assignedLocation { name location { id } }';

/** Order fields without connections. */
export const ORDER_FIELDS = `id name number createdAt updatedAt processedAt closedAt cancelledAt cancelReason
	currencyCode presentmentCurrencyCode email phone test tags note sourceName taxesIncluded discountCodes
	displayFinancialStatus displayFulfillmentStatus
	customer { id firstName lastName defaultEmailAddress { emailAddress } defaultPhoneNumber { phoneNumber } }
	billingAddress ${ADDRESS}
	shippingAddress ${ADDRESS}
	subtotalPriceSet ${MONEY_BAG}
	totalDiscountsSet ${MONEY_BAG}
	totalShippingPriceSet ${MONEY_BAG}
	totalTaxSet ${MONEY_BAG}
	totalPriceSet ${MONEY_BAG}
	currentSubtotalPriceSet ${MONEY_BAG}
	currentTotalDiscountsSet ${MONEY_BAG}
	currentShippingPriceSet ${MONEY_BAG}
	currentTotalTaxSet ${MONEY_BAG}
	currentTotalPriceSet ${MONEY_BAG}
	taxLines ${TAX_LINE}`;

export interface GqlMoney {
	amount: string;
	currencyCode: string;
}

export interface GqlMoneyBag {
	shopMoney: GqlMoney;
	presentmentMoney: GqlMoney;
}

export interface GqlAddress {
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
	countryCodeV2: string | null;
	phone: string | null;
}

export interface GqlTaxLine {
	title: string;
	rate: number | null;
	priceSet: GqlMoneyBag;
}

export interface GqlLineItem {
	id: string;
	sku: string | null;
	title: string;
	variantTitle: string | null;
	name: string;
	vendor: string | null;
	quantity: number;
	currentQuantity: number;
	requiresShipping: boolean;
	taxable: boolean;
	isGiftCard: boolean;
	variant: { id: string; inventoryItem: { id: string } | null } | null;
	product: { id: string } | null;
	originalUnitPriceSet: GqlMoneyBag;
	discountedUnitPriceSet: GqlMoneyBag;
	totalDiscountSet: GqlMoneyBag;
	discountAllocations: Array<{ allocatedAmountSet: GqlMoneyBag; discountApplication: { index: number } }>;
	taxLines: GqlTaxLine[];
}

export interface GqlDiscountApplication {
	__typename: string;
	index: number;
	allocationMethod: string;
	targetSelection: string;
	targetType: string;
	value: { __typename: string; amount?: string; currencyCode?: string; percentage?: number };
	code?: string;
	title?: string;
}

export interface GqlShippingLine {
	title: string;
	code: string | null;
	source: string | null;
	originalPriceSet: GqlMoneyBag;
	discountedPriceSet: GqlMoneyBag;
	taxLines: GqlTaxLine[];
}

export interface GqlFulfillmentOrder {
	id: string;
	assignedLocation: { name: string; location: { id: string } | null } | null;
}

export interface GqlConnection<TNode> {
	nodes: TNode[];
	/** Present in paged responses; removed once the connection has been read to the end. */
	pageInfo?: PageInfo;
}

/** The Order exactly as the package selects it. */
export interface GqlOrder {
	id: string;
	name: string;
	number: number;
	createdAt: string;
	updatedAt: string;
	processedAt: string;
	closedAt: string | null;
	cancelledAt: string | null;
	cancelReason: string | null;
	currencyCode: string;
	presentmentCurrencyCode: string;
	email: string | null;
	phone: string | null;
	test: boolean;
	tags: string[];
	note: string | null;
	sourceName: string | null;
	taxesIncluded: boolean;
	discountCodes: string[];
	displayFinancialStatus: string | null;
	displayFulfillmentStatus: string | null;
	customer: {
		id: string;
		firstName: string | null;
		lastName: string | null;
		defaultEmailAddress: { emailAddress: string | null } | null;
		defaultPhoneNumber: { phoneNumber: string | null } | null;
	} | null;
	billingAddress: GqlAddress | null;
	shippingAddress: GqlAddress | null;
	subtotalPriceSet: GqlMoneyBag | null;
	totalDiscountsSet: GqlMoneyBag | null;
	totalShippingPriceSet: GqlMoneyBag | null;
	totalTaxSet: GqlMoneyBag | null;
	totalPriceSet: GqlMoneyBag | null;
	currentSubtotalPriceSet: GqlMoneyBag | null;
	currentTotalDiscountsSet: GqlMoneyBag | null;
	currentShippingPriceSet: GqlMoneyBag | null;
	currentTotalTaxSet: GqlMoneyBag | null;
	currentTotalPriceSet: GqlMoneyBag | null;
	taxLines: GqlTaxLine[];
	lineItems: GqlConnection<GqlLineItem>;
	discountApplications: GqlConnection<GqlDiscountApplication>;
	shippingLines: GqlConnection<GqlShippingLine>;
	fulfillmentOrders: GqlConnection<GqlFulfillmentOrder>;
}
