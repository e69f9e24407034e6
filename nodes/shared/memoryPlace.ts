import { accessSync, constants, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import type { IDataObject, Logger } from 'n8n-workflow';
import { RedisConnection } from '../../lib/redis/redisConnection';
import { isQueueMode, n8nQueueRedisSettings } from '../../lib/redis/redisSettings';
import { closeMemoryFiles, memoryFolderIn } from '../../lib/shopify/webhooks/memory/fileMemories';

/**
 * Where a trigger (Shopify Order, Shopify Polling, POS) keeps its memory of deliveries and changes, decided once per n8n process:
 * - queue mode: n8n's own Redis (QUEUE_BULL_REDIS_*), which every webhook process and the main share;
 * - otherwise: a file in n8n's folder (`~/.n8n`, or `$N8N_USER_FOLDER/.n8n`), which the main process alone uses;
 * - the workflow's static data only when neither can be used: queue mode on a Redis Cluster, or n8n's folder not
 *   writable. Static data rides on every delivery (n8n reads it twice and writes it whole), so that is logged.
 */
export type MemoryPlace =
	| { kind: 'redis'; connection: RedisConnection; keyPrefix: string }
	| { kind: 'file'; folder: string }
	| { kind: 'staticData'; why: string };

type Env = Record<string, string | undefined>;

/** n8n's own folder, as n8n works it out. */
export function n8nFolderOf(env: Env): string {
	return join(env.N8N_USER_FOLDER ?? env.HOME ?? homedir(), '.n8n');
}

function writableFolder(folder: string): string | undefined {
	try {
		mkdirSync(folder, { recursive: true, mode: 0o700 });
		accessSync(folder, constants.W_OK);
		return undefined;
	} catch (error) {
		return `${folder} cannot be written (${(error as Error).message})`;
	}
}

export function decideMemoryPlace(env: Env): MemoryPlace {
	if (isQueueMode(env)) {
		const settings = n8nQueueRedisSettings(env);
		if (!settings) return { kind: 'staticData', why: 'n8n runs on a Redis Cluster (QUEUE_BULL_REDIS_CLUSTER_NODES), which this package does not use yet' };
		return { kind: 'redis', connection: new RedisConnection(settings), keyPrefix: env.N8N_REDIS_KEY_PREFIX || 'n8n' };
	}
	const folder = memoryFolderIn(n8nFolderOf(env));
	const unwritable = writableFolder(folder);
	return unwritable ? { kind: 'staticData', why: unwritable } : { kind: 'file', folder };
}

let decided: MemoryPlace | undefined;

/** This process's memory place; says once in n8n's log where the memory is kept. */
export function memoryPlace(logger: Logger): MemoryPlace {
	if (decided) return decided;
	decided = decideMemoryPlace(process.env);
	if (decided.kind === 'staticData') {
		logger.warn(`Shopify Order and POS Triggers keep their memory of deliveries in the workflow's static data, which costs time on every delivery: ${decided.why}.`);
	} else {
		logger.info(`Shopify Order and POS Triggers keep their memory of deliveries (and POS their record of stock writes) in ${decided.kind === 'redis' ? "n8n's Redis" : decided.folder}.`);
	}
	return decided;
}

/** Forgets the decision and closes what it opened: the next use decides afresh (tests; an n8n restart). */
export function forgetMemoryPlace(): void {
	if (decided?.kind === 'redis') decided.connection.close();
	closeMemoryFiles();
	decided = undefined;
}

/** What a trigger needs of n8n to find its memory: the place's log lines, and static data for the fallback. */
export interface MemoryContext {
	getWorkflowStaticData(type: 'global' | 'node'): IDataObject;
	logger: Logger;
}

/** How one delivery or poll ends its claims, wherever they are kept. */
export interface ClaimsOutcome {
	/**
	 * This delivery or poll is done and its claims stand (it emits what it claimed). `startsExecution`: a webhook
	 * delivery that returns an execution to start. Where the memory is static data, n8n 2.41 clears the request's
	 * "static data changed" flag when it starts the execution (WorkflowRunner.establishContextForPersistence builds
	 * another Workflow over the same static data), then saves the static data only if the flag is set; n8n does
	 * that synchronously after webhook() returns, before its first I/O, so marking again on the event loop's next
	 * turn lands after it and before the save.
	 */
	keep(options?: { startsExecution?: boolean }): Promise<void>;
	/** This delivery or poll runs nothing: claims still pending are given up (in Redis; elsewhere they stand). */
	giveUp(): Promise<void>;
}

/** Files keep each claim as it is made: nothing is left to keep or give up. */
export const SAVED_AS_CLAIMED: ClaimsOutcome = { keep: async () => undefined, giveUp: async () => undefined };
