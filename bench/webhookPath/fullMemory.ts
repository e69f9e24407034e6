import type { IDataObject } from 'n8n-workflow';
import { DELIVERY_MEMORY_BOUND, EMITTED_CHANGES_BOUND } from '../../lib/shopify/webhooks/memory/memoryBounds';
import { forgetProcessMemory } from '../../lib/shopify/webhooks/memory/processMemory';
import { orderMemories } from '../../nodes/ShopifyOrderTrigger/triggerMemory';

const SPAN_MS = 47 * 60 * 60 * 1000;

/**
 * The workflow static data of a busy store's Order Trigger in steady state: both memories (accepted deliveries,
 * emitted order changes) at their entry cap, every entry still within retention, so each new delivery adds one
 * entry and evicts the oldest. Built through the trigger's own memory code, so it has the stored format.
 */
export function fullMemoryStaticData(shopDomain: string, nowMs: number): IDataObject {
	const globalStaticData: IDataObject = {};
	const start = nowMs - SPAN_MS;
	// A workflow id of its own: the in-process half of the memory it fills is this (bench) process's, not n8n's,
	// and is forgotten so that each call builds the same memory afresh.
	forgetProcessMemory('bench-prefill');
	const memories = orderMemories(globalStaticData, 'bench-prefill', shopDomain, 'live', start);
	const fill = (entries: number, claim: (index: number, at: number) => void) => {
		for (let index = 0; index < entries; index++) claim(index, start + Math.floor((index * SPAN_MS) / entries));
	};
	fill(DELIVERY_MEMORY_BOUND.maxEntries, (index, at) => memories.deliveries.claim(`event:prefill-${index}`, at));
	fill(EMITTED_CHANGES_BOUND.maxEntries, (index, at) => memories.changes.claim(`gid://shopify/Order/${8_000_000_000_000 + index}@${new Date(at).toISOString()}`, at));
	memories.persist();
	forgetProcessMemory('bench-prefill');
	// n8n keeps a workflow's global static data under `global` (what getWorkflowStaticData('global') returns).
	return JSON.parse(JSON.stringify({ global: globalStaticData })) as IDataObject;
}
