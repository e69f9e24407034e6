import type { MemoryBound } from './keyMemory';

/**
 * How long deliveries and emitted order changes are remembered. Shopify retries a failed delivery 8 times
 * over 4 hours and may redeliver an event later still, so 48 hours covers every retry with a wide margin;
 * 10,000 entries (180 KB of static data per memory) caps a very busy store, where the oldest are forgotten
 * first. The README documents both figures.
 */
export const DELIVERY_MEMORY_BOUND: MemoryBound = { retentionMs: 48 * 60 * 60 * 1000, maxEntries: 10_000 };

/** Must outlive the polling overlap window and the latest a webhook can arrive (4 h of retries). */
export const EMITTED_CHANGES_BOUND: MemoryBound = { retentionMs: 48 * 60 * 60 * 1000, maxEntries: 10_000 };
