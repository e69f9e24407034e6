import { isObject, type Reply } from '../../routeContext';
import type { LoyverseCatalog } from './catalog';
import { loyverseError, missing, notFound, wrongType } from './errors';
import { isReply, page, readCursor, readLimit, readList, readTime } from './paging';
import type { LoyverseStores } from './stores';

export interface InventoryLevel {
	variant_id: string;
	store_id: string;
	in_stock: number;
	updated_at: string;
}

interface StoredLevel extends InventoryLevel {
	seq: number;
}

/** A checked `POST /v1.0/inventory` entry. */
interface LevelWrite {
	variant_id: string;
	store_id: string;
	stock_after: number;
}

const levelJson = ({ variant_id, store_id, in_stock, updated_at }: StoredLevel): InventoryLevel => ({ variant_id, store_id, in_stock, updated_at });

/**
 * Stock per (variant, store): `in_stock` and when it last changed. Loyverse writes are absolute
 * (`stock_after`); sales and refunds move it by their quantities. Stock may go negative.
 */
export class LoyverseInventory {
	private levels = new Map<string, StoredLevel>();
	private sequence = 0;

	constructor(
		private readonly timestamp: () => string,
		private readonly catalog: LoyverseCatalog,
		private readonly stores: LoyverseStores,
	) {}

	reset(): void {
		this.levels.clear();
	}

	private stored(variantId: string, storeId: string): StoredLevel {
		const key = `${variantId}|${storeId}`;
		let level = this.levels.get(key);
		if (!level) this.levels.set(key, (level = { seq: ++this.sequence, variant_id: variantId, store_id: storeId, in_stock: 0, updated_at: this.timestamp() }));
		return level;
	}

	level(variantId: string, storeId: string): InventoryLevel {
		return levelJson(this.stored(variantId, storeId));
	}

	/** Sets a level to an absolute count (its `updated_at` moves to now even when the count is the same). */
	set(variantId: string, storeId: string, inStock: number): InventoryLevel {
		const level = this.stored(variantId, storeId);
		level.in_stock = inStock;
		level.updated_at = this.timestamp();
		return levelJson(level);
	}

	/** Moves a level by `delta` (a sale is negative, a refund positive). */
	adjust(variantId: string, storeId: string, delta: number): InventoryLevel {
		const level = this.stored(variantId, storeId);
		return this.set(variantId, storeId, Math.round((level.in_stock + delta) * 1000) / 1000);
	}

	all(): InventoryLevel[] {
		return [...this.levels.values()].map(levelJson);
	}

	/** `GET /v1.0/inventory`: `store_ids`, `variant_ids`, `updated_at_min/max`, `limit`, `cursor`. */
	list(params: URLSearchParams): Reply {
		const read = readCursor(params);
		if (isReply(read)) return read;
		const { query, after } = read;
		const limit = readLimit(query);
		if (isReply(limit)) return limit;
		const min = readTime(query, 'updated_at_min');
		if (isReply(min)) return min;
		const max = readTime(query, 'updated_at_max');
		if (isReply(max)) return max;
		const storeIds = readList(query, 'store_ids');
		const variantIds = readList(query, 'variant_ids');
		const matching = [...this.levels.values()].filter(
			(level) =>
				(storeIds === null || storeIds.has(level.store_id)) &&
				(variantIds === null || variantIds.has(level.variant_id)) &&
				(min === null || Date.parse(level.updated_at) >= min) &&
				(max === null || Date.parse(level.updated_at) <= max) &&
				this.catalog.variant(level.variant_id)?.deleted_at === null,
		);
		const { items, cursor } = page(matching, (level) => level.seq, after, limit, query);
		return { status: 200, body: { inventory_levels: items.map(levelJson), ...(cursor ? { cursor } : {}) } };
	}

	/**
	 * Checks a `POST /v1.0/inventory` body: every entry before any is applied. With `updatedAtCheck`, an
	 * entry whose `updated_at` is older than the stored level's is a conflict (unconfirmed behaviour).
	 */
	check(body: unknown, updatedAtCheck: boolean): LevelWrite[] | Reply {
		if (!isObject(body) || body.inventory_levels === undefined) return missing('inventory_levels');
		if (!Array.isArray(body.inventory_levels)) return wrongType('inventory_levels', 'an array');
		if (body.inventory_levels.length === 0) return missing('inventory_levels');
		const writes: LevelWrite[] = [];
		for (const [index, entry] of (body.inventory_levels as unknown[]).entries()) {
			const refused = this.checkEntry(entry, `inventory_levels[${index}]`, updatedAtCheck);
			if (refused) return refused;
			const { variant_id, store_id, stock_after } = entry as LevelWrite;
			writes.push({ variant_id, store_id, stock_after });
		}
		return writes;
	}

	private checkEntry(entry: unknown, at: string, updatedAtCheck: boolean): Reply | null {
		if (!isObject(entry)) return wrongType(at, 'an object');
		for (const field of ['variant_id', 'store_id', 'stock_after'] as const) if (entry[field] === undefined || entry[field] === null) return missing(`${at}.${field}`);
		if (typeof entry.variant_id !== 'string') return wrongType(`${at}.variant_id`, 'a string');
		if (typeof entry.store_id !== 'string') return wrongType(`${at}.store_id`, 'a string');
		if (typeof entry.stock_after !== 'number' || !Number.isFinite(entry.stock_after)) return wrongType(`${at}.stock_after`, 'a number');
		const variant = this.catalog.variant(entry.variant_id);
		if (!variant || variant.deleted_at !== null) return notFound(`Variant ${entry.variant_id} not found`, `${at}.variant_id`);
		if (!this.stores.find(entry.store_id)) return notFound(`Store ${entry.store_id} not found`, `${at}.store_id`);
		if (entry.updated_at !== undefined && entry.updated_at !== null) {
			if (typeof entry.updated_at !== 'string' || Number.isNaN(Date.parse(entry.updated_at))) return wrongType(`${at}.updated_at`, 'an ISO 8601 date-time');
			const stored = this.levels.get(`${entry.variant_id}|${entry.store_id}`);
			if (updatedAtCheck && stored && Date.parse(entry.updated_at) < Date.parse(stored.updated_at)) {
				return loyverseError(409, 'CONFLICT', `The inventory level was updated at ${stored.updated_at}, after the updated_at sent (${entry.updated_at})`, `${at}.updated_at`);
			}
		}
		return null;
	}
}
