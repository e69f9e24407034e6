import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { InventoryLevelRow, LevelRequest } from '../../lib/shopify/inventory/levelTypes';
import { readInventoryAtLocations, readInventoryOfItems, type FetchMode, type ReadInventoryOptions } from '../../lib/shopify/inventory/readInventory';
import type { ItemIdentifierType } from '../../lib/shopify/inventory/types';
import { normalizeGid } from '../../lib/shopify/inventory/validateChange';
import { n8nDownloadStream } from '../ShopifyGetOrders/downloadStream';
import { shopifyClientFor } from '../shared/shopifyClient';
import { toNodeError } from '../shared/nodeError';
import { readLocationScope } from './readLocationParameters';

const GID_TYPE: Record<Exclude<ItemIdentifierType, 'sku'>, string> = { variantId: 'ProductVariant', inventoryItemId: 'InventoryItem' };

export function rowJson(row: InventoryLevelRow): IDataObject {
	return {
		sku: row.sku,
		variantId: row.variantId,
		inventoryItemId: row.inventoryItemId,
		locationId: row.locationId,
		locationName: row.locationName,
		quantities: row.quantities,
		updatedAt: row.updatedAt,
		tracked: row.tracked,
	};
}

/** One input item's identifier; a malformed one is reported on the Not Found output, not sent. */
function readRequest(ctx: IExecuteFunctions, itemIndex: number): LevelRequest | { itemIndex: number; error: string; value: unknown } {
	const identifierType = ctx.getNodeParameter('identifierType', 0) as ItemIdentifierType;
	const value = ctx.getNodeParameter(identifierType, itemIndex) as unknown;
	if (identifierType === 'sku') {
		const sku = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
		if (sku.trim() === '') return { itemIndex, error: 'SKU is empty. Map the SKU to read, e.g. {{ $json.sku }}.', value };
		return { itemIndex, identifierType, identifier: sku };
	}
	const gid = normalizeGid(value, GID_TYPE[identifierType]);
	if (!gid) return { itemIndex, error: `${identifierType === 'variantId' ? 'Variant ID' : 'Inventory Item ID'} ${JSON.stringify(value)} is not an ID. Use a number or gid://shopify/${GID_TYPE[identifierType]}/<number>.`, value };
	return { itemIndex, identifierType, identifier: gid };
}

function readOptions(ctx: IExecuteFunctions): Omit<ReadInventoryOptions, 'scope'> {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	return {
		names: ctx.getNodeParameter('quantityNames', 0) as string[],
		fetchMode: (options.fetchMode as FetchMode | undefined) ?? 'auto',
		bulkThreshold: typeof options.bulkThreshold === 'number' ? options.bulkThreshold : undefined,
		bulk: { download: n8nDownloadStream(ctx) },
	};
}

async function listedItems(ctx: IExecuteFunctions, options: ReadInventoryOptions): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const found: INodeExecutionData[] = [];
	const notFound: INodeExecutionData[] = [];
	const requests: LevelRequest[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const request = readRequest(ctx, itemIndex);
		if ('error' in request) {
			notFound.push({ json: { identifier: (request.value as string) ?? null, errorCode: 'INVALID_IDENTIFIER', error: request.error }, pairedItem: { item: itemIndex } });
		} else requests.push(request);
	}
	const client = await shopifyClientFor(ctx);
	const { result } = await readInventoryOfItems(client, requests, options);
	requests.forEach((request, index) => {
		const outcome = result[index];
		if (outcome.ok) {
			for (const row of outcome.rows) found.push({ json: rowJson(row), pairedItem: { item: request.itemIndex } });
			return;
		}
		notFound.push({
			json: { identifierType: request.identifierType, identifier: request.identifier, errorCode: outcome.error.code, error: outcome.error.message },
			pairedItem: { item: request.itemIndex },
		});
	});
	return [found, notFound];
}

/**
 * Stock levels out of Shopify: listed items (one item per SKU and location, unknown or shared SKUs on the
 * Not Found output) or every tracked item at the locations (a full read, paged or in bulk).
 */
export async function executeGetInventory(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	let options: ReadInventoryOptions;
	try {
		options = { ...readOptions(this), scope: readLocationScope(this) };
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
	try {
		if (this.getNodeParameter('read', 0) === 'items') return await listedItems(this, options);
		const client = await shopifyClientFor(this);
		const { result } = await readInventoryAtLocations(client, options);
		return [result.map((row) => ({ json: rowJson(row), pairedItem: { item: 0 } })), []];
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}
