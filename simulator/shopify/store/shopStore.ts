import { shopifyDateTime, type Clock } from './clock';
import type {
	FulfillmentOrderRecord,
	InventoryItemRecord,
	LineItemRecord,
	InventoryLevelRecord,
	LocationRecord,
	OrderRecord,
	ProductRecord,
	RefundRecord,
	ShopRecord,
	StoredQuantityName,
	VariantRecord,
} from './records';
import { adoptOrderChildren } from './ownership';
import { SortedIndex } from './sortedIndex';

/** Numeric ids start at Shopify-like magnitudes so they look (and serialize) like real ones. */
const ID_BASE: Record<string, number> = {
	Shop: 60000000000,
	Location: 70000000000,
	Product: 8000000000000,
	ProductVariant: 45000000000000,
	InventoryItem: 47000000000000,
	Customer: 7000000000000,
	Order: 6000000000000,
	LineItem: 15000000000000,
	FulfillmentOrder: 7100000000000,
	OrderTransaction: 8100000000000,
	Refund: 9100000000000,
	ShippingLine: 5100000000000,
	InventoryAdjustmentGroup: 30000000000000,
	WebhookSubscription: 1500000000000,
	BulkOperation: 4000000000000,
	Fulfillment: 5500000000000,
};

export const SORTABLE_ORDER_KEYS = ['UPDATED_AT', 'CREATED_AT', 'PROCESSED_AT', 'ID'] as const;
export type OrderSortKey = (typeof SORTABLE_ORDER_KEYS)[number];

/** Something happened in the shop that Shopify would announce on a webhook topic. */
export interface StoreEvent {
	/** REST-style topic, e.g. "orders/create", "inventory_levels/update" */
	topic: string;
	order?: OrderRecord;
	level?: InventoryLevelRecord;
	/** The refund a `refunds/create` announces. */
	refund?: RefundRecord;
	/** orders/edited: this edit alone (its id, and each line's units added or removed), as Shopify reports it */
	orderEdit?: OrderEditEvent;
}

export interface OrderEditEvent {
	id: number;
	additions: Array<{ id: number; delta: number }>;
	removals: Array<{ id: number; delta: number }>;
}

const zeroPad = (n: number): string => String(n).padStart(20, '0');

/** The in-memory store behind one simulated shop. */
export class ShopStore {
	shop!: ShopRecord;
	readonly locations = new Map<string, LocationRecord>();
	readonly products = new Map<string, ProductRecord>();
	readonly variants = new Map<string, VariantRecord>();
	readonly inventoryItems = new Map<string, InventoryItemRecord>();
	readonly orders = new Map<string, OrderRecord>();
	/** line items and fulfillment orders by gid, for node(id:) lookups */
	readonly orderChildren = new Map<string, LineItemRecord | FulfillmentOrderRecord>();
	private readonly variantsBySku = new Map<string, VariantRecord[]>();
	readonly orderIndexes: Record<OrderSortKey, SortedIndex<OrderRecord>> = {
		UPDATED_AT: new SortedIndex((order) => order.updatedAt),
		CREATED_AT: new SortedIndex((order) => order.createdAt),
		PROCESSED_AT: new SortedIndex((order) => order.processedAt),
		ID: new SortedIndex((order) => zeroPad(order.legacyResourceId)),
	};
	private counters = new Map<string, number>();
	private readonly listeners: Array<(event: StoreEvent) => void> = [];
	private nextOrderNumber = 1001;

	constructor(readonly clock: Clock) {
		this.reset();
	}

	reset(options: { shopName?: string; myshopifyDomain?: string; currencyCode?: string } = {}): void {
		this.locations.clear();
		this.products.clear();
		this.variants.clear();
		this.inventoryItems.clear();
		this.orders.clear();
		this.orderChildren.clear();
		this.variantsBySku.clear();
		for (const index of Object.values(this.orderIndexes)) index.clear();
		this.counters = new Map();
		this.nextOrderNumber = 1001;
		const now = this.nowIso();
		const shopId = this.nextId('Shop');
		const domain = options.myshopifyDomain ?? 'pos-sim.myshopify.com';
		this.shop = {
			__typename: 'Shop',
			id: gid('Shop', shopId),
			legacyResourceId: shopId,
			name: options.shopName ?? 'Simulated Store',
			email: `owner@${domain}`,
			contactEmail: `hello@${domain}`,
			myshopifyDomain: domain,
			currencyCode: options.currencyCode ?? 'USD',
			ianaTimezone: 'America/New_York',
			timezoneAbbreviation: 'EST',
			taxesIncluded: false,
			createdAt: '2024-01-15T09:00:00Z',
			updatedAt: now,
			planName: 'Basic',
		};
	}

	onEvent(listener: (event: StoreEvent) => void): void {
		this.listeners.push(listener);
	}

	emit(event: StoreEvent): void {
		for (const listener of this.listeners) listener(event);
	}

	nowIso(): string {
		return shopifyDateTime(this.clock());
	}

	nextId(typeName: string): number {
		const next = (this.counters.get(typeName) ?? 0) + 1;
		this.counters.set(typeName, next);
		return (ID_BASE[typeName] ?? 1000000) + next;
	}

	takeOrderNumber(): number {
		return this.nextOrderNumber++;
	}

	addLocation(location: LocationRecord): void {
		this.locations.set(location.id, location);
		// every tracked item gets a level at every active location, as Shopify stocks new locations at 0
		for (const item of this.inventoryItems.values()) this.ensureLevel(item, location.id);
	}

	addProduct(product: ProductRecord, variants: VariantRecord[], items: InventoryItemRecord[]): void {
		this.products.set(product.id, product);
		for (const variant of variants) {
			this.variants.set(variant.id, variant);
			if (variant.sku) {
				const sameSku = this.variantsBySku.get(variant.sku) ?? [];
				sameSku.push(variant);
				this.variantsBySku.set(variant.sku, sameSku);
			}
		}
		for (const item of items) {
			this.inventoryItems.set(item.id, item);
			for (const locationId of this.locations.keys()) this.ensureLevel(item, locationId);
		}
	}

	variantsWithSku(sku: string): VariantRecord[] {
		return this.variantsBySku.get(sku) ?? [];
	}

	ensureLevel(item: InventoryItemRecord, locationId: string): InventoryLevelRecord {
		let level = item.levels.get(locationId);
		if (!level) {
			const now = this.nowIso();
			level = {
				__typename: 'InventoryLevel',
				id: `gid://shopify/InventoryLevel/${numericId(locationId)}?inventory_item_id=${numericId(item.id)}`,
				inventoryItemId: item.id,
				locationId,
				quantities: {
					available: 0,
					committed: 0,
					incoming: 0,
					reserved: 0,
					damaged: 0,
					safety_stock: 0,
					quality_control: 0,
				},
				createdAt: now,
				updatedAt: now,
			};
			item.levels.set(locationId, level);
		}
		return level;
	}

	addOrder(order: OrderRecord): void {
		adoptOrderChildren(order);
		this.orders.set(order.id, order);
		for (const child of [...order.lineItems, ...order.fulfillmentOrders]) this.orderChildren.set(child.id, child);
		for (const index of Object.values(this.orderIndexes)) index.insert(order);
	}

	/** Forgets an order and its line items and fulfillment orders, as Shopify's orderDelete does. */
	removeOrder(order: OrderRecord): void {
		for (const index of Object.values(this.orderIndexes)) index.remove(order);
		for (const child of [...order.lineItems, ...order.fulfillmentOrders]) this.orderChildren.delete(child.id);
		this.orders.delete(order.id);
	}

	/** Applies a change and bumps updated_at, keeping the date indexes in step. */
	updateOrder(order: OrderRecord, change: (order: OrderRecord) => void): void {
		for (const index of Object.values(this.orderIndexes)) index.remove(order);
		try {
			change(order);
			adoptOrderChildren(order);
			order.updatedAt = this.nowIso() > order.updatedAt ? this.nowIso() : order.updatedAt;
		} finally {
			for (const index of Object.values(this.orderIndexes)) index.insert(order);
		}
	}

	/** Shopify's on_hand = available + committed + every unavailable state; incoming is not on hand. */
	static quantity(level: InventoryLevelRecord, name: string): number {
		const q = level.quantities;
		if (name === 'on_hand')
			return q.available + q.committed + q.reserved + q.damaged + q.safety_stock + q.quality_control;
		return q[name as StoredQuantityName];
	}
}

export function gid(typeName: string, id: number | string): string {
	return `gid://shopify/${typeName}/${id}`;
}

export function numericId(globalId: string): string {
	return /\/(\d+)(?:\?|$)/.exec(globalId)?.[1] ?? '';
}

/** "gid://shopify/Order/123" → { type: 'Order', id: '123' } */
export function parseGid(globalId: string): { type: string; id: string } | null {
	const match = /^gid:\/\/shopify\/([A-Za-z]+)\/([^/?]+)(\?.*)?$/.exec(globalId);
	return match ? { type: match[1], id: match[2] } : null;
}
