import type { PosOrder } from '../../shopify/orders/posOrder';
import type { InventoryVendor, MappedStockChange, StockChangesFrom, StockChangesPage, VendorSettings, WriteOutcome } from '../inventory/inventoryVendor';
import type { PosJsonTransport } from '../inventory/posJsonTransport';
import type { PosStockLevel } from '../inventory/posStockLevel';
import { InputError } from '../../packageError';
import { productsBySku, productSkus } from './products';
import { orderSalePlan, stockSalePlan } from './saleBody';
import { createSaleOnce } from './saleCreate';
import { salesRegisterOf, saleSettingsOf, type LightspeedSaleSettings } from './saleSettings';
import { salesStockChanges, type RawSale } from './salesFeed';
import { outletsWithSetup, registerOutlet } from './outletSetup';
import { versionPages } from './versionPages';

/** Pages of 200 one run reads at most; a longer backlog is read on by the next run from where this one stopped. */
const MAX_PAGES = 500;

/** A sale's stock moves at its register's outlet: a register of another outlet would move the wrong shop's stock. */
async function checkedSettings(transport: PosJsonTransport, outletId: string, settings: VendorSettings): Promise<LightspeedSaleSettings> {
	const read = saleSettingsOf(settings);
	const outlet = await registerOutlet(transport, read.registerId);
	if (outlet === null) throw new InputError(`Sales Register ID ${read.registerId} is not a register of this Lightspeed store: run List Locations to see the registers.`, 'INVALID_SETTING');
	if (outlet !== outletId) throw new InputError(`Sales Register ID ${read.registerId} sells from outlet ${outlet}, not from Location ID ${outletId}: choose a register of that outlet (List Locations shows them).`, 'INVALID_SETTING');
	return read;
}

async function moveStock(transport: PosJsonTransport, outletId: string, changes: MappedStockChange[], _nowMs: number, settings: VendorSettings): Promise<WriteOutcome> {
	const read = await checkedSettings(transport, outletId, settings);
	const plan = stockSalePlan(changes, outletId, read);
	return await createSaleOnce(transport, read.apiVersion, plan.invoiceNumber, plan.body);
}

async function recordOrder(transport: PosJsonTransport, outletId: string, order: PosOrder, itemIds: Map<string, string>, settings: VendorSettings): Promise<WriteOutcome> {
	const read = await checkedSettings(transport, outletId, settings);
	const plan = orderSalePlan(order, itemIds, read);
	const outcome = await createSaleOnce(transport, read.apiVersion, plan.invoiceNumber, plan.body);
	if (!outcome.ok) return outcome;
	return { ...outcome, result: { ...outcome.result, totalMinorUnits: plan.totalMinorUnits, shopifyTotalMinorUnits: plan.totalMinorUnits, currency: plan.currency } };
}

/**
 * Sales since the saved version (the feed Lightspeed recommends for keeping in sync: "polling APIs is the right
 * way"), the first run from the start of the feed, keeping only what happened since `updatedAfter`.
 */
async function readStockChanges(transport: PosJsonTransport, outletId: string, from: StockChangesFrom, settings: VendorSettings): Promise<StockChangesPage> {
	const ownRegister = salesRegisterOf(settings);
	const read = await versionPages<RawSale>(transport, '/api/2.0/sales', from.position ?? '0', MAX_PAGES);
	return { ...salesStockChanges(read.records, outletId, ownRegister, from.updatedAfter), position: read.position };
}

interface RawInventory {
	product_id?: unknown;
	outlet_id?: unknown;
	inventory_level?: unknown;
}

async function readStockLevels(transport: PosJsonTransport, outletId: string): Promise<PosStockLevel[]> {
	const read = await versionPages<RawInventory>(transport, '/api/2.0/inventory', '0', MAX_PAGES * 10);
	if (!read.complete) throw new Error(`Lightspeed's inventory ran past ${MAX_PAGES * 10} pages of ${200} records.`);
	const levels = new Map<string, PosStockLevel>();
	for (const record of read.records) {
		const quantity = Number(record.inventory_level);
		if (record.outlet_id !== outletId || typeof record.product_id !== 'string' || !Number.isFinite(quantity)) continue;
		// A record read again later in the feed is its newer state.
		levels.set(record.product_id, { itemId: record.product_id, quantity, lastChangedAt: null });
	}
	return [...levels.values()];
}

export const lightspeedXVendor: InventoryVendor = {
	id: 'lightspeedX',
	displayName: 'Lightspeed X',
	// Whether `?sku=` ignores case is unconfirmed: compare ignoring case, so two SKUs that differ only in case are reported, never guessed between.
	skuComparison: { caseInsensitive: true, vendorName: 'Lightspeed X' },
	catalogBatchSize: 1,
	catalogPerLocation: false,
	searchCatalog: productsBySku,
	itemSkus: productSkus,
	moveStock,
	recordOrder,
	readStockChanges,
	// Lightspeed's changes come from sales, each a delta: there are no recounts to look up.
	countDifferences: async () => new Map(),
	listLocations: outletsWithSetup,
	readStockLevels,
};
