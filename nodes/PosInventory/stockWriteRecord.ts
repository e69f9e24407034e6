import { createHash } from 'node:crypto';

import type { Logger } from 'n8n-workflow';
import type { StockWriteRecord } from '../../lib/pos/inventory/absoluteStockWrite';
import { KeyedLocks } from '../../lib/pos/inventory/keyedLocks';
import { withRedisItemLocks } from '../../lib/redis/redisItemLock';
import { claimsInFile, memoryFileAt, memoryFilePathNamed } from '../../lib/shopify/webhooks/memory/fileMemories';
import { KeyMemory, type MemoryBound } from '../../lib/shopify/webhooks/memory/keyMemory';
import { claimsInRedis, ClaimsOfOneUse } from '../../lib/shopify/webhooks/memory/redisMemories';
import { memoryPlace } from '../shared/memoryPlace';

/**
 * How long a stock write for a Shopify event is remembered: a re-send can come days later (an order fixed in the
 * retry table and tagged again, a backfill with Get Orders). 30 days, and 200,000 writes (20 bytes each in the file).
 */
export const STOCK_WRITE_BOUND: MemoryBound = { retentionMs: 30 * 24 * 60 * 60 * 1000, maxEntries: 200_000 };

const locksInThisProcess = new KeyedLocks();
const fallbackMemories = new Map<string, KeyMemory>();

/** Whose writes: one POS account (a hash of its credential, never the secret) at one location of one vendor. */
export interface StockWriteScope {
	accountKey: string;
	vendorId: string;
	locationId: string;
}

function scopeName(scope: StockWriteScope): string {
	return `stock-writes\u0000${scope.accountKey}\u0000${scope.vendorId}\u0000${scope.locationId}`;
}

/**
 * The record of stock writes by absolute counts (lib/pos/inventory/absoluteStockWrite.ts), in this n8n's memory place
 * (nodes/shared/memoryPlace.ts): n8n's Redis in queue mode, where every worker sees the same record and the same item
 * locks; a file in n8n's folder otherwise (the main process runs every execution, so the in-process locks suffice);
 * only in this process where neither can be used (said in n8n's log: a restart forgets what was written).
 */
function recordInPlace(logger: Logger, scope: StockWriteScope): StockWriteRecord {
	const name = scopeName(scope);
	const itemKey = (itemId: string) => `${name}\u0000${itemId}`;
	const place = memoryPlace(logger);
	const inProcess = <T>(itemIds: string[], work: () => Promise<T>) => locksInThisProcess.withKeys(itemIds.map(itemKey), work);
	switch (place.kind) {
		case 'redis': {
			const prefix = `${place.keyPrefix}:shopify-pos:stock-writes:${createHash('sha256').update(name).digest('hex').slice(0, 32)}:`;
			const lockKeys = (itemIds: string[]) => itemIds.map((itemId) => `${prefix}lock:${createHash('sha256').update(itemId).digest('hex').slice(0, 32)}`);
			const use = new ClaimsOfOneUse(place.connection);
			const claims = claimsInRedis(place.connection, use, `${prefix}done:`, STOCK_WRITE_BOUND.retentionMs);
			return {
				withItems: (itemIds, work) => inProcess(itemIds, () => withRedisItemLocks(place.connection, lockKeys(itemIds), work)),
				applied: (key) => claims.has(key, Date.now()),
				markApplied: async (key) => {
					await claims.claim(key, Date.now());
					await use.commit();
				},
			};
		}
		case 'file': {
			const claims = claimsInFile(memoryFileAt(memoryFilePathNamed(place.folder, name), { w: STOCK_WRITE_BOUND }), 'w');
			return { withItems: inProcess, applied: (key) => claims.has(key, Date.now()), markApplied: async (key) => void (await claims.claim(key, Date.now())) };
		}
		case 'staticData': {
			let memory = fallbackMemories.get(name);
			if (!memory) {
				memory = new KeyMemory(STOCK_WRITE_BOUND);
				fallbackMemories.set(name, memory);
				logger.warn(`POS: stock writes by absolute counts are remembered in this n8n process only (${place.why}); after a restart a re-sent Shopify event could move the POS's stock again.`);
			}
			const kept = memory;
			return { withItems: inProcess, applied: async (key) => kept.has(key, Date.now()), markApplied: async (key) => void kept.claim(key, Date.now()) };
		}
	}
}

/** The record for one location, found in the memory place at its first use (vendors that take differences never use it). */
export function stockWriteRecord(logger: Logger, scope: StockWriteScope): StockWriteRecord {
	let record: StockWriteRecord | undefined;
	const inPlace = () => (record ??= recordInPlace(logger, scope));
	return {
		withItems: (itemIds, work) => inPlace().withItems(itemIds, work),
		applied: (key) => inPlace().applied(key),
		markApplied: (key) => inPlace().markApplied(key),
	};
}
