import type { CountDifference } from '../inventory/inventoryVendor';
import type { PosJsonTransport } from '../inventory/posJsonTransport';
import type { PosStockChange } from '../inventory/posStockChange';
import { countBefore, quantityBeforeCount } from './countedChange';
import { allCursorPages } from './cursorPages';
import { BATCH_RETRIEVE_CHANGES_PATH, itemHistoryBody, readItemHistoryPage, type TimedHistoryEntry } from './inventoryChangesQuery';

/** Pages (1,000 changes each) one item's history may take: beyond, the recount is reported, not guessed. */
const MAX_HISTORY_PAGES = 50;

function itemHistory(transport: PosJsonTransport, locationId: string, itemId: string, options: { countsOnly: boolean; updatedAfter?: string }): Promise<TimedHistoryEntry[] | undefined> {
	return allCursorPages(transport, BATCH_RETRIEVE_CHANGES_PATH, (cursor) => itemHistoryBody(locationId, itemId, { ...options, cursor }), (body) => {
		const read = readItemHistoryPage(body, locationId);
		return { items: read.entries, cursor: read.cursor };
	}, MAX_HISTORY_PAGES);
}

/**
 * For each recount, what Square held just before it: the item's counts are read to find the one before
 * it, then the history from there (every change that occurred after that count was created after it too,
 * since Square takes no occurred_at later than the request), folded in Square's order.
 */
export async function squareCountDifferences(transport: PosJsonTransport, locationId: string, recounts: PosStockChange[]): Promise<Map<string, CountDifference>> {
	const differences = new Map<string, CountDifference>();
	for (const recount of recounts) {
		const at = { id: recount.key, occurredAt: recount.occurredAt ?? '', createdAt: recount.createdAt ?? '' };
		const tooLong = `Square's history of item variation ${recount.itemId} is longer than ${MAX_HISTORY_PAGES * 1000} changes since its last count, so what recount ${recount.key} changed is not known. Compare the item in both systems (Reconcile Inventory) instead.`;
		const counts = await itemHistory(transport, locationId, recount.itemId, { countsOnly: true });
		if (!counts) {
			differences.set(recount.key, { ok: false, reason: tooLong });
			continue;
		}
		const start = countBefore(counts, at);
		const history = await itemHistory(transport, locationId, recount.itemId, {
			countsOnly: false,
			...(start ? { updatedAfter: new Date(Date.parse(start.occurredAt) - 1).toISOString() } : {}),
		});
		const before = history ? quantityBeforeCount(history, recount.key) : undefined;
		if (before === undefined) {
			differences.set(recount.key, { ok: false, reason: history ? `Square's history of item variation ${recount.itemId} does not list recount ${recount.key}; the next run asks again.` : tooLong });
			continue;
		}
		differences.set(recount.key, { ok: true, before, difference: (recount.absoluteQuantity ?? 0) - before });
	}
	return differences;
}
