/**
 * A remembered-keys set that fits in n8n's workflow static data (plain JSON, saved with the workflow):
 * key → epoch milliseconds when it was first seen. Callers mutate the object in place so n8n notices the
 * change and persists it.
 */
export type KeyMemory = Record<string, number>;

export interface MemoryBound {
	/** Every key is kept at least this long… */
	retentionMs: number;
	/** …unless more than this many keys arrive within that time; then the oldest go first. */
	maxEntries: number;
}

export function isRemembered(memory: KeyMemory, key: string, nowMs: number, bound: MemoryBound): boolean {
	const seenAt = memory[key];
	return typeof seenAt === 'number' && nowMs - seenAt < bound.retentionMs;
}

export function remember(memory: KeyMemory, key: string, nowMs: number): void {
	if (typeof memory[key] !== 'number') memory[key] = nowMs;
}

/** Drops expired keys, then the oldest keys beyond `maxEntries`. */
export function pruneMemory(memory: KeyMemory, nowMs: number, bound: MemoryBound): void {
	for (const [key, seenAt] of Object.entries(memory)) {
		if (typeof seenAt !== 'number' || nowMs - seenAt >= bound.retentionMs) delete memory[key];
	}
	const entries = Object.entries(memory);
	if (entries.length <= bound.maxEntries) return;
	entries.sort((a, b) => a[1] - b[1]);
	for (const [key] of entries.slice(0, entries.length - bound.maxEntries)) delete memory[key];
}

/** Copies into `target` every key of `source` it lacks (keeping the earlier first-seen time). */
export function mergeMemory(target: KeyMemory, source: KeyMemory): void {
	for (const [key, seenAt] of Object.entries(source)) {
		const existing = target[key];
		if (typeof existing !== 'number' || seenAt < existing) target[key] = seenAt;
	}
}
