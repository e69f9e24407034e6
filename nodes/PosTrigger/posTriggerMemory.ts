import type { IDataObject } from 'n8n-workflow';
import type { ClaimMemory } from '../../lib/shopify/webhooks/memory/claimMemory';
import { posEventFileMemory, posEventRedisMemory, posProcessMemoryFor, type PosEventScope } from '../../lib/pos/webhooks/posEventMemory';
import { WorkflowMemory } from '../../lib/shopify/webhooks/memory/workflowMemory';
import { memoryPlace, SAVED_AS_CLAIMED, type ClaimsOutcome, type MemoryContext } from '../shared/memoryPlace';

/** The events a POS Trigger has accepted, for one delivery. */
export interface PosEventMemory extends ClaimMemory, ClaimsOutcome {}

const STATIC_KEY = 'posEvents';

/**
 * The fallback place: pages of key hashes in the node's static data (each POS Trigger remembers its own vendor's
 * events), plus an in-process copy that sees simultaneous duplicates.
 */
function staticDataMemory(nodeStaticData: IDataObject, scope: PosEventScope, nowMs: number): PosEventMemory {
	const channelKey = `${STATIC_KEY}:${scope.channel}`;
	const stored = nodeStaticData[channelKey];
	const memory = new WorkflowMemory(stored, posProcessMemoryFor(scope.workflowId, scope.nodeName, scope.channel));
	memory.sync(nowMs);
	// A new array each time: n8n notices a change of static data through assignments to it.
	const store = () => {
		nodeStaticData[channelKey] = memory.stored;
	};
	const changed = () => stored === undefined || memory.persistedChanged;
	return {
		has: async (key, now) => memory.has(key, now),
		claim: async (key, now) => memory.claim(key, now),
		async keep({ startsExecution = false } = {}) {
			if (!changed()) return;
			store();
			if (startsExecution) setImmediate(store);
		},
		giveUp: async () => {
			if (changed()) store();
		},
	};
}

/**
 * A POS Trigger's memory in this n8n's memory place (nodes/shared/memoryPlace.ts), as the Order Trigger's: n8n's
 * Redis in queue mode (so two webhook processes given one event start one execution), a file in n8n's folder
 * otherwise, the node's static data where neither can be used.
 */
export function posEventMemory(context: MemoryContext, scope: PosEventScope, nowMs: number): PosEventMemory {
	const place = memoryPlace(context.logger);
	switch (place.kind) {
		case 'redis': {
			const memory = posEventRedisMemory(place.connection, place.keyPrefix, scope);
			return { ...memory, keep: async () => await memory.commit(), giveUp: async () => await memory.release() };
		}
		case 'file':
			return { ...posEventFileMemory(place.folder, scope), ...SAVED_AS_CLAIMED };
		case 'staticData':
			return staticDataMemory(context.getWorkflowStaticData('node'), scope, nowMs);
	}
}
