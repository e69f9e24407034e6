import { WorkflowMemory } from '../../../../../lib/shopify/webhooks/memory/workflowMemory';
import { KeyMemory, PAGE_OPEN_MINUTES, type MemoryBound } from '../../../../../lib/shopify/webhooks/memory/keyMemory';
import { isPageText, pageHashes, pageMinute, pageText } from '../../../../../lib/shopify/webhooks/memory/memoryPage';
import { keyHashOf } from '../../../../../lib/shopify/webhooks/memory/keyHash';
import { orderChangeKey } from '../../../../../lib/shopify/webhooks/orderChangeKey';
import { forgetProcessMemory, processMemoryFor } from '../../../../../lib/shopify/webhooks/memory/processMemory';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = 1_800_000_000_000;
/** maxEntries 3 makes pages of one key: the memory keeps exactly the newest three. */
const bound: MemoryBound = { retentionMs: 24 * HOUR, maxEntries: 3 };

const keysOf = (memory: KeyMemory, candidates: string[], nowMs: number) => candidates.filter((key) => memory.has(key, nowMs));
const hashesStored = (memory: KeyMemory) => memory.stored().map(pageHashes).join('');

describe('memory pages and records', () => {
	it('stores a page as the minute of its newest key and the key hashes, and reads it back', () => {
		const text = pageText(Math.floor(T0 / MINUTE), keyHashOf('a') + keyHashOf('b'));
		expect(isPageText(text)).toBe(true);
		expect(pageMinute(text)).toBe(Math.floor(T0 / MINUTE));
		expect(pageHashes(text)).toBe(keyHashOf('a') + keyHashOf('b'));
	});

	it('knows what is not a page (hand-edited or truncated static data)', () => {
		const good = pageText(1000, keyHashOf('a'));
		for (const bad of [good.slice(0, -1), `${good}!`, '000rs8', 'ZZZZZZ' + keyHashOf('a'), 42, null]) expect(isPageText(bad)).toBe(false);
	});
});

describe('KeyMemory', () => {
	it('remembers a key for the retention time, then forgets it', () => {
		const memory = new KeyMemory(bound);
		expect(memory.claim('a', T0)).toBe(true);
		expect(memory.claim('a', T0 + 24 * HOUR - MINUTE)).toBe(false);
		expect(memory.has('a', T0 + 24 * HOUR)).toBe(false);
		memory.prune(T0 + 24 * HOUR);
		expect(memory.size).toBe(0);
		expect(memory.stored()).toEqual([]);
		// Expired but not pruned yet: taken again all the same.
		memory.claim('b', T0);
		expect(memory.claim('b', T0 + 24 * HOUR)).toBe(true);
		memory.prune(T0 + 24 * HOUR);
		expect(memory.size).toBe(1);
	});

	it('keeps the newest maxEntries keys when more arrive within the retention time', () => {
		const memory = new KeyMemory(bound);
		for (const [i, key] of ['a', 'b', 'c', 'd', 'e'].entries()) memory.claim(key, T0 + i * MINUTE);
		memory.prune(T0 + 5 * MINUTE);
		expect(keysOf(memory, ['a', 'b', 'c', 'd', 'e'], T0 + 5 * MINUTE)).toEqual(['c', 'd', 'e']);
		expect(hashesStored(memory)).toBe(['c', 'd', 'e'].map(keyHashOf).join(''));
	});

	it('fills pages of maxEntries/20 keys, each open for an hour at most, and forgets a page with its newest key', () => {
		const memory = new KeyMemory({ retentionMs: 24 * HOUR, maxEntries: 40 });
		memory.claim('a', T0);
		memory.claim('b', T0 + MINUTE);
		memory.claim('c', T0 + 2 * MINUTE);
		memory.claim('d', T0 + (2 + PAGE_OPEN_MINUTES) * MINUTE);
		memory.prune(T0 + (2 + PAGE_OPEN_MINUTES) * MINUTE);
		// Two keys a page; 'c' opened the second page and 'd' came after it had been open an hour.
		expect(memory.stored().map((text) => [pageMinute(text), pageHashes(text)])).toEqual([
			[Math.floor(T0 / MINUTE) + 1, keyHashOf('a') + keyHashOf('b')],
			[Math.floor(T0 / MINUTE) + 2, keyHashOf('c')],
			[Math.floor(T0 / MINUTE) + 2 + PAGE_OPEN_MINUTES, keyHashOf('d')],
		]);
		// 'a' is kept as long as 'b', the newest key of its page.
		expect(keysOf(memory, ['a', 'b', 'c'], T0 + 24 * HOUR + 30 * 1000)).toEqual(['a', 'b', 'c']);
		expect(keysOf(memory, ['a', 'b', 'c'], T0 + 24 * HOUR + MINUTE)).toEqual(['c']);
	});

	it('takes a key again once it expired, even behind a newer key after the clock went back', () => {
		const memory = new KeyMemory(bound);
		memory.claim('a', T0 + HOUR);
		memory.claim('b', T0);
		const later = T0 + 24 * HOUR + MINUTE;
		memory.prune(later);
		expect(memory.claim('b', later)).toBe(true);
		expect(memory.has('b', later)).toBe(true);
		memory.prune(later);
		expect(hashesStored(memory)).toBe(keyHashOf('a') + keyHashOf('b'));
	});

	it('stores hashes, never the keys themselves', () => {
		const memory = new KeyMemory(bound);
		memory.claim('event:7a1c2e90-secret-looking-id', T0);
		expect(JSON.stringify(memory.stored())).not.toContain('7a1c2e90');
	});

	it('takes over what another copy stored and ignores what it already knows', () => {
		const other = new KeyMemory(bound);
		other.claim('x', T0 + 2 * MINUTE);
		const memory = new KeyMemory(bound);
		memory.claim('y', T0 + 3 * MINUTE);
		memory.claim('z', T0 + 4 * MINUTE);
		memory.merge(other.stored(), T0 + 4 * MINUTE);
		memory.prune(T0 + 4 * MINUTE);
		expect(hashesStored(memory)).toBe(['x', 'y', 'z'].map(keyHashOf).join(''));
		const before = memory.stored();
		memory.merge(other.stored(), T0 + 4 * MINUTE);
		memory.prune(T0 + 4 * MINUTE);
		expect(memory.storedEquals(before)).toBe(true);
		// Bounded after the merge: the oldest goes.
		memory.claim('w', T0 + 5 * MINUTE);
		memory.prune(T0 + 5 * MINUTE);
		expect(keysOf(memory, ['w', 'x', 'y', 'z'], T0 + 5 * MINUTE)).toEqual(['w', 'y', 'z']);
	});

	it('keeps a key held by an older page and a newer one for as long as the newer page', () => {
		const memoryBound: MemoryBound = { retentionMs: 24 * HOUR, maxEntries: 40 };
		const memory = new KeyMemory(memoryBound);
		memory.claim('k', T0 + 2 * HOUR);
		const other = new KeyMemory(memoryBound);
		other.claim('x', T0);
		other.claim('k', T0);
		memory.merge(other.stored(), T0 + 2 * HOUR);
		memory.prune(T0 + 2 * HOUR);
		expect(memory.has('k', T0 + 25 * HOUR)).toBe(true);
		memory.prune(T0 + 25 * HOUR);
		expect(memory.has('k', T0 + 25 * HOUR)).toBe(true);
	});

	it('takes the other keys of a page another process began with the same key at the same moment', () => {
		const memoryBound: MemoryBound = { retentionMs: 24 * HOUR, maxEntries: 40 };
		const [first, second] = [new KeyMemory(memoryBound), new KeyMemory(memoryBound)];
		for (const key of ['k', 'a', 'b']) first.claim(key, T0);
		for (const key of ['k', 'c']) second.claim(key, T0);
		first.merge(second.stored(), T0 + MINUTE);
		first.prune(T0 + MINUTE);
		expect(keysOf(first, ['k', 'a', 'b', 'c'], T0 + MINUTE)).toEqual(['k', 'a', 'b', 'c']);
	});

	it('keeps what it must and forgets what it must, bounded, through claims by two processes, stale copies and restarts', () => {
		// Two n8n processes share the workflow's static data: each loads it (merge), claims a key, saves its whole
		// memory (last writer wins). Sometimes a process works from a copy a few saves old (requests that overlap).
		const MAX = 60;
		const PAGE_KEYS = 3;
		const RETENTION_MINUTES = 180;
		const memoryBound: MemoryBound = { retentionMs: RETENTION_MINUTES * MINUTE, maxEntries: MAX };
		const processes = [new KeyMemory(memoryBound), new KeyMemory(memoryBound)];
		const saves: string[][] = [[]];
		/** Key → [minute, sequence number] of its last successful claim. */
		const claimed = new Map<string, [number, number]>();
		let sequence = 0;
		let random = 11;
		const next = () => (random = (random * 48271) % 2147483647) / 2147483647;
		const keys = Array.from({ length: 300 }, (_, i) => `k${i}`);
		let now = T0;
		const counts = { remembered: 0, forgotten: 0, stale: 0, restarts: 0 };
		/** Must be remembered: claimed within the retention time, and fewer than MAX − 2 pages of keys claimed since. */
		const mustRemember = (key: string) => {
			const last = claimed.get(key);
			if (!last || Math.floor(now / MINUTE) - last[0] >= RETENTION_MINUTES) return false;
			let newer = 0;
			for (const [, [, s]] of claimed) if (s > last[1]) newer++;
			return newer < MAX - 2 * PAGE_KEYS;
		};
		/** Must be forgotten: its page's newest key is older than the retention time. */
		const mustForget = (key: string) => {
			const last = claimed.get(key);
			return !last || Math.floor(now / MINUTE) - last[0] >= RETENTION_MINUTES + PAGE_OPEN_MINUTES;
		};
		for (let step = 0; step < 4000; step++) {
			// Bursts (seconds apart: the count bound decides) alternate with quiet hours (expiry decides).
			now += Math.floor(Math.floor(step / 500) % 2 === 0 ? next() * 10_000 : next() * 8 * MINUTE);
			const which = next() < 0.5 ? 0 : 1;
			if (next() < 0.01) {
				processes[which] = new KeyMemory(memoryBound);
				counts.restarts++;
			}
			const memory = processes[which];
			const stale = next() < 0.2;
			const loaded = stale ? saves[Math.max(0, saves.length - 1 - Math.floor(next() * 5))] : saves[saves.length - 1];
			if (stale) counts.stale++;
			memory.merge(loaded, now);
			memory.prune(now);
			const key = keys[Math.floor(next() * keys.length)];
			const isNew = memory.claim(key, now);
			if (!stale && mustRemember(key)) {
				expect({ step, key, isNew }).toEqual({ step, key, isNew: false });
				counts.remembered++;
			}
			if (mustForget(key)) {
				expect({ step, key, isNew }).toEqual({ step, key, isNew: true });
				counts.forgotten++;
			}
			if (isNew) claimed.set(key, [Math.floor(now / MINUTE), ++sequence]);
			memory.prune(now);
			expect(memory.size).toBeLessThan(MAX + PAGE_KEYS + 1);
			saves.push(memory.stored());
			// What it saved is what a restarted process remembers.
			if (step % 50 === 0) {
				const restarted = new KeyMemory(memoryBound);
				restarted.merge(saves[saves.length - 1], now);
				restarted.prune(now);
				expect(keysOf(restarted, keys, now)).toEqual(keysOf(memory, keys, now));
			}
		}
		expect(counts.remembered).toBeGreaterThan(300);
		expect(counts.forgotten).toBeGreaterThan(300);
		expect(counts.stale).toBeGreaterThan(500);
		expect(counts.restarts).toBeGreaterThan(20);
	});
});

describe('WorkflowMemory', () => {
	it('lets exactly one of two simultaneous claims win, across two copies of static data', () => {
		const shared = new KeyMemory(bound);
		const first = new WorkflowMemory(undefined, shared);
		const second = new WorkflowMemory(undefined, shared);
		expect(first.claim('event:1', T0)).toBe(true);
		expect(second.claim('event:1', T0 + 1)).toBe(false);
	});

	it('recognises a key persisted before a restart (empty process memory)', () => {
		const before = new WorkflowMemory(undefined, new KeyMemory(bound));
		before.claim('event:1', T0);
		const afterRestart = new WorkflowMemory(JSON.parse(JSON.stringify(before.stored)), new KeyMemory(bound));
		afterRestart.sync(T0 + 1000);
		expect(afterRestart.has('event:1', T0 + 1000)).toBe(true);
		expect(afterRestart.claim('event:1', T0 + 1000)).toBe(false);
	});

	it('sync brings keys another trigger claimed into this copy, bounded, and says whether it must be saved', () => {
		const shared = new KeyMemory(bound);
		const webhook = new WorkflowMemory(undefined, shared);
		webhook.claim('change:1', T0 + 25 * HOUR);
		const expired = [pageText(Math.floor(T0 / MINUTE), keyHashOf('old'))];
		const poller = new WorkflowMemory(expired, shared);
		poller.sync(T0 + 25 * HOUR + 1);
		expect(poller.persistedChanged).toBe(true);
		expect(poller.stored).toEqual([pageText(Math.floor((T0 + 25 * HOUR) / MINUTE), keyHashOf('change:1'))]);
		const unchanged = new WorkflowMemory(JSON.parse(JSON.stringify(poller.stored)), shared);
		unchanged.sync(T0 + 25 * HOUR + 2);
		expect(unchanged.persistedChanged).toBe(false);
	});
});

describe('orderChangeKey', () => {
	it('gives a webhook offset time and a GraphQL UTC time of the same instant the same key', () => {
		const gid = 'gid://shopify/Order/820982911946154508';
		expect(orderChangeKey(gid, '2026-11-20T05:00:00-05:00')).toBe(orderChangeKey(gid, '2026-11-20T10:00:00Z'));
		expect(orderChangeKey(gid, '2026-11-20T10:00:01Z')).not.toBe(orderChangeKey(gid, '2026-11-20T10:00:00Z'));
	});

	it('has no key without an id or a readable time', () => {
		expect(orderChangeKey(undefined, '2026-11-20T10:00:00Z')).toBeUndefined();
		expect(orderChangeKey('gid://shopify/Order/1', 'yesterday')).toBeUndefined();
	});
});

describe('processMemoryFor', () => {
	it('is shared within a workflow and shop, separate across workflows', () => {
		const a = processMemoryFor('wf-1', 'Acme.myshopify.com');
		expect(processMemoryFor('wf-1', 'acme.myshopify.com')).toBe(a);
		expect(processMemoryFor('wf-2', 'acme.myshopify.com')).not.toBe(a);
		forgetProcessMemory('wf-1');
		expect(processMemoryFor('wf-1', 'acme.myshopify.com')).not.toBe(a);
	});
});
