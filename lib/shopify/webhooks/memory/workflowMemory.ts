import type { KeyMemory } from './keyMemory';

/**
 * What one workflow has already accepted (delivery event ids) or emitted (order changes), kept in two
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
export class WorkflowMemory {
	/** Whether the memory to store differs from the static data's copy (the caller then saves `stored`). */
	persistedChanged = false;

	/** `persisted`: the memory as the static data holds it (its pages). */
	constructor(
		private readonly persisted: unknown,
		private readonly memory: KeyMemory,
	) {}

	has(key: string, nowMs: number): boolean {
		return this.memory.has(key, nowMs);
	}

	/** True when `key` was new (and is now recorded); false for a key already claimed. */
	claim(key: string, nowMs: number): boolean {
		const claimed = this.memory.claim(key, nowMs);
		if (claimed) this.persistedChanged = true;
		return claimed;
	}

	/** Brings the in-process memory and this copy of static data to their union, bounded; once per delivery or poll. */
	sync(nowMs: number): void {
		this.memory.merge(this.persisted, nowMs);
		this.memory.prune(nowMs);
		if (!this.memory.storedEquals(this.persisted)) this.persistedChanged = true;
	}

	/** What to store in static data. */
	get stored(): string[] {
		return this.memory.stored();
	}
}
