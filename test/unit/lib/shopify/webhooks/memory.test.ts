import { EventLedger } from '../../../../../lib/shopify/webhooks/eventLedger';
import { KeyMemory, type MemoryBound } from '../../../../../lib/shopify/webhooks/keyMemory';
import { keyHashOf, RECORD_LENGTH, recordOf, recordsOf } from '../../../../../lib/shopify/webhooks/ledgerRecord';
import { orderChangeKey } from '../../../../../lib/shopify/webhooks/orderChangeKey';
import { forgetProcessMemory, processMemoryFor } from '../../../../../lib/shopify/webhooks/processMemory';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = 1_800_000_000_000;
const bound: MemoryBound = { retentionMs: 24 * HOUR, maxEntries: 3 };

const keysOf = (memory: KeyMemory, candidates: string[], nowMs: number) => candidates.filter((key) => memory.has(key, nowMs));

describe('ledger records', () => {
	it('stores a key as a fixed-width record of its hash and minute, and reads it back', () => {
		const record = recordOf(keyHashOf('event:1'), Math.floor(T0 / MINUTE));
		expect(record).toHaveLength(RECORD_LENGTH);
		expect([...recordsOf(record + record)]).toEqual([
			[keyHashOf('event:1'), Math.floor(T0 / MINUTE)],
			[keyHashOf('event:1'), Math.floor(T0 / MINUTE)],
		]);
	});

	it('skips what is not a record (hand-edited or truncated static data)', () => {
		const good = recordOf(keyHashOf('a'), 1000);
		expect([...recordsOf(`${'!'.repeat(RECORD_LENGTH)}${good}${good.slice(0, 5)}`)]).toEqual([[keyHashOf('a'), 1000]]);
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
		expect(memory.text()).toBe('');
	});

	it('keeps the newest maxEntries keys when more arrive within the retention time', () => {
		const memory = new KeyMemory(bound);
		for (const [i, key] of ['a', 'b', 'c', 'd', 'e'].entries()) memory.claim(key, T0 + i * MINUTE);
		memory.prune(T0 + 5 * MINUTE);
		expect(keysOf(memory, ['a', 'b', 'c', 'd', 'e'], T0 + 5 * MINUTE)).toEqual(['c', 'd', 'e']);
		expect(memory.text()).toHaveLength(3 * RECORD_LENGTH);
	});

	it('takes a key again once it expired, even behind a newer key after the clock went back', () => {
		const memory = new KeyMemory(bound);
		memory.claim('a', T0 + HOUR);
		memory.claim('b', T0);
		const later = T0 + 24 * HOUR + MINUTE;
		memory.prune(later);
		expect(memory.claim('b', later)).toBe(true);
		expect(memory.has('b', later)).toBe(true);
		expect([...recordsOf(memory.text())]).toEqual([
			[keyHashOf('a'), Math.floor((T0 + HOUR) / MINUTE)],
			[keyHashOf('b'), Math.floor(later / MINUTE)],
		]);
	});

	it('stores hashes, never the keys themselves', () => {
		const memory = new KeyMemory(bound);
		memory.claim('event:7a1c2e90-secret-looking-id', T0);
		expect(memory.text()).not.toContain('7a1c2e90');
	});

	it('takes over what another copy stored, oldest first, and ignores what it already knows', () => {
		const other = new KeyMemory(bound);
		other.claim('x', T0 + 2 * MINUTE);
		const memory = new KeyMemory(bound);
		memory.claim('y', T0 + 3 * MINUTE);
		memory.claim('z', T0 + 4 * MINUTE);
		memory.merge(other.text());
		expect([...recordsOf(memory.text())].map(([hash]) => hash)).toEqual(['x', 'y', 'z'].map(keyHashOf));
		const before = memory.text();
		memory.merge(other.text());
		expect(memory.text()).toBe(before);
		// Bounded after the merge: the oldest goes.
		memory.claim('w', T0 + 5 * MINUTE);
		memory.prune(T0 + 5 * MINUTE);
		expect(keysOf(memory, ['w', 'x', 'y', 'z'], T0 + 5 * MINUTE)).toEqual(['w', 'y', 'z']);
	});

	it('keeps its stored text equal to a plain model of it through claims, expiry, eviction and merges', () => {
		// A naive model: [key hash, minute] oldest first, rebuilt from scratch on every step. Merging takes every
		// record the model lacks, except (when the memory is full) those no newer than its oldest record.
		const MAX = 50;
		let model: Array<[string, number]> = [];
		const modelMerge = (records: Array<[string, number]>) => {
			const oldestKept = model.length >= MAX ? model[0][1] : -Infinity;
			for (const [hash, m] of records) if (!model.some(([h]) => h === hash) && m > oldestKept) model.push([hash, m]);
			model.sort((a, b) => a[1] - b[1]);
		};
		const memory = new KeyMemory({ retentionMs: 30 * MINUTE, maxEntries: MAX });
		const ownCopies: string[] = [];
		let random = 7;
		const next = () => (random = (random * 48271) % 2147483647) / 2147483647;
		let now = T0;
		let merges = { foreign: 0, older: 0 };
		for (let step = 0; step < 3000; step++) {
			now += Math.floor(next() * 40_000);
			const minute = Math.floor(now / MINUTE);
			const fresh = (m: number) => minute - m < 30;
			const roll = next();
			if (roll < 0.1) {
				// Another process stored keys this one has not seen (some it has).
				const foreign = new KeyMemory({ retentionMs: 30 * MINUTE, maxEntries: MAX });
				for (let i = 0; i < 5; i++) foreign.claim(`k${Math.floor(next() * 400)}`, now - Math.floor(next() * 10 * MINUTE));
				modelMerge([...recordsOf(foreign.text())]);
				memory.merge(foreign.text());
				merges.foreign++;
			} else if (roll < 0.3 && ownCopies.length > 0) {
				// The copy this memory saved a few requests ago (what n8n loads for the next request), or that copy
				// after another process added its own keys to it and saved it.
				const older = ownCopies[Math.max(0, ownCopies.length - 1 - Math.floor(next() * 5))];
				let loaded = older;
				if (next() < 0.5) {
					const otherProcess = new KeyMemory({ retentionMs: 30 * MINUTE, maxEntries: MAX });
					otherProcess.merge(older);
					for (let i = 0; i < 3; i++) otherProcess.claim(`k${Math.floor(next() * 400)}`, now - Math.floor(next() * 2 * MINUTE));
					otherProcess.prune(now);
					loaded = otherProcess.text();
				}
				modelMerge([...recordsOf(loaded)]);
				memory.merge(loaded);
				merges.older++;
			} else {
				const key = `k${Math.floor(next() * 400)}`;
				const hash = keyHashOf(key);
				const known = model.find(([h]) => h === hash);
				const isNew = !known || !fresh(known[1]);
				expect(memory.claim(key, now)).toBe(isNew);
				if (isNew) model = [...model.filter(([h]) => h !== hash), [hash, minute]];
			}
			memory.prune(now);
			while (model.length > 0 && (model.length > MAX || !fresh(model[0][1]))) model.shift();
			expect(memory.text()).toBe(model.map(([hash, m]) => recordOf(hash, m)).join(''));
			ownCopies.push(memory.text());
		}
		expect(merges.foreign).toBeGreaterThan(100);
		expect(merges.older).toBeGreaterThan(100);
	});
});

describe('EventLedger', () => {
	it('lets exactly one of two simultaneous claims win, across two copies of static data', () => {
		const shared = new KeyMemory(bound);
		const first = new EventLedger('', shared);
		const second = new EventLedger('', shared);
		expect(first.claim('event:1', T0)).toBe(true);
		expect(second.claim('event:1', T0 + 1)).toBe(false);
	});

	it('recognises a key persisted before a restart (empty process memory)', () => {
		const before = new EventLedger('', new KeyMemory(bound));
		before.claim('event:1', T0);
		const afterRestart = new EventLedger(before.text, new KeyMemory(bound));
		afterRestart.sync(T0 + 1000);
		expect(afterRestart.has('event:1', T0 + 1000)).toBe(true);
		expect(afterRestart.claim('event:1', T0 + 1000)).toBe(false);
	});

	it('sync brings keys another trigger claimed into this copy, bounded, and says whether it must be saved', () => {
		const shared = new KeyMemory(bound);
		const webhook = new EventLedger('', shared);
		webhook.claim('change:1', T0 + 25 * HOUR);
		const expired = recordOf(keyHashOf('old'), Math.floor(T0 / MINUTE));
		const poller = new EventLedger(expired, shared);
		poller.sync(T0 + 25 * HOUR + 1);
		expect(poller.persistedChanged).toBe(true);
		expect(poller.text).toBe(recordOf(keyHashOf('change:1'), Math.floor((T0 + 25 * HOUR) / MINUTE)));
		const unchanged = new EventLedger(poller.text, shared);
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
