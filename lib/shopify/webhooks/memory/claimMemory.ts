/**
 * One memory of keys a trigger has taken (accepted deliveries, emitted order changes), wherever it is kept:
 * a file of this n8n process, n8n's Redis, or the workflow's static data. `claim` records a new key and says
 * whether it was new, in one atomic step where the memory is kept (of racing claims of one key exactly one
 * gets true); asynchronous because the Redis memory asks the network.
 */
export interface ClaimMemory {
	has(key: string, nowMs: number): Promise<boolean>;
	claim(key: string, nowMs: number): Promise<boolean>;
}

/** A trigger's two memories. */
export interface OrderClaimMemories {
	/** Accepted deliveries that name no order change (deletions, refunds, edits), and their event ids. */
	deliveries: ClaimMemory;
	/** Emitted order changes and stock events, shared by the webhook and polling triggers of a workflow. */
	changes: ClaimMemory;
}

/** Whose memory: one workflow's, for one shop, live or editor test runs (which must never swallow a live event). */
export interface MemoryScope {
	workflowId: string;
	shopDomain: string;
	channel: 'live' | 'test';
}

/** The scope as one string, for a file or key name: the same for any spelling of the shop's domain. */
export function scopeName(scope: MemoryScope): string {
	return `${scope.workflowId}\u0000${scope.shopDomain.toLowerCase()}\u0000${scope.channel}`;
}
