import { randomUUID } from 'node:crypto';

import { PackageError } from '../packageError';
import type { RedisConnection } from './redisConnection';

/** Deletes a lock only while this holder has it: one that lapsed and another took is left alone. */
const RELEASE_IF_HELD = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

/**
 * How long a lock holds if its holder dies. Longer than a holder's read and write can take with their retries (a
 * 30 s time-out, and the node's default retry budget of 60 s), so a lock never lapses under a live holder.
 */
export const ITEM_LOCK_MS = 120_000;
/** How long a writer waits for another's lock before its item goes to Failed (sent again, it writes once). */
const MAX_WAIT_MS = 60_000;
const WAIT_STEP_MS = 50;

export class ItemLockTimeoutError extends PackageError {
	readonly remote = false;
	readonly code = 'ITEM_LOCKED';
	readonly advice = 'Another run is writing the same POS items; send this item again in a minute.';

	constructor(waitedMs: number) {
		super(`Another n8n process held these POS items for ${Math.round(waitedMs / 1000)} s`);
		this.name = 'ItemLockTimeoutError';
	}
}

/**
 * Locks on named items across n8n processes that share n8n's Redis (queue mode): `SET … NX PX`, waited for in short
 * steps, released by compare-and-delete. Taken in sorted order, so two holders of overlapping sets never wait in a circle.
 */
export async function withRedisItemLocks<T>(connection: RedisConnection, keys: string[], work: () => Promise<T>, maxWaitMs = MAX_WAIT_MS): Promise<T> {
	const token = randomUUID();
	const held: string[] = [];
	try {
		for (const key of [...new Set(keys)].sort()) {
			const started = Date.now();
			while ((await connection.command('SET', key, token, 'PX', String(ITEM_LOCK_MS), 'NX')) !== 'OK') {
				const waited = Date.now() - started;
				if (waited >= maxWaitMs) throw new ItemLockTimeoutError(waited);
				await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
			}
			held.push(key);
		}
		return await work();
	} finally {
		if (held.length > 0) await connection.pipeline(held.map((key) => ['EVAL', RELEASE_IF_HELD, '1', key, token])).catch(() => undefined);
	}
}
