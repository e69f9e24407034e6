import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { catalogCacheScope } from '../../lib/pos/catalog/cacheScope';
import { resolveSkus, type SkuResolution } from '../../lib/pos/catalog/resolveSkus';
import { processSkuCache } from '../../lib/pos/catalog/skuCache';
import type { InventoryVendor } from '../../lib/pos/inventory/inventoryVendor';
import type { PosConnection } from './posInventoryTransport';

export const DEFAULT_CACHE_MINUTES = 15;

/** The node's cache lifetime option, in ms (0 = always ask the POS). */
export function cacheTtlMs(context: IExecuteFunctions): number {
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const minutes = typeof options.cacheMinutes === 'number' ? options.cacheMinutes : DEFAULT_CACHE_MINUTES;
	return Math.max(0, minutes) * 60_000;
}

function scopeOf(vendor: InventoryVendor, pos: PosConnection, locationId?: string): string {
	return catalogCacheScope({ vendor: vendor.id, baseUrl: pos.credentials.baseUrl, secret: pos.secret, locationId: vendor.catalogPerLocation ? locationId : undefined });
}

/** SKUs → the vendor's item ids, through the process-wide cache (a warm map sends nothing). */
export async function mapSkus(context: IExecuteFunctions, vendor: InventoryVendor, pos: PosConnection, skus: Iterable<string>, locationId?: string): Promise<SkuResolution> {
	return await resolveSkus(skus, {
		cache: processSkuCache,
		scope: scopeOf(vendor, pos, locationId),
		ttlMs: cacheTtlMs(context),
		lookup: async (batch) => await vendor.searchCatalog(pos.transport, batch, locationId ?? ''),
		batchSize: vendor.catalogBatchSize,
		comparison: vendor.skuComparison,
	});
}

/** Item ids → SKUs (for changes read back from the POS), cached beside the SKU map. */
export async function skusOfItems(context: IExecuteFunctions, vendor: InventoryVendor, pos: PosConnection, itemIds: string[], locationId?: string): Promise<Map<string, string>> {
	const scope = `${scopeOf(vendor, pos, locationId)}|ids`;
	const ttl = cacheTtlMs(context);
	const skus = new Map<string, string>();
	const missing = [...new Set(itemIds)].filter((id) => {
		const cached = processSkuCache.get(scope, id, ttl);
		if (cached !== undefined) skus.set(id, cached);
		return cached === undefined;
	});
	if (missing.length === 0) return skus;
	for (const match of await vendor.itemSkus(pos.transport, missing, locationId ?? '')) {
		skus.set(match.itemId, match.sku);
		processSkuCache.set(scope, match.itemId, match.sku);
	}
	return skus;
}
