import { absoluteWriteKey, moveByAbsoluteCounts, type StockWriteRecord } from '../inventory/absoluteStockWrite';
import type { InventoryVendor, StockChangesFrom, StockChangesPage } from '../inventory/inventoryVendor';
import type { PosJsonTransport } from '../inventory/posJsonTransport';
import { InputError } from '../../packageError';
import { OrderModelError } from '../square/orderBody';
import { allElements, merchantPath } from './elementPages';
import { cloverLevels, cloverStockLevels } from './itemStocks';
import { itemsBySku, itemSkusById, merchantName } from './items';
import { orderStockChanges, type RawOrder } from './ordersFeed';

const MAX_ORDER_PAGES = 100;

async function readStockChanges(transport: PosJsonTransport, merchantId: string, from: StockChangesFrom): Promise<StockChangesPage> {
	const since = String(Date.parse(from.updatedAfter));
	const read = await allElements<RawOrder>(transport, merchantPath(merchantId, '/orders'), { filter: `modifiedTime>=${since}`, expand: 'lineItems' }, MAX_ORDER_PAGES);
	if (!read.complete) throw new Error(`Clover listed more than ${MAX_ORDER_PAGES * 1000} orders changed since ${from.updatedAfter}; set First Run From later, or run Get Stock Changes more often.`);
	return orderStockChanges(read.records, merchantId, from.updatedAfter);
}

export const cloverVendor: InventoryVendor = {
	id: 'clover',
	displayName: 'Clover',
	// Whether Clover compares SKUs ignoring case is unconfirmed: SKUs that differ only in case are reported, never guessed between.
	skuComparison: { caseInsensitive: true, vendorName: 'Clover' },
	catalogBatchSize: 50,
	// Every Clover path names the merchant, its one catalog and stock.
	catalogPerLocation: true,
	searchCatalog: (transport, skus, merchantId) => itemsBySku(transport, merchantId, skus),
	itemSkus: (transport, itemIds, merchantId) => itemSkusById(transport, merchantId, itemIds),
	async moveStock(transport, merchantId, changes, _nowMs, _settings, record?: StockWriteRecord) {
		if (!record) throw new Error('Clover stock moves need the stock write record.');
		return await moveByAbsoluteCounts(cloverLevels(transport, merchantId), record, absoluteWriteKey('clover', merchantId, changes), changes);
	},
	async recordOrder(_transport, _merchantId, order) {
		throw new OrderModelError(
			`Order ${order.name} was not sent: Record Shopify Orders is not offered for Clover, because whether an order made through Clover's API moves stock is unconfirmed (it could then move twice). Use Move Stock for Shopify Orders.`,
		);
	},
	readStockChanges,
	// Clover's changes come from orders, each a difference: there are no recounts to look up.
	countDifferences: async () => new Map(),
	async listLocations(transport, merchantId) {
		if (!merchantId) {
			throw new InputError('Clover has one location per merchant: enter your Merchant ID as Location ID (the Clover Dashboard\'s address after /m/), then List Locations shows the merchant it reaches.', 'MISSING_SETTING');
		}
		return [await merchantName(transport, merchantId)];
	},
	readStockLevels: cloverStockLevels,
};
