import { buildOrder } from './orderFactory';
import type { OrderInput } from './orderInput';
import type { CustomerRecord, InventoryItemRecord, LocationRecord, ProductRecord, VariantRecord } from './records';
import { integerBetween, pick, seededRandom } from './random';
import { gid, type ShopStore } from './shopStore';
import { shopifyDateTime } from './clock';

export interface SeedOptions {
	/** same seed (and same dates) → the same store, record for record */
	seed?: number;
	shopName?: string;
	myshopifyDomain?: string;
	currencyCode?: string;
	locations?: number;
	products?: number;
	/** each product gets 1..maxVariantsPerProduct variants */
	maxVariantsPerProduct?: number;
	/** one extra variant reusing an existing SKU, because Shopify does not make SKUs unique */
	duplicateSku?: boolean;
	/** available quantity per level is drawn from 0..maxAvailable */
	maxAvailable?: number;
	orders?: number;
	/** seeded orders are spread between these instants (default: the 30 days before now) */
	ordersFrom?: string;
	ordersTo?: string;
	/** share of orders rung up in a store (source_name "pos"), 0..1 */
	posShare?: number;
}

export interface SeedSummary {
	shop: { name: string; myshopifyDomain: string; currencyCode: string };
	locations: Array<{ id: string; name: string }>;
	variants: Array<{ id: string; sku: string | null; productId: string; inventoryItemId: string; price: string }>;
	orders: number;
}

const LOCATION_NAMES = ['Main Store', 'Warehouse', 'Downtown Pop-up', 'Outlet', 'Airport Kiosk', 'Mall Corner'];
const CITIES = [
	{ city: 'New York', province: 'New York', provinceCode: 'NY', zip: '10001' },
	{ city: 'Austin', province: 'Texas', provinceCode: 'TX', zip: '73301' },
	{ city: 'Portland', province: 'Oregon', provinceCode: 'OR', zip: '97201' },
	{ city: 'Denver', province: 'Colorado', provinceCode: 'CO', zip: '80201' },
];
const ADJECTIVES = ['Classic', 'Organic', 'Vintage', 'Everyday', 'Premium', 'Eco', 'Bold', 'Soft', 'Trail', 'Urban'];
const NOUNS = ['T-Shirt', 'Hoodie', 'Mug', 'Cap', 'Tote Bag', 'Candle', 'Notebook', 'Socks', 'Water Bottle', 'Scarf'];
const SIZES = ['S', 'M', 'L', 'XL'];
const FIRST_NAMES = ['Ada', 'Ben', 'Chloe', 'Diego', 'Emma', 'Farah', 'Gus', 'Hana', 'Ivan', 'Jo', 'Kai', 'Lena'];
const LAST_NAMES = ['Nguyen', 'Smith', 'Garcia', 'Okafor', 'Muller', 'Rossi', 'Tanaka', 'Dubois', 'Silva', 'Khan'];
const TAGS = ['vip', 'wholesale', 'gift', 'local-pickup', 'repeat', 'newsletter'];
const DISCOUNTS = [
	{ code: 'WELCOME10', percentage: 10 },
	{ code: 'FIVEOFF', amount: '5.00' },
];

/** Replaces the store's contents with a deterministic shop, catalogue, stock and order history. */
export function seedStore(store: ShopStore, options: SeedOptions = {}): SeedSummary {
	const random = seededRandom(options.seed ?? 1);
	store.reset({
		shopName: options.shopName,
		myshopifyDomain: options.myshopifyDomain,
		currencyCode: options.currencyCode,
	});
	const createdAt = '2024-01-15T09:00:00Z';

	const locationCount = options.locations ?? 2;
	for (let index = 0; index < locationCount; index++) {
		const id = store.nextId('Location');
		const place = CITIES[index % CITIES.length];
		const location: LocationRecord = {
			__typename: 'Location',
			id: gid('Location', id),
			legacyResourceId: id,
			name: LOCATION_NAMES[index] ?? `Location ${index + 1}`,
			isActive: true,
			fulfillsOnlineOrders: true,
			address: {
				firstName: null,
				lastName: null,
				company: null,
				address1: `${100 + index * 17} Main Street`,
				address2: null,
				city: place.city,
				province: place.province,
				provinceCode: place.provinceCode,
				country: 'United States',
				countryCode: 'US',
				zip: place.zip,
				phone: null,
			},
			createdAt,
			updatedAt: createdAt,
		};
		store.addLocation(location);
	}

	const maxAvailable = options.maxAvailable ?? 50;
	const productCount = options.products ?? 20;
	const maxVariants = options.maxVariantsPerProduct ?? 3;
	const addVariant = (
		product: ProductRecord,
		title: string,
		sku: string,
		price: number,
		position: number,
	): { variant: VariantRecord; item: InventoryItemRecord } => {
		const variantId = store.nextId('ProductVariant');
		const itemId = store.nextId('InventoryItem');
		const variant: VariantRecord = {
			__typename: 'ProductVariant',
			id: gid('ProductVariant', variantId),
			legacyResourceId: variantId,
			productId: product.id,
			title,
			sku,
			barcode: String(4000000000000 + variantId % 1000000000),
			price,
			position,
			taxable: true,
			inventoryItemId: gid('InventoryItem', itemId),
			createdAt,
			updatedAt: createdAt,
		};
		const item: InventoryItemRecord = {
			__typename: 'InventoryItem',
			id: variant.inventoryItemId,
			legacyResourceId: itemId,
			variantId: variant.id,
			sku,
			tracked: true,
			requiresShipping: true,
			createdAt,
			updatedAt: createdAt,
			levels: new Map(),
		};
		product.variantIds.push(variant.id);
		return { variant, item };
	};
	const stock = (item: InventoryItemRecord): void => {
		for (const locationId of store.locations.keys())
			store.ensureLevel(item, locationId).quantities.available = integerBetween(random, 0, maxAvailable);
	};

	for (let index = 0; index < productCount; index++) {
		const id = store.nextId('Product');
		const title = `${ADJECTIVES[index % ADJECTIVES.length]} ${NOUNS[Math.floor(index / ADJECTIVES.length) % NOUNS.length]}${index >= 100 ? ` ${Math.floor(index / 100) + 1}` : ''}`;
		const product: ProductRecord = {
			__typename: 'Product',
			id: gid('Product', id),
			legacyResourceId: id,
			title,
			handle: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
			vendor: 'Simulated Goods Co.',
			productType: NOUNS[Math.floor(index / ADJECTIVES.length) % NOUNS.length],
			status: 'ACTIVE',
			tags: [],
			createdAt,
			updatedAt: createdAt,
			variantIds: [],
		};
		const variantCount = integerBetween(random, 1, maxVariants);
		const price = integerBetween(random, 5, 80) * 100 + pick(random, [0, 50, 99]);
		const made = [];
		for (let v = 0; v < variantCount; v++) {
			const variantTitle = variantCount === 1 ? 'Default Title' : (SIZES[v] ?? `Option ${v + 1}`);
			const sku = `SIM-${String(index + 1).padStart(4, '0')}${variantCount === 1 ? '' : `-${variantTitle}`}`;
			made.push(addVariant(product, variantTitle, sku, price, v + 1));
		}
		store.addProduct(
			product,
			made.map((m) => m.variant),
			made.map((m) => m.item),
		);
		for (const m of made) stock(m.item);
	}

	if (options.duplicateSku && productCount > 0) {
		// a second product that reuses the first product's SKU, as merchants sometimes do
		const firstSku = [...store.variants.values()][0].sku ?? 'SIM-0001';
		const id = store.nextId('Product');
		const product: ProductRecord = {
			__typename: 'Product',
			id: gid('Product', id),
			legacyResourceId: id,
			title: 'Duplicate SKU Bundle',
			handle: 'duplicate-sku-bundle',
			vendor: 'Simulated Goods Co.',
			productType: 'Bundle',
			status: 'ACTIVE',
			tags: [],
			createdAt,
			updatedAt: createdAt,
			variantIds: [],
		};
		const made = addVariant(product, 'Default Title', firstSku, 2500, 1);
		store.addProduct(product, [made.variant], [made.item]);
		stock(made.item);
	}

	const customers: CustomerRecord[] = [];
	for (let index = 0; index < 40; index++) {
		const id = store.nextId('Customer');
		const firstName = FIRST_NAMES[index % FIRST_NAMES.length];
		const lastName = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length];
		customers.push({
			__typename: 'Customer',
			id: gid('Customer', id),
			legacyResourceId: id,
			firstName,
			lastName,
			email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}${index}@example.com`,
			phone: null,
			createdAt,
			updatedAt: createdAt,
		});
	}

	const orderCount = options.orders ?? 0;
	const to = options.ordersTo ? Date.parse(options.ordersTo) : store.clock();
	const from = options.ordersFrom ? Date.parse(options.ordersFrom) : to - 30 * 24 * 3600 * 1000;
	const variants = [...store.variants.values()];
	const locations = [...store.locations.keys()];
	const step = orderCount > 0 ? (to - from) / orderCount : 0;
	const posShare = options.posShare ?? 0.2;
	const hasCatalogue = variants.length > 0 && locations.length > 0;
	for (let index = 0; hasCatalogue && index < orderCount; index++) {
		const created = Math.floor(from + step * index + random() * step * 0.9);
		const lineCount = integerBetween(random, 1, 4);
		const lineItems = [];
		for (let line = 0; line < lineCount; line++)
			lineItems.push({ variantId: pick(random, variants).id, quantity: integerBetween(random, 1, 3) });
		const customer = random() < 0.85 ? pick(random, customers) : null;
		const roll = random();
		const isPos = random() < posShare;
		const place = pick(random, CITIES);
		const input: OrderInput = {
			lineItems,
			sourceName: isPos ? 'pos' : 'web',
			financialStatus: roll < 0.8 ? 'PAID' : roll < 0.9 ? 'PENDING' : roll < 0.95 ? 'AUTHORIZED' : 'REFUNDED',
			fulfillmentStatus: random() < 0.5 ? 'FULFILLED' : 'UNFULFILLED',
			createdAt: shopifyDateTime(created),
			// a fifth of orders were touched again within two hours of being placed
			updatedAt: shopifyDateTime(random() < 0.2 ? created + Math.floor(random() * 7200000) : created),
			tags: random() < 0.3 ? [pick(random, TAGS)] : [],
			taxRate: 0.08,
			locationId: pick(random, locations),
			shippingPrice: isPos ? undefined : pick(random, ['0.00', '4.99', '9.99']),
			discountCode: random() < 0.15 ? pick(random, DISCOUNTS) : null,
			shippingAddress:
				isPos || !customer
					? null
					: {
							firstName: customer.firstName,
							lastName: customer.lastName,
							address1: `${integerBetween(random, 1, 999)} Elm Street`,
							city: place.city,
							province: place.province,
							provinceCode: place.provinceCode,
							country: 'United States',
							countryCode: 'US',
							zip: place.zip,
						},
			note: random() < 0.1 ? 'Please gift wrap' : null,
		};
		const order = buildOrder(store, input, { customer });
		store.addOrder(order);
	}

	return {
		shop: {
			name: store.shop.name,
			myshopifyDomain: store.shop.myshopifyDomain,
			currencyCode: store.shop.currencyCode,
		},
		locations: [...store.locations.values()].map((l) => ({ id: l.id, name: l.name })),
		variants: variants.map((v) => ({
			id: v.id,
			sku: v.sku,
			productId: v.productId,
			inventoryItemId: v.inventoryItemId,
			price: (v.price / 100).toFixed(2),
		})),
		orders: orderCount,
	};
}
