import type { IDataObject } from 'n8n-workflow';
import { WorkflowMemory } from '../../lib/shopify/webhooks/memory/workflowMemory';
import { processMemoryFor, type MemoryChannel } from '../../lib/shopify/webhooks/memory/processMemory';

export interface OrderMemories {
	/** Accepted deliveries, by X-Shopify-Event-Id (or Webhook-Id). */
	deliveries: WorkflowMemory;
	/** Emitted order changes (order id + updatedAt), shared by the webhook and polling triggers. */
	changes: WorkflowMemory;
	/** Call after the memories were used, so n8n saves what changed with the workflow. */
	persist(): void;
	/**
	 * Instead of `persist` when the delivery starts an execution. n8n 2.41 clears the request's "static data
	 * changed" flag when it starts the execution (WorkflowRunner.establishContextForPersistence builds another
	 * Workflow over the same static data), then saves the static data only if the flag is set: deliveries that
	 * start an execution would never save the memory. n8n does that synchronously after webhook() returns,
	 * before its first I/O; marking again on the event loop's next turn lands after it and before the save.
	 */
	persistAfterExecutionStarts(): void;
}

/** The stored form: each memory as pages of key hashes (lib/shopify/webhooks/memoryPage.ts). */
interface StoredMemories extends IDataObject {
	deliveries: string[];
	emittedChanges: string[];
}

/**
 * The memories of one workflow and shop. They live in the workflow's GLOBAL static data so that a Shopify
 * Order Trigger and a Shopify Order Polling Trigger in the same workflow read and write the same memory.
 */
export function orderMemories(
	globalStaticData: IDataObject,
	workflowId: string,
	shopDomain: string,
	channel: MemoryChannel,
	nowMs: number,
): OrderMemories {
	const key = `shopifyOrders:${shopDomain.toLowerCase()}`;
	const stored = globalStaticData[key] as Partial<StoredMemories> | undefined;
	const process = processMemoryFor(workflowId, shopDomain, channel);
	const deliveries = new WorkflowMemory(stored?.deliveries, process.deliveries);
	const changes = new WorkflowMemory(stored?.emittedChanges, process.emittedChanges);
	deliveries.sync(nowMs);
	changes.sync(nowMs);
	// A new object each time: n8n notices a change of static data through assignments to it.
	const store = () => {
		globalStaticData[key] = { deliveries: deliveries.stored, emittedChanges: changes.stored } satisfies StoredMemories;
	};
	const changed = () => !stored || deliveries.persistedChanged || changes.persistedChanged;
	return {
		deliveries,
		changes,
		persist() {
			if (changed()) store();
		},
		persistAfterExecutionStarts() {
			if (!changed()) return;
			store();
			setImmediate(store);
		},
	};
}
