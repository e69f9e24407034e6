import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

import { KEY_HASH_LENGTH, keyHashOf, minuteOf, MS_PER_MINUTE } from './keyHash';
import { KeyMemory, type MemoryBound } from './keyMemory';
import { pageText } from './memoryPage';

/**
 * A line per remembered key: one letter naming the memory it belongs to, then the key as a one-key page (the
 * minute it was claimed, 6 base36 digits, and its 12-character hash). 20 bytes with the newline.
 */
const LINE = new RegExp(`^([a-z])([0-9a-z]{6})([A-Za-z0-9_-]{${KEY_HASH_LENGTH}})$`);
/** Rewrite the file from the memories once it holds this many lines more than twice what they remember. */
const COMPACT_SLACK_LINES = 2_000;

/**
 * Bounded key memories (KeyMemory) kept in an append-only file, so that they survive a restart without riding in
 * n8n's static data. A claim is decided in memory, in one synchronous step (of two racing claims in this process
 * one wins), and written to the file at once. Before each use the file is read from where this process last
 * read it, so keys another process appended are seen too; but only claims made in one process are atomic, so
 * one file serves one n8n process (a regular-mode n8n: its webhooks and polls all run in the main process).
 * The file is rewritten from the memories when it holds mostly forgotten keys.
 */
export class MemoryFile {
	private readonly memories = new Map<string, KeyMemory>();
	private fd: number;
	private readOffset = 0;
	private partialLine = '';
	private lines = 0;

	/** `bounds`: each memory the file holds, by the one lowercase letter that names it in the file. */
	constructor(
		readonly path: string,
		bounds: Record<string, MemoryBound>,
	) {
		for (const [letter, bound] of Object.entries(bounds)) {
			if (!/^[a-z]$/.test(letter)) throw new RangeError(`a memory in a memory file is named by one lowercase letter, not "${letter}"`);
			this.memories.set(letter, new KeyMemory(bound));
		}
		mkdirSync(dirname(path), { recursive: true });
		this.fd = openSync(path, 'a+', 0o600);
		this.catchUp();
	}

	has(letter: string, key: string, nowMs: number): boolean {
		this.catchUp();
		return this.memory(letter).has(key, nowMs);
	}

	/** True when `key` was new: it is remembered from now on, here and in the file. */
	claim(letter: string, key: string, nowMs: number): boolean {
		this.catchUp();
		const memory = this.memory(letter);
		memory.prune(nowMs);
		const hash = keyHashOf(key);
		if (!memory.claimHash(hash, nowMs)) return false;
		// Read back by the next catch-up like any other line (a no-op then): the offset stays exact even when
		// another process appended in between.
		writeSync(this.fd, `${letter}${pageText(minuteOf(nowMs), hash)}\n`);
		if (this.lines > 2 * this.remembered() + COMPACT_SLACK_LINES) this.compact(nowMs);
		return true;
	}

	close(): void {
		closeSync(this.fd);
	}

	private memory(letter: string): KeyMemory {
		const memory = this.memories.get(letter);
		if (!memory) throw new RangeError(`this memory file holds no memory "${letter}"`);
		return memory;
	}

	private remembered(): number {
		let total = 0;
		for (const memory of this.memories.values()) total += memory.size;
		return total;
	}

	/** Applies what the file gained since this process last read it. */
	private catchUp(): void {
		const size = fstatSync(this.fd).size;
		if (size <= this.readOffset) return;
		const bytes = Buffer.alloc(size - this.readOffset);
		const read = readSync(this.fd, bytes, 0, bytes.length, this.readOffset);
		this.readOffset += read;
		const text = this.partialLine + bytes.toString('latin1', 0, read);
		const lines = text.split('\n');
		this.partialLine = lines.pop() ?? '';
		for (const line of lines) this.apply(line);
	}

	/** One line: a torn or foreign one (a crash mid-write, a hand edit) is skipped. */
	private apply(line: string): void {
		this.lines++;
		const match = LINE.exec(line);
		const memory = match ? this.memories.get(match[1]) : undefined;
		if (!match || !memory) return;
		memory.claimHash(match[3], parseInt(match[2], 36) * MS_PER_MINUTE);
	}

	/** Rewrites the file as the memories hold it now: one line per key still remembered. */
	private compact(nowMs: number): void {
		const lines: string[] = [];
		for (const [letter, memory] of this.memories) {
			memory.prune(nowMs);
			for (const { hash, minute } of memory.entries()) lines.push(`${letter}${pageText(minute, hash)}\n`);
		}
		const text = lines.join('');
		const temporary = `${this.path}.${process.pid}.tmp`;
		writeFileSync(temporary, text, { mode: 0o600 });
		renameSync(temporary, this.path);
		closeSync(this.fd);
		this.fd = openSync(this.path, 'a+', 0o600);
		this.readOffset = Buffer.byteLength(text, 'latin1');
		this.partialLine = '';
		this.lines = lines.length;
	}
}
