import type { MemoryScope } from '../../lib/shopify/webhooks/memory/claimMemory';
import { closeMemoryFiles, fileMemories, memoryFolderIn } from '../../lib/shopify/webhooks/memory/fileMemories';
import { DELIVERY_MEMORY_BOUND, EMITTED_CHANGES_BOUND } from '../../lib/shopify/webhooks/memory/memoryBounds';

const SPAN_MS = 47 * 60 * 60 * 1000;

/**
 * The Order Trigger's memory of a busy store in steady state, where a regular-mode n8n keeps it (a file in n8n's
 * folder): both memories (accepted deliveries, emitted order changes) at their entry cap, every entry still
 * within retention, so each new delivery adds one entry and evicts the oldest. Written through the trigger's
 * own memory code, so it has the stored format. Call before n8n starts.
 */
export async function writeFullMemory(n8nFolder: string, scope: MemoryScope, nowMs: number): Promise<void> {
	const memories = fileMemories(memoryFolderIn(n8nFolder), scope);
	const start = nowMs - SPAN_MS;
	const fill = async (entries: number, claim: (index: number, at: number) => Promise<boolean>) => {
		for (let index = 0; index < entries; index++) await claim(index, start + Math.floor((index * SPAN_MS) / entries));
	};
	await fill(DELIVERY_MEMORY_BOUND.maxEntries, (index, at) => memories.deliveries.claim(`event:prefill-${index}`, at));
	await fill(EMITTED_CHANGES_BOUND.maxEntries, (index, at) => memories.changes.claim(`gid://shopify/Order/${8_000_000_000_000 + index}@${new Date(at).toISOString()}`, at));
	closeMemoryFiles();
}
