import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeParameterResourceLocator,
} from 'n8n-workflow';
import { applyInventoryChanges } from '../../lib/shopify/inventory/applyInventoryChanges';
import { defaultReferenceUris } from '../../lib/shopify/inventory/referenceDocument';
import type { InventoryChangeOutcome, ItemIdentifierType, RawInventoryChange } from '../../lib/shopify/inventory/types';
import { InventoryItemError } from '../../lib/shopify/inventory/inventoryItemError';
import { shopifyClientFor } from '../shared/shopifyClient';
import { PackageError } from '../../lib/packageError';
import { toNodeError } from '../shared/nodeError';

const IDENTIFIER_PARAMETER: Record<ItemIdentifierType, string> = { sku: 'sku', variantId: 'variantId', inventoryItemId: 'inventoryItemId' };

type ReadResult = { ok: true; raw: RawInventoryChange } | { ok: false; message: string };

function readItem(ctx: IExecuteFunctions, itemIndex: number, defaultReference: string): ReadResult {
	const identifierType = ctx.getNodeParameter('identifierType', itemIndex) as string;
	if (!(identifierType in IDENTIFIER_PARAMETER)) {
		return { ok: false, message: `Identify Item By "${identifierType}" is not one of SKU, Variant ID, Inventory Item ID.` };
	}
	const mode = ctx.getNodeParameter('mode', itemIndex) as string;
	if (mode !== 'adjust' && mode !== 'set') {
		return { ok: false, message: `Mode "${mode}" is not "adjust" or "set".` };
	}
	const location = ctx.getNodeParameter('location', itemIndex) as INodeParameterResourceLocator | string;
	const locationMode = typeof location === 'object' ? location.mode : 'id';
	const locationValue = typeof location === 'object' ? location.value : location;
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const reference = typeof options.referenceDocumentUri === 'string' && options.referenceDocumentUri.trim() !== '' ? options.referenceDocumentUri : defaultReference;
	return {
		ok: true,
		raw: {
			itemIndex,
			identifierType: identifierType as ItemIdentifierType,
			identifier: ctx.getNodeParameter(IDENTIFIER_PARAMETER[identifierType as ItemIdentifierType], itemIndex),
			locationBy: locationMode === 'name' ? 'name' : 'id',
			location: locationValue,
			mode,
			quantityName: mode === 'set' ? ctx.getNodeParameter('quantityName', itemIndex) : 'available',
			quantity: ctx.getNodeParameter(mode === 'adjust' ? 'delta' : 'quantity', itemIndex),
			expectedQuantity: options.expectedQuantity,
			reason: ctx.getNodeParameter('reason', itemIndex),
			referenceDocumentUri: reference,
			idempotencyKey: options.idempotencyKey,
		},
	};
}

function outputJson(outcome: InventoryChangeOutcome): IDataObject {
	const json: IDataObject = {
		status: outcome.status,
		sku: outcome.sku ?? null,
		variantId: outcome.variantId ?? null,
		inventoryItemId: outcome.inventoryItemId ?? null,
		locationId: outcome.locationId ?? null,
		locationName: outcome.locationName ?? null,
		mode: outcome.mode,
		quantityName: outcome.quantityName ?? null,
	};
	if (outcome.mode === 'adjust') json.delta = outcome.delta ?? null;
	else json.quantity = outcome.quantity ?? null;
	if (outcome.mode === 'set' && outcome.delta !== undefined) json.delta = outcome.delta;
	Object.assign(json, {
		changeFromQuantity: outcome.changeFromQuantity ?? null,
		quantityAfterChange: outcome.quantityAfterChange ?? null,
		adjustmentGroupId: outcome.adjustmentGroupId ?? null,
		...(outcome.status === 'applied' ? { replayed: outcome.replayed ?? null } : {}),
		idempotencyKey: outcome.idempotencyKey ?? null,
		changeKey: outcome.changeKey ?? null,
		referenceDocumentUri: outcome.referenceDocumentUri ?? null,
	});
	if (outcome.duplicateOf !== undefined) json.duplicateOfItem = outcome.duplicateOf;
	if (outcome.error) {
		json.error = outcome.error.message;
		json.errorCode = outcome.error.code;
	}
	return json;
}

/**
 * Reads every item's parameters, hands the whole run to lib/ (which resolves, batches and applies them
 * exactly once), and turns each outcome back into an item paired with its input.
 */
export async function executeAdjustInventory(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const continueOnFail = this.continueOnFail();
	const references = defaultReferenceUris(items.map((item) => item.json));

	const raws: RawInventoryChange[] = [];
	const readFailures = new Map<number, string>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let read: ReadResult;
		try {
			read = readItem(this, itemIndex, references[itemIndex]);
		} catch (error) {
			read = { ok: false, message: error instanceof Error ? error.message : String(error) };
		}
		if (read.ok) raws.push(read.raw);
		else if (!continueOnFail) throw new NodeOperationError(this.getNode(), read.message, { itemIndex });
		else readFailures.set(itemIndex, read.message);
	}

	const client = await shopifyClientFor(this);
	let outcomes: InventoryChangeOutcome[];
	try {
		({ outcomes } = await applyInventoryChanges(raws, {
			request: (document, variables, options) => client.request(document, variables, options),
			allOrNothingBeforeSending: !continueOnFail,
		}));
	} catch (error) {
		// The lookups failed (access, network…): nothing was sent.
		const message = error instanceof PackageError ? error.describe() : error instanceof Error ? error.message : String(error);
		if (!continueOnFail) throw toNodeError(this.getNode(), error, undefined, message);
		return [items.map((_, itemIndex) => ({ json: { status: 'failed', error: message }, pairedItem: { item: itemIndex } }))];
	}

	if (!continueOnFail) {
		// The item that caused the stop, not one that was merely held back because of it.
		const failed =
			outcomes.find((outcome) => outcome.status === 'failed' && outcome.error?.code !== 'NOT_SENT') ??
			outcomes.find((outcome) => outcome.status === 'failed');
		if (failed) throw toNodeError(this.getNode(), new InventoryItemError(failed.error!), failed.itemIndex);
	}
	const byIndex = new Map(outcomes.map((outcome) => [outcome.itemIndex, outcome]));
	const output: INodeExecutionData[] = items.map((_, itemIndex) => {
		const readFailure = readFailures.get(itemIndex);
		if (readFailure !== undefined) {
			return { json: { status: 'failed', error: readFailure, errorCode: 'INVALID_PARAMETER' }, pairedItem: { item: itemIndex } };
		}
		return { json: outputJson(byIndex.get(itemIndex)!), pairedItem: { item: itemIndex } };
	});
	return [output];
}
