import { isRemembered, mergeMemory, pruneMemory, type KeyMemory, type MemoryBound } from './boundedMemory';

/**
 * What one workflow has already accepted (delivery event ids) and emitted (order changes), kept in two
 * places that are reconciled on every use:
 *
 * - the workflow's static data, which n8n saves with the workflow and so survives a restart;
 * - an in-process memory shared by every trigger of the workflow in this n8n process.
 *
 * The second exists because n8n gives each webhook request its own copy of the static data (loaded when the
 * request starts, saved when it ends) and keeps the poller's copy from activation onward, so two deliveries
 * of one event arriving together, or a webhook and a poll seeing one change, cannot see each other through
 * static data alone. `claim` checks and records in one synchronous step: JavaScript runs it without
 * interleaving, so of two concurrent duplicates exactly one wins.
 */
export class EventLedger {
	/** Whether the persisted memory was modified (the caller re-assigns it so n8n saves the static data). */
	persistedChanged = false;

	constructor(
		private readonly persisted: KeyMemory,
		private readonly inProcess: KeyMemory,
		private readonly bound: MemoryBound,
	) {}

	has(key: string, nowMs: number): boolean {
		return isRemembered(this.inProcess, key, nowMs, this.bound) || isRemembered(this.persisted, key, nowMs, this.bound);
	}

	/** True when `key` was new (and is now recorded); false for a key already claimed. */
	claim(key: string, nowMs: number): boolean {
		if (this.has(key, nowMs)) return false;
		// Set, not `remember`: an expired entry for the key may still be present until the next prune.
		this.inProcess[key] = nowMs;
		this.persisted[key] = nowMs;
		this.persistedChanged = true;
		return true;
	}

	/** Brings both memories to their union and applies the bound; call once per delivery or poll. */
	sync(nowMs: number): void {
		mergeMemory(this.inProcess, this.persisted);
		pruneMemory(this.inProcess, nowMs, this.bound);
		// Only write to static data when something differs: an unchanged object is not saved again by n8n.
		const before = Object.keys(this.persisted).length;
		const differs = before !== Object.keys(this.inProcess).length || Object.keys(this.inProcess).some((key) => this.persisted[key] !== this.inProcess[key]);
		if (!differs) return;
		for (const key of Object.keys(this.persisted)) if (!(key in this.inProcess)) delete this.persisted[key];
		mergeMemory(this.persisted, this.inProcess);
		this.persistedChanged = true;
	}
}
