import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

/**
 * What the harness started and must not outlive an interrupted run. n8n runs detached, in a process group of
 * its own so that stopping it also stops its task runner; a Ctrl-C to the benchmark that started it therefore
 * never reaches it, and the normal `dispose` is not reached either.
 */
const liveGroups = new Set<number>();
const tempFolders = new Set<string>();

/** Ends a process group this harness started (n8n starts its task runner as a child). */
export function killGroup(pid: number | undefined, signal: NodeJS.Signals = 'SIGKILL'): void {
	if (pid === undefined) return;
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}

/** Remembers `child`'s process group until it exits. */
export function trackProcessGroup(child: ChildProcess): void {
	const pid = child.pid;
	if (pid === undefined) return;
	liveGroups.add(pid);
	child.once('close', () => liveGroups.delete(pid));
}

/** Remembers a temporary folder until `forgetTempFolder`. */
export function trackTempFolder(folder: string): void {
	tempFolders.add(folder);
}

export function forgetTempFolder(folder: string): void {
	tempFolders.delete(folder);
}

/** Kills every process group still running and removes the temporary folders: for a signal handler. */
export function cleanUpAfterInterrupt(): { processGroups: number; folders: number } {
	const counts = { processGroups: liveGroups.size, folders: tempFolders.size };
	for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
	liveGroups.clear();
	for (const folder of tempFolders) rmSync(folder, { recursive: true, force: true });
	tempFolders.clear();
	return counts;
}
