import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';

import { killGroup, trackProcessGroup } from '../harness/interruptCleanup';

/** The parts of a queue-mode cluster: `n8n start`, `n8n webhook`, `n8n worker`. */
export type N8nRole = 'main' | 'webhook' | 'worker';

export interface N8nProcessSpec {
	role: N8nRole;
	/** e.g. "webhook-1", used in logs and failure messages */
	name: string;
	nodeBin: string;
	n8nBin: string;
	args: string[];
	env: NodeJS.ProcessEnv;
	cwd: string;
	logFile: string;
	/** The URL that answers 200 once the process is ready (`/healthz/readiness` of its HTTP server). */
	readinessUrl: string;
}

/** One long-running n8n process of a cluster, its output in a log file, stopped by its process group. */
export class N8nProcess {
	private child: ChildProcess | undefined;
	private logStream: WriteStream | undefined;
	private exited: Promise<void> | undefined;

	constructor(readonly spec: N8nProcessSpec) {}

	get name(): string {
		return this.spec.name;
	}

	get pid(): number | undefined {
		return this.child?.pid;
	}

	/** Null while running (or never started); the code or signal name once it ended. */
	get exitCode(): number | string | null {
		return this.child?.exitCode ?? this.child?.signalCode ?? null;
	}

	start(): void {
		if (this.child) throw new Error(`${this.name} is already running`);
		this.logStream = createWriteStream(this.spec.logFile, { flags: 'a' });
		const child = spawn(this.spec.nodeBin, [this.spec.n8nBin, ...this.spec.args], {
			env: this.spec.env,
			cwd: this.spec.cwd,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		this.child = child;
		trackProcessGroup(child);
		child.stdout?.pipe(this.logStream, { end: false });
		child.stderr?.pipe(this.logStream, { end: false });
		this.exited = new Promise((resolve) => child.on('close', () => resolve()));
	}

	async waitUntilReady(timeoutMs = 300_000): Promise<void> {
		const child = this.child;
		if (!child) throw new Error(`${this.name} was not started`);
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) throw new Error(`${this.name} exited during start (code ${child.exitCode}). Log tail:\n${this.logTail()}`);
			try {
				const response = await fetch(this.spec.readinessUrl);
				if (response.status === 200) return;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`${this.name} was not ready within ${timeoutMs / 1000} s. Log tail:\n${this.logTail()}`);
	}

	logText(): string {
		try {
			return readFileSync(this.spec.logFile, 'utf8');
		} catch {
			return '';
		}
	}

	logTail(lines = 40): string {
		return this.logText().split('\n').slice(-lines).join('\n');
	}

	/** SIGTERM (n8n finishes running executions), then SIGKILL after the grace period. Safe to call twice. */
	async stop(graceMs = 20_000): Promise<void> {
		const child = this.child;
		this.child = undefined;
		if (child && child.exitCode === null && child.pid !== undefined) {
			killGroup(child.pid, 'SIGTERM');
			const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
			if ((await Promise.race([this.exited, timeout])) === 'timeout') killGroup(child.pid, 'SIGKILL');
		}
		this.logStream?.end();
	}
}
