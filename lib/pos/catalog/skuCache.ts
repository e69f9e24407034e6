/**
 * The SKU → POS item id map, kept per n8n process so a warm map costs no POS call. Entries are grouped by
 * scope (which POS account, see cacheScope.ts) and expire after a TTL, so an item re-created in the POS is
 * picked up. Only good mappings are kept: a missing or ambiguous SKU is asked again next time, so fixing
 * it in the POS takes effect at once.
 */
export type Now = () => number;

interface Entry {
	itemId: string;
	storedAt: number;
}

export class SkuCache {
	private readonly entries = new Map<string, Entry>();

	constructor(private readonly now: Now = Date.now) {}

	private static key(scope: string, sku: string): string {
		return `${scope}\u0000${sku}`;
	}

	/** The cached item id, unless older than `ttlMs`. */
	get(scope: string, sku: string, ttlMs: number): string | undefined {
		const key = SkuCache.key(scope, sku);
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		if (this.now() - entry.storedAt >= ttlMs) {
			this.entries.delete(key);
			return undefined;
		}
		return entry.itemId;
	}

	set(scope: string, sku: string, itemId: string): void {
		this.entries.set(SkuCache.key(scope, sku), { itemId, storedAt: this.now() });
	}

	/** Forgets one mapping (the POS said the item is gone) or a whole scope. */
	forget(scope: string, sku?: string): void {
		if (sku !== undefined) {
			this.entries.delete(SkuCache.key(scope, sku));
			return;
		}
		for (const key of this.entries.keys()) if (key.startsWith(`${scope}\u0000`)) this.entries.delete(key);
	}

	get size(): number {
		return this.entries.size;
	}
}

/** The one cache of this n8n process, shared by every execution of every workflow. */
export const processSkuCache = new SkuCache();
