import type { AbsoluteLevels } from '../inventory/absoluteStockWrite';
import type { PosJsonTransport } from '../inventory/posJsonTransport';
import type { PosStockLevel } from '../inventory/posStockLevel';
import { allPages, PAGE_LIMIT } from './cursorPages';

/**
 * Loyverse stock at a store: `GET /v1.0/inventory?store_ids=&variant_ids=` reads `in_stock`, `POST /v1.0/inventory`
 * sets `stock_after`, the level after the write, never a difference ([3P] Pipedream's action linking Loyverse's
 * reference; POS-VENDORS.md 4.3). No idempotency is documented.
 */
export const INVENTORY_PATH = '/v1.0/inventory';
const MAX_PAGES = 400;

interface RawLevel {
	variant_id?: unknown;
	store_id?: unknown;
	in_stock?: unknown;
	updated_at?: unknown;
}

async function levelsAt(transport: PosJsonTransport, storeId: string, query: Record<string, string>): Promise<RawLevel[]> {
	const read = await allPages<RawLevel>(transport, INVENTORY_PATH, 'inventory_levels', { store_ids: storeId, ...query }, MAX_PAGES);
	if (!read.complete) throw new Error(`Loyverse's inventory at store ${storeId} ran past ${MAX_PAGES} pages of ${PAGE_LIMIT}.`);
	return read.records.filter((level) => level.store_id === storeId && typeof level.variant_id === 'string' && Number.isFinite(Number(level.in_stock)));
}

export function loyverseLevels(transport: PosJsonTransport, storeId: string): AbsoluteLevels {
	return {
		writePath: INVENTORY_PATH,
		itemsPerWrite: PAGE_LIMIT,
		async read(variantIds) {
			const counts = new Map<string, number>();
			for (let start = 0; start < variantIds.length; start += PAGE_LIMIT) {
				for (const level of await levelsAt(transport, storeId, { variant_ids: variantIds.slice(start, start + PAGE_LIMIT).join(',') })) counts.set(level.variant_id as string, Number(level.in_stock));
			}
			return counts;
		},
		write: async (levels) =>
			await transport({
				method: 'POST',
				path: INVENTORY_PATH,
				body: { inventory_levels: levels.map((level) => ({ variant_id: level.itemId, store_id: storeId, stock_after: level.quantity })) },
				safeToRepeat: true,
			}),
	};
}

export async function loyverseStockLevels(transport: PosJsonTransport, storeId: string): Promise<PosStockLevel[]> {
	return (await levelsAt(transport, storeId, {})).map((level) => ({ itemId: level.variant_id as string, quantity: Number(level.in_stock), lastChangedAt: typeof level.updated_at === 'string' ? level.updated_at : null }));
}
