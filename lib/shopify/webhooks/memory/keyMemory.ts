import { hashesOf, isPageText, pageFirstHash, pageHashes, pageMinute, pageText } from './memoryPage';
import { KEY_HASH_LENGTH, keyHashOf, minuteOf, MS_PER_MINUTE } from './keyHash';

export interface MemoryBound {
	/** Every key is kept at least this long… */
	retentionMs: number;
	/** …unless more than this many keys arrive within that time; then the oldest go first. */
	maxEntries: number;
}

/** A memory is about this many pages when full: each sync compares whole pages, each eviction drops one. */
const PAGES_WHEN_FULL = 20;
/** A page takes new keys for an hour at most, so no key is kept more than an hour past the retention time. */
export const PAGE_OPEN_MINUTES = 60;

interface Page {
	/** Key hashes, in the order they were added. */
	hashes: string;
	/** The minute of its newest key: the page is forgotten with it. */
	minute: number;
	/** How many keys this memory looks up in this page (a key also in a newer page is looked up there). */
	owned: number;
	/** The minute this memory opened it for its own keys; undefined for a page taken from stored text. */
	openedMinute: number | undefined;
	/** The stored form, built when asked for. */
	text: string | undefined;
}

/**
 * A bounded set of remembered keys (delivery event ids, order changes), held twice: as a Map for lookups and
 * as pages of key hashes, which is how it is stored in the workflow's static data (memoryPage.ts). n8n loads and
 * saves a workflow's static data with every webhook delivery, so a delivery must cost little whatever the size
 * of the memory: a new key is appended to the one page this memory is filling, the oldest keys go a page at a
 * time, and a stored copy is compared page by page, where every page but the one being filled is unchanged.
 * The price is granularity: a key is kept until every key of its page has expired, and the memory holds up to
 * one page more than its bound.
 */
export class KeyMemory {
	/** Key hash → the newest page holding it. */
	private readonly seen = new Map<string, Page>();
	/** Pages by their first key hash, to recognise a stored copy of one. */
	private readonly byFirstHash = new Map<string, Page>();
	/** Oldest first (by minute) once `prune` has run. */
	private readonly pages: Page[] = [];
	/** The page new keys are appended to. */
	private filling: Page | undefined;
	private unsorted = false;
	private readonly retentionMinutes: number;
	private readonly pageKeys: number;

	constructor(private readonly bound: MemoryBound) {
		this.retentionMinutes = Math.ceil(bound.retentionMs / MS_PER_MINUTE);
		this.pageKeys = Math.max(1, Math.ceil(bound.maxEntries / PAGES_WHEN_FULL));
	}

	get size(): number {
		return this.seen.size;
	}

	has(key: string, nowMs: number): boolean {
		const page = this.seen.get(keyHashOf(key));
		return page !== undefined && this.isFresh(page.minute, nowMs);
	}

	/** Records `key` unless it is remembered; true when it was new. Synchronous: of two racing claims one wins. */
	claim(key: string, nowMs: number): boolean {
		return this.claimHash(keyHashOf(key), nowMs);
	}

	/** `claim` for a key known by its hash only (read back from a memory file). */
	claimHash(hash: string, nowMs: number): boolean {
		const page = this.seen.get(hash);
		if (page !== undefined && this.isFresh(page.minute, nowMs)) return false;
		const minute = minuteOf(nowMs);
		const filling = this.pageToFill(minute);
		this.append(filling, hash, minute);
		if (this.pages[this.pages.length - 1] !== filling) this.unsorted = true;
		return true;
	}

	/**
	 * Adds the keys of a stored copy this memory lacks (stored by another process, or before a restart). Usually
	 * the copy is an older one of this memory's own pages, and only page first keys are looked up.
	 */
	merge(stored: unknown, nowMs: number): void {
		for (const text of this.storedPages(stored)) this.mergePage(text, nowMs);
	}

	/** Forgets pages whose keys all expired, then the oldest pages while the rest hold at least maxEntries keys. */
	prune(nowMs: number): void {
		if (this.unsorted) {
			this.pages.sort((a, b) => a.minute - b.minute);
			this.unsorted = false;
		}
		for (const page of this.pages.filter((p) => p.owned === 0 && p !== this.filling)) this.drop(page);
		while (this.pages.length > 0) {
			const oldest = this.pages[0];
			if (this.isFresh(oldest.minute, nowMs) && this.seen.size - oldest.owned < this.bound.maxEntries) break;
			this.drop(oldest);
		}
	}

	/** Every remembered key hash with the minute it is kept by (its page's newest key), oldest pages first. */
	*entries(): Generator<{ hash: string; minute: number }> {
		for (const page of this.pages) {
			for (const hash of hashesOf(page.hashes)) if (this.seen.get(hash) === page) yield { hash, minute: page.minute };
		}
	}

	/** The stored form: the pages, oldest first. */
	stored(): string[] {
		return this.pages.map((page) => (page.text ??= pageText(page.minute, page.hashes)));
	}

	/** Whether `stored` is exactly what `stored()` gives (then nothing needs saving). */
	storedEquals(stored: unknown): boolean {
		if (!Array.isArray(stored) || stored.length !== this.pages.length) return false;
		const own = this.stored();
		return own.every((text, index) => text === stored[index]);
	}

	private mergePage(text: string, nowMs: number): void {
		const known = this.byFirstHash.get(pageFirstHash(text));
		const hashes = pageHashes(text);
		if (known !== undefined) {
			// An older copy of a page held here, or the same one: nothing to take.
			if (known.hashes.length >= hashes.length && known.hashes.slice(0, hashes.length) === hashes) return;
			// A page taken from another process, which has added keys to it since.
			if (known.openedMinute === undefined && hashes.slice(0, known.hashes.length) === known.hashes && isPageText(text)) {
				const added = hashes.slice(known.hashes.length);
				known.hashes = hashes;
				known.minute = Math.max(known.minute, pageMinute(text));
				known.text = undefined;
				for (const hash of hashesOf(added)) this.pointIfNewer(hash, known);
				this.unsorted = true;
				return;
			}
		}
		if (!isPageText(text)) return;
		const minute = pageMinute(text);
		// Expired, or a full memory would drop it at once (typically a page this memory dropped itself since).
		if (!this.isFresh(minute, nowMs)) return;
		if (this.seen.size >= this.bound.maxEntries && minute <= Math.min(...this.pages.map((page) => page.minute))) return;
		if (known !== undefined) {
			// Two processes began a page with the same key at once: take its other keys into the page being filled.
			const filling = this.pageToFill(minute);
			for (const hash of hashesOf(hashes)) if (!this.seen.has(hash)) this.append(filling, hash, minute);
			return;
		}
		const page: Page = { hashes, minute, owned: 0, openedMinute: undefined, text };
		this.pages.push(page);
		this.byFirstHash.set(pageFirstHash(text), page);
		this.unsorted = true;
		for (const hash of hashesOf(hashes)) this.pointIfNewer(hash, page);
	}

	/** The stored pages (anything else in their place, such as hand-edited static data, is left out). */
	private storedPages(stored: unknown): string[] {
		return Array.isArray(stored) ? stored.filter((text): text is string => typeof text === 'string') : [];
	}

	/** The page this memory appends its own keys to: a new one when it is full or has been open too long. */
	private pageToFill(minute: number): Page {
		const filling = this.filling;
		if (
			filling !== undefined &&
			filling.hashes.length < this.pageKeys * KEY_HASH_LENGTH &&
			minute - (filling.openedMinute ?? minute) < PAGE_OPEN_MINUTES &&
			minute >= (filling.openedMinute ?? minute)
		) {
			return filling;
		}
		const page: Page = { hashes: '', minute, owned: 0, openedMinute: minute, text: undefined };
		this.pages.push(page);
		this.filling = page;
		this.unsorted = true;
		return page;
	}

	/** Adds `hash`, first seen at `minute`, to the page this memory fills; its first key names the page. */
	private append(filling: Page, hash: string, minute: number): void {
		if (filling.hashes === '') this.byFirstHash.set(hash, filling);
		filling.hashes += hash;
		filling.minute = Math.max(filling.minute, minute);
		filling.text = undefined;
		this.point(hash, filling);
	}

	/** Looks `hash` up in `page` from now on. */
	private point(hash: string, page: Page): void {
		const before = this.seen.get(hash);
		if (before === page) return;
		if (before !== undefined) before.owned--;
		this.seen.set(hash, page);
		page.owned++;
	}

	/** Looks `hash` up in `page` unless a page at least as new already holds it. */
	private pointIfNewer(hash: string, page: Page): void {
		const before = this.seen.get(hash);
		if (before === undefined || before.minute < page.minute) this.point(hash, page);
	}

	private drop(page: Page): void {
		for (const hash of hashesOf(page.hashes)) if (this.seen.get(hash) === page) this.seen.delete(hash);
		page.owned = 0;
		this.pages.splice(this.pages.indexOf(page), 1);
		const first = page.hashes.slice(0, KEY_HASH_LENGTH);
		if (this.byFirstHash.get(first) === page) this.byFirstHash.delete(first);
		if (this.filling === page) this.filling = undefined;
	}

	private isFresh(minute: number, nowMs: number): boolean {
		return minuteOf(nowMs) - minute < this.retentionMinutes;
	}
}
