import { createHash } from 'node:crypto';

import type { RedisConnection } from '../../redis/redisConnection';
import type { ClaimMemory } from '../../shopify/webhooks/memory/claimMemory';
import { claimsInFile, memoryFileAt, memoryFilePathNamed } from '../../shopify/webhooks/memory/fileMemories';
import { KeyMemory, type MemoryBound } from '../../shopify/webhooks/memory/keyMemory';
import type { MemoryChannel } from '../../shopify/webhooks/memory/processMemory';
import { claimsInRedis, ClaimsOfOneUse } from '../../shopify/webhooks/memory/redisMemories';

/**
 * How long a POS Trigger remembers the events it accepted: as long as the longest retry schedule of the
 * vendors here. Square retries an unacknowledged notification "for up to 72 hours" in one version of its
 * troubleshooting page and "up to 24 hours" in another (https://developer.squareup.com/docs/webhooks/troubleshooting);
 * Lightspeed X retries up to 20 times over 48 hours (https://x-series-api.lightspeedhq.com/docs/webhooks).
 * 72 hours covers both. 10,000 events bound a busy store (two register sales a minute for three days), at
 * about 12 bytes each in the workflow's static data.
 */
export const POS_EVENT_MEMORY_BOUND: MemoryBound = { retentionMs: 72 * 60 * 60 * 1000, maxEntries: 10_000 };

const memories = new Map<string, KeyMemory>();

/**
 * The in-process half of one POS Trigger's memory (the other half is its static data, see WorkflowMemory):
 * it catches two copies of one event arriving at the same moment, which separate static data copies cannot.
 * Scoped by workflow and node; test runs from the editor keep their own, so a test never swallows a live event.
 */
export function posProcessMemoryFor(workflowId: string, nodeName: string, channel: MemoryChannel): KeyMemory {
	const scope = `${workflowId}\u0000${nodeName}\u0000${channel}`;
	let memory = memories.get(scope);
	if (!memory) {
		memory = new KeyMemory(POS_EVENT_MEMORY_BOUND);
		memories.set(scope, memory);
	}
	return memory;
}

/** Forgets a workflow's in-process POS memories (a restarted n8n in tests). */
export function forgetPosProcessMemory(workflowId: string): void {
	for (const scope of memories.keys()) if (scope.startsWith(`${workflowId}\u0000`)) memories.delete(scope);
}

/** Whose memory: one POS Trigger node of one workflow, live or editor test runs. */
export interface PosEventScope {
	workflowId: string;
	nodeName: string;
	channel: MemoryChannel;
}

/** The scope as one string; the prefix keeps it apart from every Order Trigger scope in the same folder or Redis. */
function posScopeName(scope: PosEventScope): string {
	return `pos-events\u0000${scope.workflowId}\u0000${scope.nodeName}\u0000${scope.channel}`;
}

/** The file of one POS Trigger's memory in `folder` (the Order Trigger's memory folder): accepted events are `e` lines. */
export function posEventFilePath(folder: string, scope: PosEventScope): string {
	return memoryFilePathNamed(folder, posScopeName(scope));
}

/** A POS Trigger's accepted events in a file in `folder`, which survives restarts of this n8n. */
export function posEventFileMemory(folder: string, scope: PosEventScope): ClaimMemory {
	return claimsInFile(memoryFileAt(posEventFilePath(folder, scope), { e: POS_EVENT_MEMORY_BOUND }), 'e');
}

/** A POS Trigger's accepted events in n8n's Redis for one delivery, with its claims to commit or release. */
export interface RedisPosEventMemory extends ClaimMemory {
	/** Makes this delivery's claims last the retention time: call just before its execution starts. */
	commit(): Promise<void>;
	/** Gives up this delivery's pending claims (it runs nothing): best effort, they lapse anyway. */
	release(): Promise<void>;
}

/**
 * The same atomic claims across n8n processes as the Order Trigger's (redisMemories.ts), under n8n's key prefix.
 * One per delivery.
 */
export function posEventRedisMemory(connection: RedisConnection, n8nKeyPrefix: string, scope: PosEventScope): RedisPosEventMemory {
	const scopeHash = createHash('sha256').update(posScopeName(scope)).digest('hex').slice(0, 32);
	const use = new ClaimsOfOneUse(connection);
	const claims = claimsInRedis(connection, use, `${n8nKeyPrefix}:shopify-pos:pos-events:${scopeHash}:`, POS_EVENT_MEMORY_BOUND.retentionMs);
	return { ...claims, commit: async () => await use.commit(), release: async () => await use.release() };
}
