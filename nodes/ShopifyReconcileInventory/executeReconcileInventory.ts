import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { FetchMode } from '../../lib/shopify/inventory/readInventory';
import { reconcileInventory, type ReconcileOptions } from '../../lib/shopify/inventory/reconcileInventory';
import type { DriftEntry, RawPosCount } from '../../lib/shopify/inventory/reconcileTypes';
import { isValidReferenceUri } from '../../lib/shopify/inventory/validateChange';
import { n8nDownloadStream } from '../ShopifyGetOrders/downloadStream';
import { shopifyClientFor } from '../shared/shopifyClient';
import { toNodeError } from '../shared/nodeError';
import { readLocationSelector } from '../ShopifyGetInventory/readLocationParameters';

/** A drift report row: flat, so it goes into a Data table or a message as it is. */
export function entryJson(entry: DriftEntry): IDataObject {
	return {
		status: entry.status,
		sku: entry.sku,
		pos: entry.pos,
		shopify: entry.shopify,
		difference: entry.difference,
		quantityName: entry.quantityName,
		posLastChangedAt: entry.posLastChangedAt,
		shopifyLastChangedAt: entry.shopifyLastChangedAt,
		posItemId: entry.posItemId,
		variantId: entry.variantId,
		inventoryItemId: entry.inventoryItemId,
		locationId: entry.locationId,
		locationName: entry.locationName,
		quantityAfterRepair: entry.repair?.quantityAfter ?? null,
		repairAttempts: entry.repair?.attempts ?? 0,
		casRefusals: entry.repair?.casRefusals ?? 0,
		adjustmentGroupId: entry.repair?.adjustmentGroupId ?? null,
		errorCode: entry.error?.code ?? null,
		error: entry.error?.message ?? null,
	};
}

function readOptions(ctx: IExecuteFunctions): Omit<ReconcileOptions, 'bulk'> {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const reference = typeof options.referenceDocumentUri === 'string' && options.referenceDocumentUri.trim() !== '' ? options.referenceDocumentUri.trim() : `gid://n8n-shopify-pos/Reconciliation/${ctx.getExecutionId() ?? 'manual'}`;
	if (!isValidReferenceUri(reference)) throw new Error(`Reference Document URI "${reference}" is not a URI. Use the form gid://n8n-shopify-pos/Reconciliation/2026-11-20.`);
	let countsReadAt: number | undefined;
	const readAt = options.countsReadAt;
	if (readAt !== undefined && readAt !== null && String(readAt).trim() !== '') {
		countsReadAt = typeof readAt === 'number' ? readAt : Date.parse(String(readAt));
		if (Number.isNaN(countsReadAt)) throw new Error(`Counts Read At ${JSON.stringify(readAt)} is not a date. Use ISO 8601, e.g. 2026-11-20T02:00:00Z.`);
	}
	return {
		location: readLocationSelector(ctx, 0),
		quantityName: ctx.getNodeParameter('quantityName', 0) === 'on_hand' ? 'on_hand' : 'available',
		repair: ctx.getNodeParameter('repair', 0) === true,
		reason: typeof options.reason === 'string' ? options.reason : 'correction',
		referenceDocumentUri: reference,
		maxAttempts: typeof options.maxAttempts === 'number' ? options.maxAttempts : 3,
		countsReadAt,
		fetchMode: (options.fetchMode as FetchMode | undefined) ?? 'auto',
		bulkThreshold: typeof options.bulkThreshold === 'number' ? options.bulkThreshold : undefined,
	};
}

/**
 * Every input item is a POS count; one drift report item per counted SKU comes out (only drift and problems
 * by default), paired with its count. With Repair on, drifted SKUs are written by compare-and-set.
 */
export async function executeReconcileInventory(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	let options: ReconcileOptions;
	try {
		options = { ...readOptions(this), bulk: { download: n8nDownloadStream(this) } };
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
	const counts: RawPosCount[] = items.map((_, itemIndex) => ({
		itemIndex,
		sku: this.getNodeParameter('sku', itemIndex, ''),
		quantity: this.getNodeParameter('quantity', itemIndex, ''),
		lastChangedAt: this.getNodeParameter('lastChangedAt', itemIndex, ''),
		posItemId: this.getNodeParameter('posItemId', itemIndex, ''),
	}));
	let entries: DriftEntry[];
	try {
		({ entries } = await reconcileInventory(counts, await shopifyClientFor(this), options));
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
	const everything = this.getNodeParameter('report', 0) === 'all';
	const shown = everything ? entries : entries.filter((entry) => entry.status !== 'inSync');
	return [shown.map((entry) => ({ json: entryJson(entry), pairedItem: { item: entry.itemIndex } }))];
}
