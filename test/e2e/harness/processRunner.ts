import { spawn } from 'node:child_process';

import { killGroup, trackProcessGroup } from './interruptCleanup';

export interface ProcessResult {
	code: number | null;
	stdout: string;
	stderr: string;
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
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const timer =
			options.timeoutMs === undefined
				? undefined
				: setTimeout(() => {
						stderr += `\n[killed after ${options.timeoutMs} ms]`;
						killGroup(child.pid);
					}, options.timeoutMs);
		child.on('error', (error) => {
			if (timer) clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code) => {
			if (timer) clearTimeout(timer);
			resolve({ code, stdout, stderr });
		});
	});
}
