import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Linux reports utime/stime in clock ticks: 100 per second on every common kernel configuration. */
const TICKS_PER_SECOND = 100;

/**
 * The process ids whose working directory is `cwd`: how the benchmark finds the n8n server it started (the
 * harness runs n8n with its user folder as the working directory and does not expose the pid).
 */
export function pidsWithCwd(cwd: string): number[] {
	const pids: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			if (readlinkSync(`/proc/${entry}/cwd`) === cwd) pids.push(Number(entry));
		} catch {
			// another user's process, or gone already
		}
	}
	return pids;
}

/** User + system CPU time of the processes, in milliseconds (processes that exited count 0). */
export function cpuMs(pids: readonly number[]): number {
	let ticks = 0;
	for (const pid of pids) {
		try {
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			// Fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14 and 15.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			ticks += Number(fields[11]) + Number(fields[12]);
		} catch {
			// exited
		}
	}
	return (ticks * 1000) / TICKS_PER_SECOND;
}
