import type { IDataObject } from 'n8n-workflow';
import type { ClaimMemory, MemoryScope, OrderClaimMemories } from '../../lib/shopify/webhooks/memory/claimMemory';
import { fileMemories } from '../../lib/shopify/webhooks/memory/fileMemories';
import { processMemoryFor } from '../../lib/shopify/webhooks/memory/processMemory';
import { redisMemories } from '../../lib/shopify/webhooks/memory/redisMemories';
import { WorkflowMemory } from '../../lib/shopify/webhooks/memory/workflowMemory';
import { memoryPlace, SAVED_AS_CLAIMED, type ClaimsOutcome, type MemoryContext } from '../shared/memoryPlace';

/** A workflow's Shopify memories for one delivery or poll. */
export interface OrderMemories extends OrderClaimMemories, ClaimsOutcome {}

/** The stored form in static data: each memory as pages of key hashes (memoryPage.ts). */
interface StoredMemories extends IDataObject {
	deliveries: string[];
	emittedChanges: string[];
}

function claimsOf(memory: WorkflowMemory): ClaimMemory {
	return { has: async (key, nowMs) => memory.has(key, nowMs), claim: async (key, nowMs) => memory.claim(key, nowMs) };
}

/**
 * The memories in the workflow's GLOBAL static data (so that an Order Trigger and a Polling Trigger in one
 * workflow share them), with an in-process copy that sees simultaneous duplicates; the fallback place.
 */
function staticDataMemories(globalStaticData: IDataObject, scope: MemoryScope, nowMs: number): OrderMemories {
	const key = `shopifyOrders:${scope.shopDomain.toLowerCase()}`;
	const stored = globalStaticData[key] as Partial<StoredMemories> | undefined;
	const process = processMemoryFor(scope.workflowId, scope.shopDomain, scope.channel);
	const deliveries = new WorkflowMemory(stored?.deliveries, process.deliveries);
	const changes = new WorkflowMemory(stored?.emittedChanges, process.emittedChanges);
	deliveries.sync(nowMs);
	changes.sync(nowMs);
	// A new object each time: n8n notices a change of static data through assignments to it.
	const store = () => {
		globalStaticData[key] = { deliveries: deliveries.stored, emittedChanges: changes.stored } satisfies StoredMemories;
	};
	const changed = () => !stored || deliveries.persistedChanged || changes.persistedChanged;
	const persist = () => {
		if (changed()) store();
	};
	return {
		deliveries: claimsOf(deliveries),
		changes: claimsOf(changes),
		async keep({ startsExecution = false } = {}) {
			if (!changed()) return;
			store();
			if (startsExecution) setImmediate(store);
		},
		giveUp: async () => persist(),
	};
}

/** The memories of one workflow and shop, in this n8n's memory place (nodes/shared/memoryPlace.ts). */
export function orderMemories(context: MemoryContext, scope: MemoryScope, nowMs: number): OrderMemories {
	const place = memoryPlace(context.logger);
	switch (place.kind) {
		case 'redis': {
			const memories = redisMemories(place.connection, place.keyPrefix, scope);
			return { ...memories, keep: async () => await memories.commit(), giveUp: async () => await memories.release() };
		}
		case 'file':
			return { ...fileMemories(place.folder, scope), ...SAVED_AS_CLAIMED };
		case 'staticData':
			return staticDataMemories(context.getWorkflowStaticData('global'), scope, nowMs);
	}
}
