import type { IDataObject } from 'n8n-workflow';
import { EventLedger } from '../../lib/shopify/webhooks/eventLedger';
import { processMemoryFor, type MemoryChannel } from '../../lib/shopify/webhooks/processMemory';

export interface OrderLedgers {
	/** Accepted deliveries, by X-Shopify-Event-Id (or Webhook-Id). */
	deliveries: EventLedger;
	/** Emitted order changes (order id + updatedAt), shared by the webhook and polling triggers. */
	changes: EventLedger;
	/** Call after the ledgers were used, so n8n saves what changed with the workflow. */
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

/** The stored form: each memory as pages of key hashes (lib/shopify/webhooks/ledgerPage.ts). */
interface StoredLedgers extends IDataObject {
	deliveries: string[];
	emittedChanges: string[];
}

/**
 * The ledgers of one workflow and shop. They live in the workflow's GLOBAL static data so that a Shopify
 * Order Trigger and a Shopify Order Polling Trigger in the same workflow read and write the same memory.
 */
export function orderLedgers(
	globalStaticData: IDataObject,
	workflowId: string,
	shopDomain: string,
	channel: MemoryChannel,
	nowMs: number,
): OrderLedgers {
	const key = `shopifyOrders:${shopDomain.toLowerCase()}`;
	const stored = globalStaticData[key] as Partial<StoredLedgers> | undefined;
	const process = processMemoryFor(workflowId, shopDomain, channel);
	const deliveries = new EventLedger(stored?.deliveries, process.deliveries);
	const changes = new EventLedger(stored?.emittedChanges, process.emittedChanges);
	deliveries.sync(nowMs);
	changes.sync(nowMs);
	// A new object each time: n8n notices a change of static data through assignments to it.
	const store = () => {
		globalStaticData[key] = { deliveries: deliveries.stored, emittedChanges: changes.stored } satisfies StoredLedgers;
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
