import { isRemembered, mergeMemory, pruneMemory, remember, type KeyMemory } from '../../../../../lib/shopify/webhooks/boundedMemory';
import { EventLedger } from '../../../../../lib/shopify/webhooks/eventLedger';
import { orderChangeKey } from '../../../../../lib/shopify/webhooks/orderChangeKey';
import { forgetProcessMemory, processMemoryFor } from '../../../../../lib/shopify/webhooks/processMemory';

const HOUR = 3_600_000;
const bound = { retentionMs: 24 * HOUR, maxEntries: 3 };

describe('bounded memory', () => {
	it('remembers a key for the retention time, then forgets it', () => {
		const memory: KeyMemory = {};
		remember(memory, 'a', 0);
		expect(isRemembered(memory, 'a', 24 * HOUR - 1, bound)).toBe(true);
		expect(isRemembered(memory, 'a', 24 * HOUR, bound)).toBe(false);
		pruneMemory(memory, 24 * HOUR, bound);
		expect(memory).toEqual({});
	});

	it('keeps the newest maxEntries keys when more arrive within the retention time', () => {
		const memory: KeyMemory = {};
		for (const [i, key] of ['a', 'b', 'c', 'd', 'e'].entries()) remember(memory, key, i * 1000);
		pruneMemory(memory, 5000, bound);
		expect(Object.keys(memory).sort()).toEqual(['c', 'd', 'e']);
	});

	it('keeps the first-seen time when a key is remembered again or merged', () => {
		const memory: KeyMemory = { a: 10 };
		remember(memory, 'a', 99);
		mergeMemory(memory, { a: 5, b: 7 });
		expect(memory).toEqual({ a: 5, b: 7 });
	});
});

describe('EventLedger', () => {
	it('lets exactly one of two simultaneous claims win, across two copies of static data', () => {
		const shared: KeyMemory = {};
		const first = new EventLedger({}, shared, bound);
		const second = new EventLedger({}, shared, bound);
		expect(first.claim('event:1', 0)).toBe(true);
		expect(second.claim('event:1', 1)).toBe(false);
	});

	it('recognises a key persisted before a restart (empty process memory)', () => {
		const persisted: KeyMemory = {};
		new EventLedger(persisted, {}, bound).claim('event:1', 0);
		const afterRestart = new EventLedger(persisted, {}, bound);
		expect(afterRestart.has('event:1', 1000)).toBe(true);
		expect(afterRestart.claim('event:1', 1000)).toBe(false);
	});

	it('sync writes keys another trigger claimed into this copy of static data and applies the bound', () => {
		const shared: KeyMemory = {};
		const webhookCopy: KeyMemory = {};
		const pollerCopy: KeyMemory = { old: 0 };
		new EventLedger(webhookCopy, shared, bound).claim('change:1', 25 * HOUR);
		const poller = new EventLedger(pollerCopy, shared, bound);
		poller.sync(25 * HOUR + 1);
		expect(pollerCopy).toEqual({ 'change:1': 25 * HOUR });
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
