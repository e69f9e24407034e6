/**
 * The simulated store's own data. Records carry their GraphQL `id` (a gid) and `__typename`, so resolvers
 * and the `Node` interface can hand them out directly. Money is kept in minor units (cents) and formatted
 * only at the API edge, so totals never drift by float rounding.
 */

export type Cents = number;

export interface ShopRecord {
	__typename: 'Shop';
	id: string;
	legacyResourceId: number;
	name: string;
	email: string;
	contactEmail: string;
	myshopifyDomain: string;
	currencyCode: string;
	ianaTimezone: string;
	timezoneAbbreviation: string;
	taxesIncluded: boolean;
	createdAt: string;
	updatedAt: string;
	planName: string;
}

export interface AddressRecord {
	firstName: string | null;
	lastName: string | null;
	company: string | null;
	address1: string | null;
	address2: string | null;
	city: string | null;
	province: string | null;
	provinceCode: string | null;
	country: string | null;
	countryCode: string | null;
	zip: string | null;
	phone: string | null;
}

export interface LocationRecord {
	__typename: 'Location';
	id: string;
	legacyResourceId: number;
	name: string;
	isActive: boolean;
	fulfillsOnlineOrders: boolean;
	address: AddressRecord;
	createdAt: string;
	updatedAt: string;
}

export interface ProductRecord {
	__typename: 'Product';
	id: string;
	legacyResourceId: number;
	title: string;
	handle: string;
	vendor: string;
	productType: string;
	status: 'ACTIVE' | 'ARCHIVED' | 'DRAFT';
	tags: string[];
	createdAt: string;
	updatedAt: string;
	variantIds: string[];
}

export interface VariantRecord {
	__typename: 'ProductVariant';
	id: string;
	legacyResourceId: number;
	productId: string;
	title: string;
	sku: string | null;
	barcode: string | null;
	price: Cents;
	position: number;
	taxable: boolean;
	inventoryItemId: string;
	createdAt: string;
	updatedAt: string;
}

/** Quantity names Shopify keeps per inventory level; `on_hand` is derived from the others. */
export const STORED_QUANTITY_NAMES = [
	'available',
	'committed',
	'incoming',
	'reserved',
	'damaged',
	'safety_stock',
	'quality_control',
] as const;
export type StoredQuantityName = (typeof STORED_QUANTITY_NAMES)[number];
export const QUANTITY_NAMES: readonly string[] = [...STORED_QUANTITY_NAMES, 'on_hand'];

export interface InventoryLevelRecord {
	__typename: 'InventoryLevel';
	/** Shopify's level gid: gid://shopify/InventoryLevel/<item>?inventory_item_id=<item> */
	id: string;
	inventoryItemId: string;
	locationId: string;
	quantities: Record<StoredQuantityName, number>;
	createdAt: string;
	updatedAt: string;
}

export interface InventoryItemRecord {
	__typename: 'InventoryItem';
	id: string;
	legacyResourceId: number;
	variantId: string;
	sku: string | null;
	tracked: boolean;
	requiresShipping: boolean;
	createdAt: string;
	updatedAt: string;
	/** by location gid */
	levels: Map<string, InventoryLevelRecord>;
}

export interface CustomerRecord {
	__typename: 'Customer';
	id: string;
	legacyResourceId: number;
	firstName: string | null;
	lastName: string | null;
	email: string | null;
	phone: string | null;
	createdAt: string;
	updatedAt: string;
}

export interface TaxLineRecord {
	title: string;
	rate: number;
	amount: Cents;
}

export interface DiscountAllocationRecord {
	amount: Cents;
	/** index into the order's discountApplications */
	applicationIndex: number;
}

export interface LineItemRecord {
	__typename: 'LineItem';
	id: string;
	legacyResourceId: number;
	title: string;
	variantTitle: string | null;
	name: string;
	sku: string | null;
	vendor: string | null;
	quantity: number;
	currentQuantity: number;
	fulfilledQuantity: number;
	variantId: string | null;
	productId: string | null;
	unitPrice: Cents;
	requiresShipping: boolean;
	taxable: boolean;
	taxLines: TaxLineRecord[];
	discountAllocations: DiscountAllocationRecord[];
}

export interface DiscountApplicationRecord {
	code: string;
	/** either a percentage or a fixed amount */
	percentage: number | null;
	amount: Cents | null;
}

export interface ShippingLineRecord {
	id: string;
	title: string;
	code: string;
	source: string;
	price: Cents;
	taxLines: TaxLineRecord[];
}

export interface TransactionRecord {
	__typename: 'OrderTransaction';
	id: string;
	legacyResourceId: number;
	kind: 'SALE' | 'AUTHORIZATION' | 'CAPTURE' | 'REFUND' | 'VOID';
	status: 'SUCCESS' | 'PENDING' | 'FAILURE';
	gateway: string;
	amount: Cents;
	createdAt: string;
	processedAt: string;
	test: boolean;
}

export interface RefundRecord {
	__typename: 'Refund';
	id: string;
	legacyResourceId: number;
	note: string | null;
	amount: Cents;
	createdAt: string;
	lineItems: Array<{ lineItemId: string; quantity: number; restock: boolean }>;
}

export interface FulfillmentOrderRecord {
	__typename: 'FulfillmentOrder';
	id: string;
	legacyResourceId: number;
	locationId: string;
	status: 'OPEN' | 'IN_PROGRESS' | 'CLOSED' | 'CANCELLED';
	createdAt: string;
	updatedAt: string;
}

export type FinancialStatus =
	| 'AUTHORIZED'
	| 'EXPIRED'
	| 'PAID'
	| 'PARTIALLY_PAID'
	| 'PARTIALLY_REFUNDED'
	| 'PENDING'
	| 'REFUNDED'
	| 'VOIDED';
export type FulfillmentStatus = 'FULFILLED' | 'PARTIALLY_FULFILLED' | 'UNFULFILLED';
export type CancelReason = 'CUSTOMER' | 'DECLINED' | 'FRAUD' | 'INVENTORY' | 'OTHER' | 'STAFF';

export interface OrderRecord {
	__typename: 'Order';
	id: string;
	legacyResourceId: number;
	number: number;
	name: string;
	createdAt: string;
	updatedAt: string;
	processedAt: string;
	closedAt: string | null;
	cancelledAt: string | null;
	cancelReason: CancelReason | null;
	financialStatus: FinancialStatus;
	fulfillmentStatus: FulfillmentStatus;
	currencyCode: string;
	email: string | null;
	phone: string | null;
	note: string | null;
	tags: string[];
	sourceName: string;
	test: boolean;
	taxesIncluded: boolean;
	confirmed: boolean;
	customer: CustomerRecord | null;
	shippingAddress: AddressRecord | null;
	billingAddress: AddressRecord | null;
	/** the location a POS order was rung up at; online orders have none */
	retailLocationId: string | null;
	lineItems: LineItemRecord[];
	discountApplications: DiscountApplicationRecord[];
	shippingLines: ShippingLineRecord[];
	transactions: TransactionRecord[];
	refunds: RefundRecord[];
	fulfillmentOrders: FulfillmentOrderRecord[];
}
