import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { MemoryFile } from '../../../../../lib/shopify/webhooks/memory/memoryFile';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = 1_800_000_000_000;
const bounds = { d: { retentionMs: 48 * HOUR, maxEntries: 100 }, c: { retentionMs: 48 * HOUR, maxEntries: 200 } };

const newPath = () => join(mkdtempSync(join(tmpdir(), 'memory-file-')), 'nested', 'scope.keys');

describe('MemoryFile', () => {
	it('claims a key once, and a reopened file (a restarted n8n) still knows it, in its own memory only', () => {
		const path = newPath();
		const first = new MemoryFile(path, bounds);
		expect([first.claim('d', 'event-1', T0), first.claim('d', 'event-1', T0), first.claim('c', 'event-1', T0)]).toEqual([true, false, true]);
		first.close();
		const reopened = new MemoryFile(path, bounds);
		expect([reopened.has('d', 'event-1', T0 + HOUR), reopened.claim('d', 'event-1', T0 + HOUR), reopened.claim('d', 'event-2', T0 + HOUR)]).toEqual([true, false, true]);
		expect(reopened.has('c', 'event-2', T0 + HOUR)).toBe(false);
		expect(statSync(path).mode & 0o777).toBe(0o600);
		expect(readFileSync(path, 'latin1').split('\n').filter(Boolean)).toHaveLength(3);
	});

	it('forgets a key after the retention time', () => {
		const file = new MemoryFile(newPath(), bounds);
		file.claim('d', 'event-1', T0);
		expect(file.has('d', 'event-1', T0 + 47 * HOUR)).toBe(true);
		expect(file.claim('d', 'event-1', T0 + 49 * HOUR)).toBe(true);
	});

	it('sees what another writer appended since it last looked', () => {
		const path = newPath();
		const one = new MemoryFile(path, bounds);
		const other = new MemoryFile(path, bounds);
		expect(other.claim('c', 'order-1@t', T0)).toBe(true);
		expect(one.claim('c', 'order-1@t', T0)).toBe(false);
		expect(one.claim('c', 'order-2@t', T0)).toBe(true);
		expect(other.has('c', 'order-2@t', T0)).toBe(true);
	});

	it('skips a torn or foreign line and reads on (a crash mid-write, a hand edit)', () => {
		const path = newPath();
		const writer = new MemoryFile(path, bounds);
		writer.claim('d', 'before', T0);
		writer.close();
		appendFileSync(path, 'd00abc\nnot a line at all\nzAAAAAAAAAAAAAAAAAAA\n');
		const reader = new MemoryFile(path, bounds);
		expect(reader.has('d', 'before', T0)).toBe(true);
		expect(reader.claim('d', 'after', T0)).toBe(true);
		reader.close();
		expect(new MemoryFile(path, bounds).has('d', 'after', T0)).toBe(true);
	});

	it('keeps no more than its bound, and rewrites the file when it holds mostly forgotten keys', () => {
		const path = newPath();
		const file = new MemoryFile(path, bounds);
		const total = 3_000;
		for (let index = 0; index < total; index++) expect(file.claim('c', `order-${index}`, T0 + index * 1000)).toBe(true);
		const lines = readFileSync(path, 'latin1').split('\n').filter(Boolean);
		// Compacted at least once: far fewer lines than claims, and never more than twice the bound plus the slack.
		expect(lines.length).toBeLessThan(total);
		expect(lines.length).toBeLessThanOrEqual(2 * 220 + 2_000 + 1);
		const now = T0 + total * 1000;
		expect(file.has('c', `order-${total - 1}`, now)).toBe(true);
		expect(file.has('c', 'order-0', now)).toBe(false);
		file.close();
		const reopened = new MemoryFile(path, bounds);
		expect(reopened.has('c', `order-${total - 1}`, now)).toBe(true);
		expect(reopened.claim('c', `order-${total - 150}`, now)).toBe(false);
	});

	it('refuses a memory it was not opened with', () => {
		const file = new MemoryFile(newPath(), bounds);
		expect(() => file.claim('x', 'k', T0)).toThrow('this memory file holds no memory "x"');
		writeFileSync(newPath().replace('nested/scope.keys', 'x'), '');
		expect(() => new MemoryFile(newPath(), { dd: bounds.d })).toThrow(/one lowercase letter/);
	});
});
