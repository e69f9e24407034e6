import type { IDataObject } from 'n8n-workflow';
import { posProcessMemoryFor } from '../../lib/pos/webhooks/posEventMemory';
import { WorkflowMemory } from '../../lib/shopify/webhooks/memory/workflowMemory';
import type { MemoryChannel } from '../../lib/shopify/webhooks/memory/processMemory';

export interface PosWorkflowMemory {
	/** True when the event was new (and is now remembered). */
	claim(key: string, nowMs: number): boolean;
	/** Call after a delivery that starts no execution, so n8n saves what changed. */
	persist(): void;
	/** Instead of `persist` when the delivery starts an execution: see persistAfterExecutionStarts in triggerMemory.ts. */
	persistAfterExecutionStarts(): void;
}

const STATIC_KEY = 'posEvents';

/**
 * The events a POS Trigger has accepted: the same durable memory as the Shopify Order Trigger (pages of key
 * hashes in static data, kept across restarts, plus an in-process copy that sees simultaneous duplicates).
 * It lives in the node's static data: each POS Trigger remembers its own vendor's events.
 */
export function posWorkflowMemory(nodeStaticData: IDataObject, workflowId: string, nodeName: string, channel: MemoryChannel, nowMs: number): PosWorkflowMemory {
	const channelKey = `${STATIC_KEY}:${channel}`;
	const stored = nodeStaticData[channelKey];
	const memory = new WorkflowMemory(stored, posProcessMemoryFor(workflowId, nodeName, channel));
	memory.sync(nowMs);
	// A new array each time: n8n notices a change of static data through assignments to it.
	const store = () => {
		nodeStaticData[channelKey] = memory.stored;
	};
	const changed = () => stored === undefined || memory.persistedChanged;
	return {
		claim: (key, now) => memory.claim(key, now),
		persist() {
			if (changed()) store();
		},
		persistAfterExecutionStarts() {
			if (!changed()) return;
			store();
			// n8n 2.41 clears the "static data changed" flag when it starts the execution, synchronously after
			// webhook() returns; marking again on the next turn of the event loop lands before its save.
			setImmediate(store);
		},
	};
}
