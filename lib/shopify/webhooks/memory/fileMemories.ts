import { createHash } from 'node:crypto';
import { join } from 'node:path';

import type { ClaimMemory, MemoryScope, OrderClaimMemories } from './claimMemory';
import { scopeName } from './claimMemory';
import { DELIVERY_MEMORY_BOUND, EMITTED_CHANGES_BOUND } from './memoryBounds';
import { MemoryFile } from './memoryFile';

/** The folder for memory files inside n8n's own folder (`~/.n8n`, or `$N8N_USER_FOLDER/.n8n`). */
export function memoryFolderIn(n8nFolder: string): string {
	return join(n8nFolder, 'n8n-nodes-shopify-pos', 'order-memory');
}

/** The file of one scope's memories: named by a hash, so that no workflow id or shop name reaches the file system. */
export function memoryFilePath(folder: string, scope: MemoryScope): string {
	return join(folder, `${createHash('sha256').update(scopeName(scope)).digest('hex').slice(0, 32)}.keys`);
}

/** Deliveries are `d` in the file, order changes `c`. */
const LETTERS = { deliveries: 'd', changes: 'c' } as const;

const openFiles = new Map<string, MemoryFile>();

/** The memory file at `path`, opened once per process: every trigger of the scope uses the same one. */
function memoryFileAt(path: string): MemoryFile {
	let file = openFiles.get(path);
	if (!file) {
		file = new MemoryFile(path, { [LETTERS.deliveries]: DELIVERY_MEMORY_BOUND, [LETTERS.changes]: EMITTED_CHANGES_BOUND });
		openFiles.set(path, file);
	}
	return file;
}

function inFile(file: MemoryFile, letter: string): ClaimMemory {
	return {
		has: async (key, nowMs) => file.has(letter, key, nowMs),
		claim: async (key, nowMs) => file.claim(letter, key, nowMs),
	};
}

/** A scope's memories in a file in `folder`, which survives restarts of this n8n. */
export function fileMemories(folder: string, scope: MemoryScope): OrderClaimMemories {
	const file = memoryFileAt(memoryFilePath(folder, scope));
	return { deliveries: inFile(file, LETTERS.deliveries), changes: inFile(file, LETTERS.changes) };
}

/** Closes every memory file this process opened; the next use reads them afresh (as after a restart). */
export function closeMemoryFiles(): void {
	for (const file of openFiles.values()) file.close();
	openFiles.clear();
}
