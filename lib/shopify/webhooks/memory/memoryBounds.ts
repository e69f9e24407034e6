import type { MemoryBound } from './keyMemory';

/**
 * How long deliveries and emitted order changes are remembered. Shopify retries a failed delivery 8 times
 * over 4 hours and may redeliver an event later still, so 48 hours covers every retry with a wide margin.
 * The entry caps bound a very busy store, where the oldest are forgotten first (a page at a time, see
 * keyMemory.ts), and the static data n8n loads and saves with every delivery: about 12 bytes per entry.
 * The README documents these figures.
 *
 * The delivery memory holds only events that name no order change (deletions, refunds, edits), which a store
 * sends far less often than order changes (creations and updates, several per order). Each takes two keys: the
 * event named by its signed body (what decides) and its X-Shopify-Event-Id (an extra check). 4,000 keys are
 * 2,000 events, which cover at least as much time as 10,000 order changes.
 */
export const DELIVERY_MEMORY_BOUND: MemoryBound = { retentionMs: 48 * 60 * 60 * 1000, maxEntries: 4_000 };

/** Must outlive the polling overlap window and the latest a webhook can arrive (4 h of retries). */
export const EMITTED_CHANGES_BOUND: MemoryBound = { retentionMs: 48 * 60 * 60 * 1000, maxEntries: 10_000 };

/**
 * A signed body whose own time (an order's updated_at, a refund's created_at, an edit's committed_at) is older
 * than this is not run: its keys may have left the memories, so a replay of it could not be recognised.
 */
export const SIGNED_EVENT_MAX_AGE_MS = Math.min(DELIVERY_MEMORY_BOUND.retentionMs, EMITTED_CHANGES_BOUND.retentionMs);
