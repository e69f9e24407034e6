import type { MemoryBound } from './keyMemory';

/**
 * How long deliveries and emitted order changes are remembered. Shopify retries a failed delivery 8 times
 * over 4 hours and may redeliver an event later still, so 48 hours covers every retry with a wide margin.
 * The entry caps bound a very busy store, where the oldest are forgotten first (a page at a time, see
 * keyMemory.ts), and the static data n8n loads and saves with every delivery: about 12 bytes per entry.
 * The README documents these figures.
 *
 * Delivery ids are remembered only for events that name no order change (deletions, refunds, edits), which a
 * store sends far less often than order changes (creations and updates, several per order): 2,000 of them cover
 * at least as much time as 10,000 order changes.
 */
export const DELIVERY_MEMORY_BOUND: MemoryBound = { retentionMs: 48 * 60 * 60 * 1000, maxEntries: 2_000 };

/** Must outlive the polling overlap window and the latest a webhook can arrive (4 h of retries). */
export const EMITTED_CHANGES_BOUND: MemoryBound = { retentionMs: 48 * 60 * 60 * 1000, maxEntries: 10_000 };
