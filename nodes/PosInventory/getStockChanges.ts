import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { advanceCursor, alreadyReturned, firstRunStart, furtherCursor, queryStart, startCursor, type StockChangeCursor } from '../../lib/pos/inventory/changeCursor';
import { ProcessCursorCopies } from '../../lib/pos/inventory/processCursorCopies';
import type { CountDifference, InventoryVendor } from '../../lib/pos/inventory/inventoryVendor';
import { PosCallFailedError } from '../../lib/pos/inventory/posJsonTransport';
import type { PosStockChange } from '../../lib/pos/inventory/posStockChange';
import { done, failed, splitOutputs, type Routed } from './outputItems';
import { readLocationId } from './orderEvents';
import { connectToPos } from './posInventoryTransport';
import { skusOfItems } from './skuMapping';
import { toNodeError } from '../shared/nodeError';
import { DEFAULT_STOCK_CHANGE_OVERLAP_SECONDS } from '../../lib/pos/inventory/changeCursor';

const positionsInThisProcess = new ProcessCursorCopies();

interface CursorOptions {
	overlapSeconds?: number;
	startFrom?: string;
	resetCursor?: boolean;
}

/**
 * One output item per change, each with `quantity`: the signed difference to apply in Shopify. A recount
 * also says what was counted and what the POS held before (its `quantity` is the difference), so it is
 * applied as a delta too and never overwrites a sale made on either side meanwhile.
 */
function changeJson(vendorId: string, change: PosStockChange, sku: string, counted?: Extract<CountDifference, { ok: true }>): IDataObject {
	const json: IDataObject = { vendor: vendorId, key: change.key, kind: change.kind, sku, itemId: change.itemId, locationId: change.locationId };
	if (change.kind === 'recount') {
		json.quantity = counted ? counted.difference : null;
		json.absoluteQuantity = change.absoluteQuantity;
		json.quantityBefore = counted ? counted.before : null;
	} else json.quantity = change.quantity;
	return { ...json, occurredAt: change.occurredAt, createdAt: change.createdAt, fromState: change.fromState, toState: change.toState, referenceId: change.referenceId };
}

/**
 * The POS's stock changes at the location since the last run, our own writes left out. The position is
 * in the node's static data, per vendor and location, so a schedule and a webhook hint connected to this
 * one node share it; it moves on only after a run that read everything.
 */
export async function getPosStockChanges(this: IExecuteFunctions, vendor: InventoryVendor): Promise<INodeExecutionData[][]> {
	const locationId = readLocationId(this);
	const options = this.getNodeParameter('options', 0, {}) as CursorOptions;
	const overlapMs = Math.max(0, options.overlapSeconds ?? DEFAULT_STOCK_CHANGE_OVERLAP_SECONDS) * 1000;
	const memory = this.getWorkflowStaticData('node') as { stockChangeCursors?: Record<string, StockChangeCursor> };
	const cursors = (memory.stockChangeCursors ??= {});
	const cursorKey = `${vendor.id}:${locationId}`;
	// Production runs also keep a copy of the position in this process: n8n can put an older copy of the
	// static data back after a run (see ProcessCursorCopies), and the further of the two is used. Manual runs
	// (the editor) neither use nor leave one, so a test run never moves the published workflow's position.
	const production = this.getMode() !== 'manual';
	const scope = `${this.getWorkflow().id ?? ''}:${this.getNode().id}:${cursorKey}`;
	if (options.resetCursor && production) positionsInThisProcess.forget(scope);
	const saved = options.resetCursor ? undefined : furtherCursor(cursors[cursorKey], production ? positionsInThisProcess.get(scope) : undefined);
	// First run: from First Run From, else from the POS events that started it (their change is older than this run), else now.
	const firstStart = () => options.startFrom || firstRunStart(this.getInputData().map((item) => item.json), new Date().toISOString());
	const cursor = saved ?? startCursor(firstStart());
	if (saved && saved !== cursors[cursorKey]) {
		this.logger.info(`POS Inventory: the stock change position for ${cursorKey} in the static data is missing or older than the one this process saved (n8n put an older copy of the static data back); continuing from ${saved.since}.`);
	}
	const pos = await connectToPos(this, 'POS Inventory', vendor);
	let page;
	let skus: Map<string, string>;
	let counted: Map<string, CountDifference>;
	try {
		page = await vendor.readStockChanges(pos.transport, locationId, { updatedAfter: queryStart(cursor, overlapMs), position: cursor.position }, pos.settings);
		const fresh = page.changes.filter((change) => !alreadyReturned(cursor, change.key, change.createdAt));
		page = { ...page, changes: fresh };
		skus = fresh.length > 0 ? await skusOfItems(this, vendor, pos, fresh.map((change) => change.itemId), locationId) : new Map();
		const recounts = fresh.filter((change) => change.kind === 'recount');
		counted = recounts.length > 0 ? await vendor.countDifferences(pos.transport, locationId, recounts) : new Map();
	} catch (error) {
		if (!(error instanceof PosCallFailedError)) throw toNodeError(this.getNode(), error);
		const reason = `Reading ${vendor.displayName} stock changes failed; the position did not move, so the next run asks again: ${error.message}`;
		return splitOutputs([failed(pos, 'failed', reason, { vendor: vendor.id, locationId }, 0, error.result)]);
	}
	const routed: Routed[] = page.changes.map((change) => {
		const sku = skus.get(change.itemId);
		const count = counted.get(change.key);
		if (count && !count.ok) return failed(pos, 'failed', count.reason, changeJson(vendor.id, change, sku ?? ''), 0);
		if (sku !== undefined && sku !== '') return done(changeJson(vendor.id, change, sku, count?.ok ? count : undefined), 0);
		const message = `${vendor.displayName} item variation ${change.itemId} has no SKU, so its stock change (${change.key}) cannot be matched to Shopify. Give it the Shopify variant's SKU.`;
		return failed(pos, 'notMapped', message, changeJson(vendor.id, change, ''), 0);
	});
	cursors[cursorKey] = advanceCursor(cursor, page.seen, overlapMs, page.position);
	if (production) positionsInThisProcess.keep(scope, cursors[cursorKey]);
	if (options.resetCursor) this.logger.info(`POS Inventory: the stock change position for ${cursorKey} was reset to ${cursor.since}.`);
	return splitOutputs(routed);
}
