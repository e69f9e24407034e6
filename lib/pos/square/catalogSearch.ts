import type { CatalogMatch } from '../catalog/skuMatch';

/**
 * SearchCatalogObjects for item variations by SKU: `set_query` on the `sku` attribute matches "exact and
 * case insensitive", up to 250 values a request (CatalogQuerySet); `ITEM_VARIATION` must be in
 * `object_types` or a SKU search returns nothing. Results are paged by `cursor`.
 */
export const CATALOG_SEARCH_PATH = '/v2/catalog/search';
export const SKUS_PER_SEARCH = 250;

export function catalogSearchBody(skus: string[], cursor?: string): Record<string, unknown> {
	if (skus.length === 0 || skus.length > SKUS_PER_SEARCH) throw new RangeError(`A catalog search takes 1 to ${SKUS_PER_SEARCH} SKUs, got ${skus.length}.`);
	return {
		object_types: ['ITEM_VARIATION'],
		query: { set_query: { attribute_name: 'sku', attribute_values: skus } },
		...(cursor ? { cursor } : {}),
	};
}

interface RawVariation {
	id?: unknown;
	type?: unknown;
	is_deleted?: unknown;
	item_variation_data?: { sku?: unknown; name?: unknown };
}

/** The variations in one page of results, and the cursor of the next page (if any). */
export function readCatalogSearchPage(body: unknown): { matches: CatalogMatch[]; cursor?: string } {
	const page = (body ?? {}) as { objects?: RawVariation[]; cursor?: unknown };
	const matches: CatalogMatch[] = [];
	for (const object of page.objects ?? []) {
		if (object.type !== 'ITEM_VARIATION' || object.is_deleted === true || typeof object.id !== 'string') continue;
		const sku = object.item_variation_data?.sku;
		if (typeof sku !== 'string') continue;
		const name = object.item_variation_data?.name;
		matches.push({ itemId: object.id, sku, ...(typeof name === 'string' ? { name } : {}) });
	}
	return { matches, cursor: typeof page.cursor === 'string' && page.cursor !== '' ? page.cursor : undefined };
}

/**
 * BatchRetrieveCatalogObjects: the SKUs of variations a stock change names (the change carries only the
 * variation id). Deleted variations are asked for too, so a change to an item deleted since still names
 * its SKU.
 */
export const CATALOG_BATCH_RETRIEVE_PATH = '/v2/catalog/batch-retrieve';
export const IDS_PER_RETRIEVE = 1000;

export function catalogObjectsBody(itemIds: string[]): Record<string, unknown> {
	if (itemIds.length === 0 || itemIds.length > IDS_PER_RETRIEVE) throw new RangeError(`A catalog retrieve takes 1 to ${IDS_PER_RETRIEVE} ids, got ${itemIds.length}.`);
	return { object_ids: itemIds, include_deleted_objects: true };
}

/** The variations of a BatchRetrieveCatalogObjects answer (deleted ones included). */
export function readCatalogObjects(body: unknown): CatalogMatch[] {
	const objects = ((body ?? {}) as { objects?: RawVariation[] }).objects ?? [];
	return readCatalogSearchPage({ objects: objects.map((object) => ({ ...object, is_deleted: false })) }).matches;
}
