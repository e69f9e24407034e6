import { spawn } from 'node:child_process';

import { killGroup, trackProcessGroup } from './interruptCleanup';

export interface ProcessResult {
	code: number | null;
	/** The signal that ended the process, when one did (then `code` is null). */
	signal: NodeJS.Signals | null;
	/** True when the process was ended by this runner's own time limit. */
	timedOut: boolean;
	stdout: string;
	stderr: string;
}

/** Ended by a signal this runner did not send: a crash or an outside kill, not a failure of the command's work. */
export function endedByOutsideSignal(result: ProcessResult): boolean {
	return result.signal !== null && !result.timedOut;
}

/**
 * Runs `run` again once if a signal from outside ended it (a native crash of n8n on a loaded machine, say);
 * `report` hears what ended the first attempt. A command whose work is not safe to repeat must not use this.
 */
export async function retryOnceAfterOutsideSignal(
	run: () => Promise<ProcessResult>,
	report: (line: string) => void,
): Promise<ProcessResult> {
	const first = await run();
	if (!endedByOutsideSignal(first)) return first;
	report(`[e2e] process ended by ${first.signal}; running it once more. Its last output:\n${first.stderr.slice(-2000)}`);
	return await run();
}

/** Runs a command to completion and collects its output; rejects only when it cannot be started. */
export async function runProcess(
	command: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<ProcessResult> {
	return await new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		trackProcessGroup(child);
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const timer =
			options.timeoutMs === undefined
				? undefined
				: setTimeout(() => {
						stderr += `\n[killed after ${options.timeoutMs} ms]`;
						timedOut = true;
						killGroup(child.pid);
					}, options.timeoutMs);
		child.on('error', (error) => {
			if (timer) clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code, signal) => {
			if (timer) clearTimeout(timer);
			if (signal !== null && !timedOut) stderr += `\n[ended by ${signal}]`;
			resolve({ code, signal, timedOut, stdout, stderr });
		});
	});
}
