import type { Reply } from '../../routeContext';
import type { LoyverseIds } from './ids';
import { isReply, page, readCursor, readLimit, readList, readTime } from './paging';
import type { LoyverseStores } from './stores';

/** An item to seed (control API): its variants by SKU, price and optional stock at the main store. */
export interface LoyverseItemSeed {
	name: string;
	variants: Array<{ sku: string; price: number; stock?: number; barcode?: string; option1_value?: string }>;
}

export interface LoyverseVariant {
	seq: number;
	variant_id: string;
	item_id: string;
	sku: string;
	barcode: string | null;
	option1_value: string | null;
	default_price: number;
	created_at: string;
	updated_at: string;
	deleted_at: string | null;
}

export interface LoyverseItem {
	seq: number;
	id: string;
	item_name: string;
	created_at: string;
	updated_at: string;
	deleted_at: string | null;
}

type Json = Record<string, unknown>;

/** Lists filtered by creation and update time: `created_at_min/max`, `updated_at_min/max`. */
function timeFilters(query: URLSearchParams): Array<(object: { created_at: string; updated_at: string }) => boolean> | Reply {
	const filters: Array<(object: { created_at: string; updated_at: string }) => boolean> = [];
	for (const [name, field, min] of [['created_at_min', 'created_at', true], ['created_at_max', 'created_at', false], ['updated_at_min', 'updated_at', true], ['updated_at_max', 'updated_at', false]] as const) {
		const at = readTime(query, name);
		if (isReply(at)) return at;
		if (at !== null) filters.push((object) => (min ? Date.parse(object[field]) >= at : Date.parse(object[field]) <= at));
	}
	return filters;
}

/** The merchant's items and their variants (SKU, barcode, price per store), with deletion. */
export class LoyverseCatalog {
	items: LoyverseItem[] = [];
	variants: LoyverseVariant[] = [];
	private sequence = 0;

	constructor(
		private readonly ids: LoyverseIds,
		private readonly timestamp: () => string,
		private readonly stores: LoyverseStores,
	) {}

	reset(): void {
		this.items = [];
		this.variants = [];
	}

	seed(seed: LoyverseItemSeed): { item: LoyverseItem; variants: LoyverseVariant[] } {
		const at = this.timestamp();
		const item: LoyverseItem = { seq: ++this.sequence, id: this.ids.uuid('item'), item_name: seed.name, created_at: at, updated_at: at, deleted_at: null };
		this.items.push(item);
		const variants = seed.variants.map((variant) => {
			const created: LoyverseVariant = { seq: ++this.sequence, variant_id: this.ids.uuid('variant'), item_id: item.id, sku: variant.sku, barcode: variant.barcode ?? null, option1_value: variant.option1_value ?? null, default_price: variant.price, created_at: at, updated_at: at, deleted_at: null };
			this.variants.push(created);
			return created;
		});
		return { item, variants };
	}

	variant(id: unknown): LoyverseVariant | undefined {
		return this.variants.find((variant) => variant.variant_id === id);
	}

	item(id: unknown): LoyverseItem | undefined {
		return this.items.find((item) => item.id === id);
	}

	/** The one live variant a cashier scans by SKU (exact), or by id. */
	scan(line: { sku?: unknown; variantId?: unknown }): LoyverseVariant | undefined {
		if (typeof line.variantId === 'string') return this.variants.find((variant) => variant.variant_id === line.variantId && variant.deleted_at === null);
		const matches = this.variants.filter((variant) => variant.deleted_at === null && variant.sku === line.sku);
		return matches.length === 1 ? matches[0] : undefined;
	}

	/** Deletes a variant, or an item with all its variants; the item's variants and times change. */
	delete(id: string): LoyverseItem | undefined {
		const at = this.timestamp();
		const item = this.item(id) ?? this.item(this.variant(id)?.item_id);
		if (!item) return undefined;
		for (const variant of this.variants.filter((candidate) => candidate.deleted_at === null && (candidate.variant_id === id || candidate.item_id === id))) {
			variant.deleted_at = at;
			variant.updated_at = at;
		}
		item.updated_at = at;
		if (item.id === id || this.variants.every((variant) => variant.item_id !== item.id || variant.deleted_at !== null)) item.deleted_at = at;
		return item;
	}

	/** A variant as Loyverse answers it, with its price and availability at every store. */
	variantJson(variant: LoyverseVariant): Json {
		const { seq: _seq, ...fields } = variant;
		void _seq;
		return { ...fields, default_pricing_type: 'FIXED', stores: this.stores.stores.map((store) => ({ store_id: store.id, pricing_type: 'FIXED', price: variant.default_price, available_for_sale: variant.deleted_at === null })) };
	}

	itemJson(item: LoyverseItem, showDeleted = false): Json {
		const { seq: _seq, ...fields } = item;
		void _seq;
		const variants = this.variants.filter((variant) => variant.item_id === item.id && (showDeleted || variant.deleted_at === null));
		return { ...fields, track_stock: true, variants: variants.map((variant) => this.variantJson(variant)) };
	}

	/** `GET /v1.0/variants`: `sku` (one), `variants_ids`, `items_ids`, times, `show_deleted`, `limit`, `cursor`. */
	listVariants(params: URLSearchParams, skuCaseInsensitive: boolean): Reply {
		const read = readCursor(params);
		if (isReply(read)) return read;
		const { query, after } = read;
		const limit = readLimit(query);
		if (isReply(limit)) return limit;
		const times = timeFilters(query);
		if (isReply(times)) return times;
		const sku = query.get('sku');
		const ids = readList(query, 'variants_ids');
		const itemIds = readList(query, 'items_ids');
		const showDeleted = query.get('show_deleted') === 'true';
		const sameSku = (candidate: string) => (skuCaseInsensitive ? candidate.toLowerCase() === sku!.toLowerCase() : candidate === sku);
		const matching = this.variants.filter(
			(variant) =>
				(showDeleted || variant.deleted_at === null) &&
				(sku === null || sameSku(variant.sku)) &&
				(ids === null || ids.has(variant.variant_id)) &&
				(itemIds === null || itemIds.has(variant.item_id)) &&
				times.every((filter) => filter(variant)),
		);
		const { items, cursor } = page(matching, (variant) => variant.seq, after, limit, query);
		return { status: 200, body: { variants: items.map((variant) => this.variantJson(variant)), ...(cursor ? { cursor } : {}) } };
	}

	/** `GET /v1.0/items`: `items_ids`, times, `show_deleted`, `limit`, `cursor`; variants embedded. */
	listItems(params: URLSearchParams): Reply {
		const read = readCursor(params);
		if (isReply(read)) return read;
		const { query, after } = read;
		const limit = readLimit(query);
		if (isReply(limit)) return limit;
		const times = timeFilters(query);
		if (isReply(times)) return times;
		const ids = readList(query, 'items_ids');
		const showDeleted = query.get('show_deleted') === 'true';
		const matching = this.items.filter((item) => (showDeleted || item.deleted_at === null) && (ids === null || ids.has(item.id)) && times.every((filter) => filter(item)));
		const { items, cursor } = page(matching, (item) => item.seq, after, limit, query);
		return { status: 200, body: { items: items.map((item) => this.itemJson(item, showDeleted)), ...(cursor ? { cursor } : {}) } };
	}
}
