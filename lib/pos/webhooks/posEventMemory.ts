import { KeyMemory, type MemoryBound } from '../../shopify/webhooks/memory/keyMemory';
import type { MemoryChannel } from '../../shopify/webhooks/memory/processMemory';

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
