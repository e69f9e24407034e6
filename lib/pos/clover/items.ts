import type { CatalogMatch } from '../catalog/skuMatch';
import { callOrThrow, PosCallFailedError, type PosJsonTransport } from '../inventory/posJsonTransport';
import { allElements, merchantPath } from './elementPages';

/**
 * Clover items by SKU. `filter=sku=` is widely used but not in Clover's pages (POS-VENDORS.md 3.2): a list
 * answers `X-Clover-Allowed-Filter-Fields`, and a filter outside it is refused (400). So the node asks with the
 * filter, and where a merchant's Clover refuses it, it pages the whole item list once and matches here; that
 * refusal is remembered for the account in this process. Deleted items never map.
 */
const MAX_PAGES = 50;
const filterRefused = new Set<string>();

interface RawItem {
	id?: unknown;
	sku?: unknown;
	name?: unknown;
	deleted?: unknown;
}

function matchOf(item: RawItem): CatalogMatch[] {
	if (typeof item.id !== 'string' || typeof item.sku !== 'string' || item.deleted === true) return [];
	return [{ itemId: item.id, sku: item.sku, ...(typeof item.name === 'string' && item.name !== '' ? { name: item.name } : {}) }];
}

const isFilterRefusal = (error: unknown) => error instanceof PosCallFailedError && error.result.status === 400 && /filter/i.test(error.result.reason);

export async function itemsBySku(transport: PosJsonTransport, merchantId: string, skus: string[]): Promise<CatalogMatch[]> {
	const path = merchantPath(merchantId, '/items');
	if (!filterRefused.has(merchantId)) {
		try {
			const matches: CatalogMatch[] = [];
			for (const sku of skus) matches.push(...(await allElements<RawItem>(transport, path, { filter: `sku=${sku}` }, MAX_PAGES)).records.flatMap(matchOf));
			return matches;
		} catch (error) {
			if (!isFilterRefusal(error)) throw error;
			filterRefused.add(merchantId);
		}
	}
	const all = await allElements<RawItem>(transport, path, {}, MAX_PAGES);
	if (!all.complete) throw new Error(`Clover merchant ${merchantId} has more than ${MAX_PAGES * 1000} items and refuses a SKU filter; this node cannot look SKUs up there.`);
	const wanted = new Set(skus.map((sku) => sku.toLowerCase()));
	return all.records.flatMap(matchOf).filter((match) => wanted.has(match.sku.toLowerCase()));
}

/** Above this many ids, one read of the item list (1,000 a page) costs fewer calls than one call an id. */
const IDS_READ_ONE_BY_ONE = 20;

/** The SKUs of items by id; an item Clover no longer has (404) gives no match, so its change is reported unmapped. */
export async function itemSkusById(transport: PosJsonTransport, merchantId: string, itemIds: string[]): Promise<CatalogMatch[]> {
	if (itemIds.length > IDS_READ_ONE_BY_ONE) {
		const wanted = new Set(itemIds);
		return (await allElements<RawItem>(transport, merchantPath(merchantId, '/items'), {}, MAX_PAGES)).records.filter((item) => wanted.has(item.id as string)).flatMap(matchOf);
	}
	const matches: CatalogMatch[] = [];
	for (const id of itemIds) {
		const result = await transport({ method: 'GET', path: merchantPath(merchantId, `/items/${encodeURIComponent(id)}`), safeToRepeat: true });
		if (!result.ok && result.status === 404) continue;
		if (!result.ok) throw new PosCallFailedError(result);
		matches.push(...matchOf((result.body ?? {}) as RawItem));
	}
	return matches;
}

export async function merchantName(transport: PosJsonTransport, merchantId: string): Promise<Record<string, unknown>> {
	return (await callOrThrow(transport, { method: 'GET', path: merchantPath(merchantId, ''), safeToRepeat: true })) as Record<string, unknown>;
}
