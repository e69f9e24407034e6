import { KeyMemory } from './keyMemory';
import { DELIVERY_MEMORY_BOUND, EMITTED_CHANGES_BOUND } from './memoryBounds';

export interface WorkflowProcessMemory {
	deliveries: KeyMemory;
	emittedChanges: KeyMemory;
}

const memories = new Map<string, WorkflowProcessMemory>();

/**
 * Test runs from the editor receive the same Shopify events as the published workflow (through their own
 * subscription), so they keep a separate memory: a test must never swallow a live event.
 */
export type MemoryChannel = 'live' | 'test';

/**
 * The in-process half of a workflow's memories (WorkflowMemory). Scoped by workflow and shop: every trigger in one
 * workflow (webhook and polling) shares it, while two workflows on the same shop each get every event.
 */
export function processMemoryFor(workflowId: string, shopDomain: string, channel: MemoryChannel = 'live'): WorkflowProcessMemory {
	const scope = `${workflowId}\u0000${shopDomain.toLowerCase()}\u0000${channel}`;
	let memory = memories.get(scope);
	if (!memory) {
		memory = { deliveries: new KeyMemory(DELIVERY_MEMORY_BOUND), emittedChanges: new KeyMemory(EMITTED_CHANGES_BOUND) };
		memories.set(scope, memory);
	}
	return memory;
}

/** Forgets a workflow's in-process memory (a restarted n8n in tests; a workflow deleted for good). */
export function forgetProcessMemory(workflowId: string): void {
	for (const scope of memories.keys()) if (scope.startsWith(`${workflowId}\u0000`)) memories.delete(scope);
}
