import { createHash, randomUUID } from 'node:crypto';

import { PackageError } from '../../../packageError';
import { RedisUnavailableError, type RedisConnection } from '../../../redis/redisConnection';
import { RedisReplyError, type RespReply } from '../../../redis/respReplies';
import type { ClaimMemory, MemoryScope, OrderClaimMemories } from './claimMemory';
import { scopeName } from './claimMemory';
import { keyHashOf } from './keyHash';
import { DELIVERY_MEMORY_BOUND, EMITTED_CHANGES_BOUND } from './memoryBounds';

/**
 * How long a claim holds before it is committed. Long enough for a delivery's own claims and commit (milliseconds),
 * short enough that a claim left by a process that failed after making it (Redis lost mid-delivery, a crash) has
 * lapsed by the time Shopify delivers the event again.
 */
export const PENDING_CLAIM_MS = 60_000;

/** Another delivery of the same event holds an uncommitted claim on it: it is being run now, or failed just now. */
export class ClaimInProgressError extends PackageError {
	readonly remote = false;
	readonly code = 'CLAIM_IN_PROGRESS';
	readonly advice = 'Nothing to do: the sender (Shopify, or the POS) delivers the event again, and then it runs once or is known as received.';

	constructor() {
		super('Another delivery of this event is being handled right now');
		this.name = 'ClaimInProgressError';
	}
}

const PENDING = 'p:';
const COMMITTED = 'c:';
/** Deletes a key only while it holds the given value: a lapsed claim that another delivery took is left alone. */
const DELETE_IF_HELD = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

interface Claimed {
	key: string;
	token: string;
	retentionMs: number;
}

/** The claims one delivery or poll made, to commit when it runs or release when it does not. */
export class ClaimsOfOneUse {
	readonly claimed: Claimed[] = [];

	constructor(private readonly connection: RedisConnection) {}

	async commit(): Promise<void> {
		const claims = this.claimed.splice(0);
		if (claims.length === 0) return;
		const replies = await this.connection.pipeline(claims.map(({ key, token, retentionMs }) => ['SET', key, COMMITTED + token, 'PX', String(retentionMs), 'XX']));
		const refused = replies.find((reply): reply is RedisReplyError => reply instanceof RedisReplyError);
		if (refused) throw refused;
	}

	async release(): Promise<void> {
		const claims = this.claimed.splice(0);
		if (claims.length === 0) return;
		await this.connection.pipeline(claims.map(({ key, token }) => ['EVAL', DELETE_IF_HELD, '1', key, PENDING + token]));
	}
}

/** What a reply to SET … NX and the key's holder say about a claim made with `token`. */
function claimOutcome(set: RespReply, holder: RespReply, token: string): boolean {
	if (set instanceof RedisReplyError) throw set;
	if (set === 'OK' || holder === PENDING + token) return true;
	if (typeof holder === 'string' && holder.startsWith(PENDING)) throw new ClaimInProgressError();
	return false;
}

/**
 * A memory as Redis keys that expire with the retention time: `SET … NX` claims a key atomically for every n8n
 * process on that Redis (n8n's own locks use the same command), so two webhook processes given the same delivery
 * at the same instant start one execution. Redis forgets each key by itself, so no entry cap is needed.
 *
 * A claim is pending (PENDING_CLAIM_MS) until the delivery commits it, just before it starts its execution. A
 * delivery that fails after claiming (Redis lost, a crash) leaves a claim that lapses before Shopify's retry,
 * which then runs; a duplicate arriving while a claim is pending is answered 503, so Shopify asks again later
 * instead of being told the event was received. A claim whose answer is lost to a broken connection is settled
 * on a new connection by the claim's own value.
 */
export function claimsInRedis(connection: RedisConnection, use: ClaimsOfOneUse, prefix: string, retentionMs: number): ClaimMemory {
	return {
		has: async (key) => (await onceMore(async () => await connection.command('EXISTS', prefix + keyHashOf(key)))) === 1,
		claim: async (key) => {
			const redisKey = prefix + keyHashOf(key);
			const token = randomUUID();
			const set = ['SET', redisKey, PENDING + token, 'PX', String(PENDING_CLAIM_MS), 'NX'];
			let won: boolean;
			try {
				const [setReply, holder] = await connection.pipeline([set, ['GET', redisKey]]);
				won = claimOutcome(setReply, holder, token);
			} catch (error) {
				if (!(error instanceof RedisUnavailableError)) throw error;
				// The connection broke: the claim may have been made before it did. Claim again and read who holds it.
				const [setReply, holder] = await connection.pipeline([set, ['GET', redisKey]]);
				won = claimOutcome(setReply, holder, token);
			}
			if (won) use.claimed.push({ key: redisKey, token, retentionMs });
			return won;
		},
	};
}

/** Runs a read once more on a new connection when the first one broke (a Redis restart, a failover). */
async function onceMore<T>(read: () => Promise<T>): Promise<T> {
	try {
		return await read();
	} catch (error) {
		if (!(error instanceof RedisUnavailableError)) throw error;
		return await read();
	}
}

/** A scope's memories in Redis for one delivery or poll, with its claims to commit or release. */
export interface RedisOrderMemories extends OrderClaimMemories {
	/** Makes this use's claims last the retention time: call just before its execution starts. */
	commit(): Promise<void>;
	/** Gives up this use's pending claims (it runs nothing): best effort, they lapse anyway. */
	release(): Promise<void>;
}

/**
 * A scope's memories in n8n's Redis, under n8n's key prefix (N8N_REDIS_KEY_PREFIX, `n8n` by default), so that two
 * n8n instances sharing one Redis under different prefixes keep separate memories. One per delivery or poll.
 */
export function redisMemories(connection: RedisConnection, n8nKeyPrefix: string, scope: MemoryScope): RedisOrderMemories {
	const scopeHash = createHash('sha256').update(scopeName(scope)).digest('hex').slice(0, 32);
	const prefix = `${n8nKeyPrefix}:shopify-pos:order-memory:${scopeHash}:`;
	const use = new ClaimsOfOneUse(connection);
	return {
		deliveries: claimsInRedis(connection, use, `${prefix}d:`, DELIVERY_MEMORY_BOUND.retentionMs),
		changes: claimsInRedis(connection, use, `${prefix}c:`, EMITTED_CHANGES_BOUND.retentionMs),
		commit: async () => await use.commit(),
		release: async () => await use.release(),
	};
}
