import type { IDataObject } from 'n8n-workflow';
import type { KeyMemory } from '../../lib/shopify/webhooks/boundedMemory';
import { EventLedger } from '../../lib/shopify/webhooks/eventLedger';
import { DELIVERY_MEMORY_BOUND, EMITTED_CHANGES_BOUND } from '../../lib/shopify/webhooks/memoryBounds';
import { processMemoryFor, type MemoryChannel } from '../../lib/shopify/webhooks/processMemory';

export interface OrderLedgers {
	/** Accepted deliveries, by X-Shopify-Event-Id (or Webhook-Id). */
	deliveries: EventLedger;
	/** Emitted order changes (order id + updatedAt), shared by the webhook and polling triggers. */
	changes: EventLedger;
	/** Call after the ledgers were used, so n8n saves what changed with the workflow. */
	persist(): void;
}

interface StaticMemory extends IDataObject {
	deliveries: KeyMemory;
	emittedChanges: KeyMemory;
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
	const existing = globalStaticData[key] as StaticMemory | undefined;
	const stored: StaticMemory = existing && typeof existing === 'object' ? existing : { deliveries: {}, emittedChanges: {} };
	stored.deliveries ??= {};
	stored.emittedChanges ??= {};
	const process = processMemoryFor(workflowId, shopDomain, channel);
	const deliveries = new EventLedger(stored.deliveries, process.deliveries, DELIVERY_MEMORY_BOUND);
	const changes = new EventLedger(stored.emittedChanges, process.emittedChanges, EMITTED_CHANGES_BOUND);
	deliveries.sync(nowMs);
	changes.sync(nowMs);
	return {
		deliveries,
		changes,
		persist() {
			// n8n notices changes through a proxy on the static data; nested objects created during this run are
			// plain, so the bucket is assigned again to mark the workflow's static data as changed.
			if (!existing || deliveries.persistedChanged || changes.persistedChanged) globalStaticData[key] = stored;
		},
	};
}
