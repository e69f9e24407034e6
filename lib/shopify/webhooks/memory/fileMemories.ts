import { createHash } from 'node:crypto';
import { join } from 'node:path';

import type { ClaimMemory, MemoryScope, OrderClaimMemories } from './claimMemory';
import { scopeName } from './claimMemory';
import type { MemoryBound } from './keyMemory';
import { DELIVERY_MEMORY_BOUND, EMITTED_CHANGES_BOUND } from './memoryBounds';
import { MemoryFile } from './memoryFile';

/** The folder for memory files inside n8n's own folder (`~/.n8n`, or `$N8N_USER_FOLDER/.n8n`). */
export function memoryFolderIn(n8nFolder: string): string {
	return join(n8nFolder, 'n8n-nodes-shopify-pos', 'order-memory');
}

/** The file of the memories named `name`: by a hash, so that no workflow id, node or shop name reaches the file system. */
export function memoryFilePathNamed(folder: string, name: string): string {
	return join(folder, `${createHash('sha256').update(name).digest('hex').slice(0, 32)}.keys`);
}

/** The file of one Order Trigger scope's memories. */
export function memoryFilePath(folder: string, scope: MemoryScope): string {
	return memoryFilePathNamed(folder, scopeName(scope));
}

const openFiles = new Map<string, MemoryFile>();

/**
 * The memory file at `path`, opened once per process: every trigger of the scope uses the same one. `bounds`: the
 * memories it holds, by the letter that names each in the file (the same for every opening of one path).
 */
export function memoryFileAt(path: string, bounds: Record<string, MemoryBound>): MemoryFile {
	let file = openFiles.get(path);
	if (!file) {
		file = new MemoryFile(path, bounds);
		openFiles.set(path, file);
	}
	return file;
}

/** The memory named by `letter` in `file`, as a ClaimMemory. */
export function claimsInFile(file: MemoryFile, letter: string): ClaimMemory {
	return {
		has: async (key, nowMs) => file.has(letter, key, nowMs),
		claim: async (key, nowMs) => file.claim(letter, key, nowMs),
	};
}

/** Deliveries are `d` in the file, order changes `c`. */
const ORDER_MEMORY_BOUNDS = { d: DELIVERY_MEMORY_BOUND, c: EMITTED_CHANGES_BOUND };

/** An Order Trigger scope's memories in a file in `folder`, which survives restarts of this n8n. */
export function fileMemories(folder: string, scope: MemoryScope): OrderClaimMemories {
	const file = memoryFileAt(memoryFilePath(folder, scope), ORDER_MEMORY_BOUNDS);
	return { deliveries: claimsInFile(file, 'd'), changes: claimsInFile(file, 'c') };
}

/** Closes every memory file this process opened; the next use reads them afresh (as after a restart). */
export function closeMemoryFiles(): void {
	for (const file of openFiles.values()) file.close();
	openFiles.clear();
}
