import type { AbsoluteLevels } from '../inventory/absoluteStockWrite';
import { PosCallFailedError, type PosJsonTransport } from '../inventory/posJsonTransport';
import type { PosStockLevel } from '../inventory/posStockLevel';
import { allElements, merchantPath } from './elementPages';

/**
 * Clover stock: `GET …/item_stocks/{itemId}` reads `quantity`, `POST …/item_stocks/{itemId}` `{quantity}` sets it,
 * whole or decimal, and it is the only way to write stock (https://docs.clover.com/docs/querying-inventory). No
 * difference and no batch: one absolute write per item, read just before.
 */
interface RawStock {
	item?: { id?: unknown };
	quantity?: unknown;
	stockCount?: unknown;
	modifiedTime?: unknown;
}

const quantityOf = (stock: RawStock) => Number(stock.quantity ?? stock.stockCount ?? 0);

export function cloverLevels(transport: PosJsonTransport, merchantId: string): AbsoluteLevels {
	const stockPath = (itemId: string) => merchantPath(merchantId, `/item_stocks/${encodeURIComponent(itemId)}`);
	return {
		writePath: merchantPath(merchantId, '/item_stocks'),
		itemsPerWrite: 1,
		async read(itemIds) {
			const counts = new Map<string, number>();
			for (const itemId of itemIds) {
				const result = await transport({ method: 'GET', path: stockPath(itemId), safeToRepeat: true });
				if (!result.ok) throw new PosCallFailedError(result);
				counts.set(itemId, quantityOf((result.body ?? {}) as RawStock));
			}
			return counts;
		},
		write: async ([level]) => await transport({ method: 'POST', path: stockPath(level.itemId), body: { quantity: level.quantity }, safeToRepeat: true }),
	};
}

export async function cloverStockLevels(transport: PosJsonTransport, merchantId: string): Promise<PosStockLevel[]> {
	const read = await allElements<RawStock>(transport, merchantPath(merchantId, '/item_stocks'), {}, 200);
	if (!read.complete) throw new Error(`Clover merchant ${merchantId} has more than 200,000 item stocks.`);
	return read.records
		.filter((stock) => typeof stock.item?.id === 'string' && Number.isFinite(quantityOf(stock)))
		.map((stock) => ({ itemId: stock.item!.id as string, quantity: quantityOf(stock), lastChangedAt: typeof stock.modifiedTime === 'number' ? new Date(stock.modifiedTime).toISOString() : null }));
}
