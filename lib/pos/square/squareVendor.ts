import type { PosOrder } from '../../shopify/orders/posOrder';
import type { CatalogMatch } from '../catalog/skuMatch';
import type { CallRecord, InventoryVendor, MappedStockChange, StockChangesFrom, StockChangesPage, WriteOutcome } from '../inventory/inventoryVendor';
import { callOrThrow, type PosJsonTransport } from '../inventory/posJsonTransport';
import { CATALOG_BATCH_RETRIEVE_PATH, CATALOG_SEARCH_PATH, catalogObjectsBody, catalogSearchBody, IDS_PER_RETRIEVE, readCatalogObjects, readCatalogSearchPage, SKUS_PER_SEARCH } from './catalogSearch';
import { CREATE_PAYMENT_PATH, externalPaymentBody } from './externalPayment';
import { squareCountDifferences } from './countDifferences';
import { allCursorPages, cursorPages } from './cursorPages';
import { BATCH_CHANGE_PATH, inventoryBatchBodies } from './inventoryAdjustments';
import { BATCH_RETRIEVE_CHANGES_PATH, inventoryChangesBody, isOwnOrder, readInventoryChangesPage, retrieveOrderPath } from './inventoryChangesQuery';
import type { PosStockLevel } from '../inventory/posStockLevel';
import { BATCH_RETRIEVE_COUNTS_PATH, inventoryCountsBody, readInventoryCountsPage } from './inventoryCounts';
import { LIST_LOCATIONS_PATH, readLocations } from './locations';
import { CREATE_ORDER_PATH, squareOrderPlan } from './orderBody';

/** Pages a catalog search may take before the node stops (a SKU list never needs this many). */
const MAX_PAGES = 100;

async function searchCatalog(transport: PosJsonTransport, skus: string[]): Promise<CatalogMatch[]> {
	const matches = await allCursorPages(transport, CATALOG_SEARCH_PATH, (cursor) => catalogSearchBody(skus, cursor), (body) => {
		const read = readCatalogSearchPage(body);
		return { items: read.matches, cursor: read.cursor };
	}, MAX_PAGES);
	if (!matches) throw new Error(`Square's catalog search returned more than ${MAX_PAGES} pages for ${skus.length} SKUs.`);
	return matches;
}

async function itemSkus(transport: PosJsonTransport, itemIds: string[]): Promise<CatalogMatch[]> {
	const matches: CatalogMatch[] = [];
	for (let start = 0; start < itemIds.length; start += IDS_PER_RETRIEVE) {
		const body = await callOrThrow(transport, { method: 'POST', path: CATALOG_BATCH_RETRIEVE_PATH, body: catalogObjectsBody(itemIds.slice(start, start + IDS_PER_RETRIEVE)), safeToRepeat: true });
		matches.push(...readCatalogObjects(body));
	}
	return matches;
}

/** Square's answer to a key it already holds for another body: the key's changes are applied. */
function keyAlreadyUsed(body: unknown): boolean {
	const errors = ((body ?? {}) as { errors?: Array<{ code?: unknown }> }).errors ?? [];
	return errors.some((error) => error.code === 'IDEMPOTENCY_KEY_REUSED');
}

async function moveStock(transport: PosJsonTransport, locationId: string, changes: MappedStockChange[], nowMs: number): Promise<WriteOutcome> {
	const calls: CallRecord[] = [];
	for (const body of inventoryBatchBodies(changes, locationId, nowMs)) {
		const result = await transport({ method: 'POST', path: BATCH_CHANGE_PATH, body, safeToRepeat: true });
		// The key names these Shopify changes at this location: Square holding it means they were applied once.
		if (!result.ok && !keyAlreadyUsed(result.body)) return { ok: false, calls, failure: result };
		calls.push({ path: BATCH_CHANGE_PATH, idempotencyKey: body.idempotency_key as string, status: result.ok ? result.status : (result.status ?? 400), ...(result.ok ? {} : { alreadyApplied: true }) });
	}
	return { ok: true, calls };
}

/** CreateOrder, then the EXTERNAL payment for its total: Square closes the order and moves its stock. */
async function recordOrder(transport: PosJsonTransport, locationId: string, order: PosOrder, itemIds: Map<string, string>): Promise<WriteOutcome> {
	const plan = squareOrderPlan(order, itemIds, locationId);
	const calls: CallRecord[] = [];
	const created = await transport({ method: 'POST', path: CREATE_ORDER_PATH, body: plan.body, safeToRepeat: true });
	if (!created.ok) return { ok: false, calls, failure: created };
	calls.push({ path: CREATE_ORDER_PATH, idempotencyKey: plan.body.idempotency_key as string, status: created.status });
	const squareOrder = ((created.body ?? {}) as { order?: { id?: string; total_money?: { amount?: number } } }).order;
	if (typeof squareOrder?.id !== 'string') throw new Error('Square answered CreateOrder without an order id.');
	const total = Number(squareOrder.total_money?.amount ?? plan.totalMinorUnits);
	if (total !== plan.totalMinorUnits) {
		// Paying Square's figure would book another amount than Shopify charged: leave the order open (unpaid, no stock moved).
		const reason = `Square totals order ${order.name} at ${total} and Shopify charged ${plan.totalMinorUnits} (${plan.currency} minor units); the Square order ${squareOrder.id} is left open and unpaid, so no stock moved. Check the Square location's taxes and the order's lines.`;
		return { ok: false, calls, failure: { ok: false, reason, status: created.status, body: created.body, call: { method: 'POST', path: CREATE_ORDER_PATH, body: plan.body, safeToRepeat: true } } };
	}
	const payment = externalPaymentBody({ locationId, orderLegacyId: order.legacyId, orderName: order.name, squareOrderId: squareOrder.id, totalMinorUnits: total, currency: plan.currency });
	const paid = await transport({ method: 'POST', path: CREATE_PAYMENT_PATH, body: payment, safeToRepeat: true });
	if (!paid.ok) return { ok: false, calls, failure: paid };
	calls.push({ path: CREATE_PAYMENT_PATH, idempotencyKey: payment.idempotency_key as string, status: paid.status });
	const squarePayment = ((paid.body ?? {}) as { payment?: { id?: string; status?: string } }).payment;
	return {
		ok: true,
		calls,
		result: { squareOrderId: squareOrder.id, squarePaymentId: squarePayment?.id ?? null, paymentStatus: squarePayment?.status ?? null, totalMinorUnits: total, shopifyTotalMinorUnits: plan.totalMinorUnits, currency: plan.currency },
	};
}

/** Square order id → whether this package recorded it (an order's reference never changes). */
const recordedOrders = new Map<string, boolean>();
const RECORDED_ORDERS_KEPT = 10_000;

async function isRecordedOrder(transport: PosJsonTransport, orderId: string): Promise<boolean> {
	const known = recordedOrders.get(orderId);
	if (known !== undefined) return known;
	const ours = isOwnOrder(await callOrThrow(transport, { method: 'GET', path: retrieveOrderPath(orderId), safeToRepeat: true }));
	if (recordedOrders.size >= RECORDED_ORDERS_KEPT) recordedOrders.delete(recordedOrders.keys().next().value as string);
	recordedOrders.set(orderId, ours);
	return ours;
}

/**
 * Every page of changes since `updatedAfter`, up to MAX_PAGES × 10 pages a run: Square lists them oldest
 * first, so a run stopped by the cap hands over a complete earlier part, and the position moves only to its
 * last change; the next run reads on from there. Stock a recorded Shopify order moved (Square's own SOLD
 * adjustment when our EXTERNAL payment closed it) carries no reference of ours, only the order as
 * `transaction_id`: the order's reference says it is ours, so it is left out like our tagged writes.
 */
async function readStockChanges(transport: PosJsonTransport, locationId: string, { updatedAfter }: StockChangesFrom): Promise<StockChangesPage> {
	const { pages } = await cursorPages(transport, BATCH_RETRIEVE_CHANGES_PATH, (cursor) => inventoryChangesBody(locationId, updatedAfter, cursor), (body) => readInventoryChangesPage(body, locationId), MAX_PAGES * 10);
	const all: StockChangesPage = { changes: pages.flatMap((read) => read.changes), ownChangeIds: pages.flatMap((read) => read.ownChangeIds), seen: pages.flatMap((read) => read.seen) };
	const orderChecks = new Map(pages.flatMap((read) => [...read.orderChecks]));
	const echoes = new Set<string>();
	for (const [key, orderId] of orderChecks) if (await isRecordedOrder(transport, orderId)) echoes.add(key);
	all.ownChangeIds.push(...echoes);
	all.changes = all.changes.filter((change) => !echoes.has(change.key));
	return all;
}

async function readStockLevels(transport: PosJsonTransport, locationId: string): Promise<PosStockLevel[]> {
	const levels = await allCursorPages(transport, BATCH_RETRIEVE_COUNTS_PATH, (cursor) => inventoryCountsBody(locationId, cursor), (body) => {
		const read = readInventoryCountsPage(body, locationId);
		return { items: read.levels, cursor: read.cursor };
	}, MAX_PAGES * 10);
	if (!levels) throw new Error(`Square's inventory counts at location ${locationId} ran past ${MAX_PAGES * 10} pages.`);
	return levels;
}

export const squareVendor: InventoryVendor = {
	id: 'square',
	displayName: 'Square',
	skuComparison: { caseInsensitive: true, vendorName: 'Square' },
	catalogBatchSize: SKUS_PER_SEARCH,
	// Catalog ids are merchant-wide in Square; stock is per location.
	catalogPerLocation: false,
	searchCatalog,
	itemSkus,
	moveStock,
	recordOrder,
	readStockChanges,
	countDifferences: squareCountDifferences,
	readStockLevels,
	listLocations: async (transport) => readLocations(await callOrThrow(transport, { method: 'GET', path: LIST_LOCATIONS_PATH, safeToRepeat: true })) as unknown as Array<Record<string, unknown>>,
};
