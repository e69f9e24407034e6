import { keyHashAt, keyHashOf, minuteOf, MS_PER_MINUTE, RECORD_LENGTH, recordAt, recordOf } from './ledgerRecord';

export interface MemoryBound {
	/** Every key is kept at least this long… */
	retentionMs: number;
	/** …unless more than this many keys arrive within that time; then the oldest go first. */
	maxEntries: number;
}

/**
 * A bounded set of remembered keys (delivery event ids, order changes) with the minute each was first seen,
 * oldest first. Held twice: as a Map for lookups, and as the text stored in the workflow's static data, one
 * string of fixed-width records (see ledgerRecord.ts). n8n loads and saves a workflow's static data with every
 * webhook delivery; a full memory as one 180 KB string costs a fraction of 10,000 JSON properties to parse,
 * write and save, and appending or dropping the oldest key is a string append or slice, not a rewrite.
 */
export class KeyMemory {
	/** Key hash → minute first seen, in insertion order, which is oldest first. */
	private readonly seen = new Map<string, number>();
	/** The records of `seen` in the same order; undefined when it must be rebuilt from `seen`. */
	private stored: string | undefined = '';
	private readonly retentionMinutes: number;

	constructor(private readonly bound: MemoryBound) {
		this.retentionMinutes = Math.ceil(bound.retentionMs / MS_PER_MINUTE);
	}

	get size(): number {
		return this.seen.size;
	}

	has(key: string, nowMs: number): boolean {
		const minute = this.seen.get(keyHashOf(key));
		return minute !== undefined && this.isFresh(minute, nowMs);
	}

	/** Records `key` unless it is remembered; true when it was new. Synchronous: of two racing claims one wins. */
	claim(key: string, nowMs: number): boolean {
		const hash = keyHashOf(key);
		const known = this.seen.get(hash);
		if (known !== undefined && this.isFresh(known, nowMs)) return false;
		if (known !== undefined) {
			// Expired but not pruned yet: it moves to the end, so the stored text no longer matches the order.
			this.seen.delete(hash);
			this.stored = undefined;
		}
		const minute = minuteOf(nowMs);
		this.seen.set(hash, minute);
		if (this.stored !== undefined) this.stored += recordOf(hash, minute);
		return true;
	}

	/** Adds the records of `text` this memory lacks (stored by another process, or before a restart). */
	merge(text: string): void {
		if (text === '' || text === this.stored) return;
		const missing: Array<[string, number]> = [];
		// Usually `text` is an older copy of this memory: past the records dropped since, it is the start of ours.
		const end = this.sharedFrom(text);
		// A full memory evicts at once a record no newer than its oldest (typically one it dropped itself since):
		// not taking it keeps the same keys of every later minute, without re-sorting the memory.
		const oldestKept = this.seen.size >= this.bound.maxEntries ? (this.seen.values().next().value ?? -Infinity) : -Infinity;
		for (let offset = 0; offset + RECORD_LENGTH <= end; offset += RECORD_LENGTH) {
			if (this.seen.has(keyHashAt(text, offset))) continue;
			const record = recordAt(text, offset);
			if (record && record[1] > oldestKept) missing.push(record);
		}
		if (missing.length === 0) return;
		// Dedupe `missing` itself (a malformed text may repeat a hash), then restore oldest-first order.
		const merged = [...this.seen, ...new Map(missing)].sort((a, b) => a[1] - b[1]);
		this.seen.clear();
		for (const [hash, minute] of merged) this.seen.set(hash, minute);
		this.stored = undefined;
	}

	/**
	 * The record boundary in `text` from which the rest of it is the beginning of this memory's own text, so
	 * those records are known without looking them up; `text.length` when there is none.
	 */
	private sharedFrom(text: string): number {
		const own = this.text();
		if (own === '') return text.length;
		const first = own.slice(0, RECORD_LENGTH);
		for (let at = text.indexOf(first); at !== -1; at = text.indexOf(first, at + 1)) {
			if (at % RECORD_LENGTH === 0) return own.startsWith(text.slice(at)) ? at : text.length;
		}
		return text.length;
	}

	/** Forgets expired keys, then the oldest beyond the bound's maximum. */
	prune(nowMs: number): void {
		let removed = 0;
		for (const [hash, minute] of this.seen) {
			if (this.seen.size <= this.bound.maxEntries && this.isFresh(minute, nowMs)) break;
			this.seen.delete(hash);
			removed++;
		}
		if (removed > 0 && this.stored !== undefined) this.stored = this.stored.slice(removed * RECORD_LENGTH);
	}

	/** The stored form: fixed-width records, oldest first. */
	text(): string {
		this.stored ??= Array.from(this.seen, ([hash, minute]) => recordOf(hash, minute)).join('');
		return this.stored;
	}

	private isFresh(minute: number, nowMs: number): boolean {
		return minuteOf(nowMs) - minute < this.retentionMinutes;
	}
}
