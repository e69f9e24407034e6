import type { ConnectionArgs } from '../connection';
import { paginate, rangeSource, sortedArraySource } from '../connection';
import type { RequestContext, ResolverMap } from '../context';
import { orderFreeText, orderSearchFields } from '../orderSearch';
import { compareNumber, compareText, compileSearch, dateWindow, parsedSearch, parseSearch, type FieldMatcher, type SearchWarning } from '../searchSyntax';
import type { InventoryItemRecord, LocationRecord, OrderRecord, VariantRecord } from '../../store/records';
import { orderOwning } from '../../store/ownership';
import { numericId, parseGid, SORTABLE_ORDER_KEYS, type OrderSortKey } from '../../store/shopStore';
import { count } from './views';
import type { GraphQLResolveInfo } from 'graphql';
import { GraphQLError } from 'graphql';

const SORT_DATE_FIELDS: Record<string, string> = { UPDATED_AT: 'updated_at', CREATED_AT: 'created_at', PROCESSED_AT: 'processed_at' };

const orderFields = new WeakMap<object, ReturnType<typeof orderSearchFields>>();
function orderFieldsFor(context: RequestContext): ReturnType<typeof orderSearchFields> {
	let fields = orderFields.get(context.store);
	if (!fields) {
		fields = orderSearchFields(context.store.clock);
		orderFields.set(context.store, fields);
	}
	return fields;
}

const byId = (item: { legacyResourceId: number }): string => String(item.legacyResourceId).padStart(20, '0');

const idMatcher = <T extends { legacyResourceId: number }>(): FieldMatcher<T> => (record, comparator, value) =>
	compareNumber(record.legacyResourceId, comparator, Number(value.startsWith('gid://') ? numericId(value) : value));

const VARIANT_FIELDS: Record<string, FieldMatcher<VariantRecord>> = {
	sku: (variant, comparator, value) => compareText(variant.sku, comparator, value),
	barcode: (variant, comparator, value) => compareText(variant.barcode, comparator, value),
	product_id: (variant, _comparator, value) => numericId(variant.productId) === (value.startsWith('gid://') ? numericId(value) : value),
	title: (variant, comparator, value) => compareText(variant.title, comparator, value),
	id: idMatcher<VariantRecord>(),
};

const INVENTORY_ITEM_FIELDS: Record<string, FieldMatcher<InventoryItemRecord>> = {
	sku: (item, comparator, value) => compareText(item.sku, comparator, value),
	id: idMatcher<InventoryItemRecord>(),
};

const LOCATION_FIELDS: Record<string, FieldMatcher<LocationRecord>> = {
	name: (location, comparator, value) => compareText(location.name, comparator, value),
	id: idMatcher<LocationRecord>(),
	active: (location, _comparator, value) => String(location.isActive) === value.toLowerCase(),
};

/** Parses `query:` for one connection and records ignored fields the way Shopify reports them. */
function searchPredicate<T>(
	query: string | null | undefined,
	fields: Record<string, FieldMatcher<T>>,
	freeText: (record: T, value: string) => boolean,
	context: RequestContext,
	info: GraphQLResolveInfo,
): (record: T) => boolean {
	if (!query) return () => true;
	const warnings: SearchWarning[] = [];
	const parsed = parseSearch(query);
	const predicate = compileSearch(parsed, fields, freeText, warnings);
	if (warnings.length > 0) {
		const path: Array<string | number> = [];
		for (let p: GraphQLResolveInfo['path'] | undefined = info.path; p; p = p.prev) path.unshift(p.key);
		context.searchWarnings.push({ path, query, parsed: parsedSearch(parsed), warnings });
	}
	return predicate;
}

const SIXTY_DAYS_MS = 60 * 24 * 3600 * 1000;

/** Without read_all_orders an app sees only orders created in the last 60 days, as on Shopify. */
function orderVisibility(context: RequestContext): (order: OrderRecord) => boolean {
	const scopes = (context.services.grantedScopes as readonly string[] | undefined) ?? [];
	if (scopes.includes('read_all_orders')) return () => true;
	const oldest = new Date(context.store.clock() - SIXTY_DAYS_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
	return (order) => order.createdAt >= oldest;
}

function visibleOrder(context: RequestContext, order: OrderRecord | undefined): OrderRecord | null {
	return order && orderVisibility(context)(order) ? order : null;
}

export function findNode(context: RequestContext, id: string): unknown {
	const parsed = parseGid(id);
	if (!parsed) return null;
	const store = context.store;
	switch (parsed.type) {
		case 'Order':
			return visibleOrder(context, store.orders.get(id));
		case 'LineItem':
		case 'FulfillmentOrder': {
			const child = store.orderChildren.get(id);
			return child && visibleOrder(context, orderOwning(child)) ? child : null;
		}
		case 'Location':
			return store.locations.get(id) ?? null;
		case 'Product':
			return store.products.get(id) ?? null;
		case 'ProductVariant':
			return store.variants.get(id) ?? null;
		case 'InventoryItem':
			return store.inventoryItems.get(id) ?? null;
		case 'Shop':
			return store.shop.id === id ? store.shop : null;
		case 'InventoryLevel': {
			const itemId = /inventory_item_id=(\d+)/.exec(id)?.[1];
			const item = itemId ? store.inventoryItems.get(`gid://shopify/InventoryItem/${itemId}`) : undefined;
			return item?.levels.get(`gid://shopify/Location/${parsed.id}`) ?? null;
		}
		default: {
			const lookup = context.services.findNode as ((id: string) => unknown) | undefined;
			return lookup ? lookup(id) : null;
		}
	}
}

export const queryResolvers: ResolverMap = {
	QueryRoot: {
		shop: (_root, _args, context) => context.store.shop,
		order: (_root, args, context) => visibleOrder(context, context.store.orders.get(args.id)),
		currentAppInstallation: (_root, _args, context) => ({
			id: 'gid://shopify/AppInstallation/1',
			accessScopes: ((context.services.grantedScopes as readonly string[] | undefined) ?? []).map((handle) => ({
				handle,
				description: `The ${handle} access scope.`,
			})),
		}),
		node: (_root, args, context) => findNode(context, args.id),
		nodes: (_root, args, context) => {
			const ids = args.ids as string[];
			if (ids.length > 250) throw new GraphQLError('The nodes field accepts at most 250 ids.', { extensions: { code: 'BAD_REQUEST' } });
			return ids.map((id) => findNode(context, id));
		},
		orders: (_root, args, context, info) => {
			const sortKey = (args.sortKey ?? 'ID') as string;
			if (!SORTABLE_ORDER_KEYS.includes(sortKey as OrderSortKey))
				throw new GraphQLError(`The simulator does not implement orders sortKey ${sortKey}.`, {
					extensions: { code: 'NOT_IMPLEMENTED' },
				});
			const matches = searchPredicate<OrderRecord>(args.query, orderFieldsFor(context), orderFreeText, context, info);
			const visible = orderVisibility(context);
			const predicate = (order: OrderRecord): boolean => visible(order) && matches(order);
			const index = context.store.orderIndexes[sortKey as OrderSortKey];
			const dateField = SORT_DATE_FIELDS[sortKey];
			if (!args.query || !dateField) return paginate(index, args as ConnectionArgs, predicate);
			// a date window on the sort field narrows the walk to that slice of the index
			const window = dateWindow(parseSearch(args.query), dateField);
			const from = window.from === null ? 0 : index.lowerBound(window.from, 0);
			const to = window.to === null ? index.length : index.lowerBound(window.to, 0);
			return paginate(rangeSource(index, from, to), args as ConnectionArgs, predicate);
		},
		ordersCount: (_root, args, context, info) => {
			const predicate = searchPredicate<OrderRecord>(args.query, orderFieldsFor(context), orderFreeText, context, info);
			const visible = orderVisibility(context);
			let total = 0;
			for (const order of context.store.orders.values()) if (visible(order) && predicate(order)) total++;
			// Shopify caps counts at 10,000 unless `limit: null` is passed explicitly
			const limit = 'limit' in args ? args.limit : 10000;
			return count(total, limit);
		},
		location: (_root, args, context) =>
			args.id ? (context.store.locations.get(args.id) ?? null) : (context.store.locations.values().next().value ?? null),
		locations: (_root, args, context, info) => {
			const predicate = searchPredicate<LocationRecord>(args.query, LOCATION_FIELDS, (l, v) => compareText(l.name, '=', `${v}*`), context, info);
			const all = [...context.store.locations.values()].filter((l) => args.includeInactive || l.isActive);
			return paginate(sortedArraySource(all, byId), args, predicate);
		},
		product: (_root, args, context) => context.store.products.get(args.id) ?? null,
		productVariant: (_root, args, context) => context.store.variants.get(args.id) ?? null,
		productVariants: (_root, args, context, info) => {
			const predicate = searchPredicate<VariantRecord>(args.query, VARIANT_FIELDS, (v, value) => compareText(v.sku, '=', value), context, info);
			return paginate(sortedArraySource([...context.store.variants.values()], byId), args, predicate);
		},
		inventoryItem: (_root, args, context) => context.store.inventoryItems.get(args.id) ?? null,
		inventoryItems: (_root, args, context, info) => {
			const predicate = searchPredicate<InventoryItemRecord>(args.query, INVENTORY_ITEM_FIELDS, (i, value) => compareText(i.sku, '=', value), context, info);
			return paginate(sortedArraySource([...context.store.inventoryItems.values()], byId), args, predicate);
		},
		inventoryLevel: (_root, args, context) => findNode(context, args.id),
	},
};
