import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { InventoryVendor } from '../../lib/pos/inventory/inventoryVendor';
import { PosCallFailedError } from '../../lib/pos/inventory/posJsonTransport';
import { done, failed, splitOutputs, type Routed } from './outputItems';
import { readLocationId } from './orderEvents';
import { connectToPos } from './posInventoryTransport';
import { skusOfItems } from './skuMapping';
import { toNodeError } from '../shared/nodeError';

/**
 * Every item's sellable count at the location, one item per SKU, shaped for Shopify Reconcile Inventory
 * (`sku`, `quantity`, `lastChangedAt`, `itemId`). A count whose item has no SKU, or whose SKU another item
 * also has (the POS compares SKUs without case), cannot be matched to Shopify and goes to Failed / Not
 * Mapped naming the items: never a guess.
 */
export async function getPosStockLevels(this: IExecuteFunctions, vendor: InventoryVendor): Promise<INodeExecutionData[][]> {
	const locationId = readLocationId(this);
	const pos = await connectToPos(this, 'POS Inventory', vendor);
	let levels;
	let skus: Map<string, string>;
	try {
		levels = await vendor.readStockLevels(pos.transport, locationId);
		skus = levels.length > 0 ? await skusOfItems(this, vendor, pos, levels.map((level) => level.itemId), locationId) : new Map();
	} catch (error) {
		if (!(error instanceof PosCallFailedError)) throw toNodeError(this.getNode(), error);
		return splitOutputs([failed(pos, 'failed', `Reading ${vendor.displayName} stock at location ${locationId} failed: ${error.message}`, { vendor: vendor.id, locationId }, 0, error.result)]);
	}
	const compare = (sku: string) => (vendor.skuComparison.caseInsensitive ? sku.toLowerCase() : sku);
	const itemsPerSku = new Map<string, string[]>();
	for (const level of levels) {
		const sku = skus.get(level.itemId);
		if (sku) itemsPerSku.set(compare(sku), [...(itemsPerSku.get(compare(sku)) ?? []), level.itemId]);
	}
	const routed: Routed[] = levels.map((level) => {
		const sku = skus.get(level.itemId) ?? '';
		const json = { vendor: vendor.id, sku, itemId: level.itemId, locationId, quantity: level.quantity, lastChangedAt: level.lastChangedAt };
		if (sku === '') {
			return failed(pos, 'notMapped', `${vendor.displayName} item variation ${level.itemId} has no SKU, so its stock (${level.quantity}) cannot be compared with Shopify. Give it the Shopify variant's SKU.`, json, 0);
		}
		const sharing = itemsPerSku.get(compare(sku)) ?? [];
		if (sharing.length > 1) {
			return failed(pos, 'notMapped', `SKU "${sku}" belongs to ${sharing.length} ${vendor.displayName} item variations (${[...sharing].sort().join(', ')}), so which one Shopify's stock should equal is not known. Give each a SKU of its own.`, json, 0);
		}
		return done(json, 0);
	});
	return splitOutputs(routed);
}
