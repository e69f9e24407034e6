import { GraphQLError } from 'graphql';
import { arraySource, paginate } from '../connection';
import type { ResolverMap } from '../context';
import { graphqlDecimal } from '../../store/money';
import type {
	InventoryItemRecord,
	InventoryLevelRecord,
	LocationRecord,
	ProductRecord,
	ShopRecord,
	VariantRecord,
} from '../../store/records';
import { QUANTITY_NAMES } from '../../store/records';
import { numericId, ShopStore } from '../../store/shopStore';
import { count } from './views';

function quantityView(level: InventoryLevelRecord, name: string) {
	return {
		id: `gid://shopify/InventoryQuantity/${numericId(level.locationId)}?inventory_item_id=${numericId(level.inventoryItemId)}&name=${name}`,
		name,
		quantity: ShopStore.quantity(level, name),
		updatedAt: level.updatedAt,
	};
}

export const catalogResolvers: ResolverMap = {
	Shop: {
		url: (shop: ShopRecord) => `https://${shop.myshopifyDomain}`,
		plan: (shop: ShopRecord) => ({ publicDisplayName: shop.planName, partnerDevelopment: false, shopifyPlus: false }),
		enabledPresentmentCurrencies: (shop: ShopRecord) => [shop.currencyCode],
	},
	Location: {
		address: (location: LocationRecord) => {
			const a = location.address;
			return {
				address1: a.address1,
				address2: a.address2,
				city: a.city,
				province: a.province,
				provinceCode: a.provinceCode,
				country: a.country,
				countryCode: a.countryCode,
				zip: a.zip,
				phone: a.phone,
				latitude: null,
				longitude: null,
				formatted: [a.address1, [a.city, a.provinceCode, a.zip].filter(Boolean).join(' '), a.country].filter(
					(part): part is string => Boolean(part),
				),
			};
		},
		isFulfillmentService: () => false,
		shipsInventory: (location: LocationRecord) => location.isActive,
		hasActiveInventory: (location: LocationRecord) => location.isActive,
		deactivatedAt: () => null,
		inventoryLevel: (location: LocationRecord, args, context) =>
			context.store.inventoryItems.get(args.inventoryItemId)?.levels.get(location.id) ?? null,
		inventoryLevels: (location: LocationRecord, args, context) => {
			const levels: InventoryLevelRecord[] = [];
			for (const item of context.store.inventoryItems.values()) {
				const level = item.levels.get(location.id);
				if (level) levels.push(level);
			}
			return paginate(arraySource(levels), args);
		},
	},
	Product: {
		variants: (product: ProductRecord, args, context) =>
			paginate(arraySource(product.variantIds.map((id) => context.store.variants.get(id) as VariantRecord)), args),
		variantsCount: (product: ProductRecord) => count(product.variantIds.length, null),
		hasOnlyDefaultVariant: (product: ProductRecord, _args, context) =>
			product.variantIds.length === 1 && context.store.variants.get(product.variantIds[0])?.title === 'Default Title',
		totalInventory: (product: ProductRecord, _args, context) => {
			let total = 0;
			for (const id of product.variantIds) {
				const item = context.store.inventoryItems.get(context.store.variants.get(id)?.inventoryItemId ?? '');
				for (const level of item?.levels.values() ?? []) total += level.quantities.available;
			}
			return total;
		},
		tracksInventory: () => true,
		isGiftCard: () => false,
	},
	ProductVariant: {
		price: (variant: VariantRecord) => graphqlDecimal(variant.price),
		displayName: (variant: VariantRecord, _args, context) => {
			const title = context.store.products.get(variant.productId)?.title ?? '';
			return variant.title === 'Default Title' ? title : `${title} - ${variant.title}`;
		},
		product: (variant: VariantRecord, _args, context) => context.store.products.get(variant.productId),
		inventoryItem: (variant: VariantRecord, _args, context) => context.store.inventoryItems.get(variant.inventoryItemId),
		inventoryQuantity: (variant: VariantRecord, _args, context) => {
			let total = 0;
			for (const level of context.store.inventoryItems.get(variant.inventoryItemId)?.levels.values() ?? [])
				total += level.quantities.available;
			return total;
		},
	},
	InventoryItem: {
		variant: (item: InventoryItemRecord, _args, context) => context.store.variants.get(item.variantId),
		variants: (item: InventoryItemRecord, args, context) =>
			paginate(arraySource([context.store.variants.get(item.variantId) as VariantRecord]), args),
		duplicateSkuCount: (item: InventoryItemRecord, _args, context) =>
			item.sku ? Math.max(0, context.store.variantsWithSku(item.sku).length - 1) : 0,
		inventoryLevel: (item: InventoryItemRecord, args) => item.levels.get(args.locationId) ?? null,
		inventoryLevels: (item: InventoryItemRecord, args) => paginate(arraySource([...item.levels.values()]), args),
		locationsCount: (item: InventoryItemRecord) => count(item.levels.size, null),
	},
	InventoryLevel: {
		item: (level: InventoryLevelRecord, _args, context) => context.store.inventoryItems.get(level.inventoryItemId),
		location: (level: InventoryLevelRecord, _args, context) => context.store.locations.get(level.locationId),
		isActive: () => true,
		quantities: (level: InventoryLevelRecord, args) => {
			const names = args.names as string[];
			for (const name of names)
				if (!QUANTITY_NAMES.includes(name))
					throw new GraphQLError(
						`'${name}' is not a valid inventory quantity name. Valid names: ${QUANTITY_NAMES.join(', ')}.`,
						{ extensions: { code: 'BAD_REQUEST' } },
					);
			return names.map((name) => quantityView(level, name));
		},
	},
};
