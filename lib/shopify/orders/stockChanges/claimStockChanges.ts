import { stockEventOf } from './stockChangeKeys';
import type { StockChange } from './stockChange';

/** The part of the trigger's memory this needs: claim a key once (true the first time). */
export interface StockEventMemory {
	claim(key: string, nowMs: number): Promise<boolean>;
}

/**
 * Keeps the changes of events this workflow has not emitted yet, and remembers those events: an order's sale
 * seen by its orders/create and again by a poll, or a refund seen by refunds/create and by orders/cancelled,
 * is emitted once. The changes carry deterministic keys as well, so a POS step with idempotency absorbs what
 * an expired memory lets through.
 */
export async function claimStockChanges(memory: StockEventMemory, changes: StockChange[], nowMs: number): Promise<StockChange[]> {
	const fresh = new Map<string, boolean>();
	for (const change of changes) {
		const event = stockEventOf(change.key);
		if (!fresh.has(event)) fresh.set(event, await memory.claim(`stock:${event}`, nowMs));
	}
	return changes.filter((change) => fresh.get(stockEventOf(change.key)));
}
