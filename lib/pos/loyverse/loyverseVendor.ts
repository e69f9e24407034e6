import { moveByAbsoluteCounts, absoluteWriteKey, type StockWriteRecord } from '../inventory/absoluteStockWrite';
import type { InventoryVendor, StockChangesFrom, StockChangesPage } from '../inventory/inventoryVendor';
import { callOrThrow, type PosJsonTransport } from '../inventory/posJsonTransport';
import { OrderModelError } from '../square/orderBody';
import { allPages } from './cursorPages';
import { loyverseLevels, loyverseStockLevels } from './inventoryLevels';
import { receiptStockChanges, type RawReceipt } from './receiptsFeed';
import { variantSkus, variantsBySku } from './variants';

/** Pages of 250 receipts one run reads at most; a longer backlog is read on by the next run. */
const MAX_RECEIPT_PAGES = 200;

/**
 * Read the receipts made or changed since `updatedAfter` at the store. Loyverse lists newest first, so a run
 * stopped by the page cap has read only the newest: it says so instead of moving the position past the rest.
 */
async function readStockChanges(transport: PosJsonTransport, storeId: string, from: StockChangesFrom): Promise<StockChangesPage> {
	const read = await allPages<RawReceipt>(transport, '/v1.0/receipts', 'receipts', { store_id: storeId, updated_at_min: from.updatedAfter }, MAX_RECEIPT_PAGES);
	if (!read.complete) throw new Error(`Loyverse listed more than ${MAX_RECEIPT_PAGES * 250} receipts changed since ${from.updatedAfter} at store ${storeId}; set First Run From later, or run Get Stock Changes more often.`);
	return receiptStockChanges(read.records, storeId, from.updatedAfter);
}

export const loyverseVendor: InventoryVendor = {
	id: 'loyverse',
	displayName: 'Loyverse',
	// Whether `?sku=` ignores case is unconfirmed: compare ignoring case, so SKUs that differ only in case are reported, never guessed between.
	skuComparison: { caseInsensitive: true, vendorName: 'Loyverse' },
	catalogBatchSize: 1,
	catalogPerLocation: false,
	searchCatalog: variantsBySku,
	itemSkus: variantSkus,
	async moveStock(transport, storeId, changes, _nowMs, _settings, record?: StockWriteRecord) {
		if (!record) throw new Error('Loyverse stock moves need the stock write record.');
		return await moveByAbsoluteCounts(loyverseLevels(transport, storeId), record, absoluteWriteKey('loyverse', storeId, changes), changes);
	},
	async recordOrder(_transport, _storeId, order) {
		throw new OrderModelError(
			`Order ${order.name} was not sent: Record Shopify Orders is not offered for Loyverse, because whether a receipt made through Loyverse's API moves stock is unconfirmed (it could then move twice). Use Move Stock for Shopify Orders.`,
		);
	},
	readStockChanges,
	// Loyverse's changes come from receipts, each a difference: there are no recounts to look up.
	countDifferences: async () => new Map(),
	listLocations: async (transport) => {
		const stores = ((await callOrThrow(transport, { method: 'GET', path: '/v1.0/stores', safeToRepeat: true })) as { stores?: unknown } | null)?.stores;
		return Array.isArray(stores) ? (stores as Array<Record<string, unknown>>) : [];
	},
	readStockLevels: loyverseStockLevels,
};
