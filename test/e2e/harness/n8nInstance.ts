import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { installCommunityNodes } from './communityPackage';
import { freePort } from './freePort';
import { N8nRest, type N8nOwner } from './n8nRest';
import { forgetTempFolder, killGroup, trackProcessGroup, trackTempFolder } from './interruptCleanup';
import { retryOnceAfterOutsideSignal, runProcess, type ProcessResult } from './processRunner';
import { requireN8nRuntime, type N8nRuntime } from './runtime';

/** A credential as `n8n import:credentials` reads it; `data` is plaintext and encrypted on import. */
export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** A workflow as `n8n import:workflow` reads it (an n8n workflow export). */
export interface WorkflowImport {
	id: string;
	name: string;
	nodes: unknown[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	active?: boolean;
	[key: string]: unknown;
}

export interface N8nInstanceOptions {
	/** Extra environment for n8n (e.g. EXECUTIONS_MODE=queue later). */
	env?: Record<string, string>;
	/** The editor's port (default: any free port). */
	port?: number;
	/**
	 * A user folder the caller set up, with the package already in its `.n8n/nodes` (the way a user installs it);
	 * by default a new folder gets this run's prepared community nodes. Deleted by dispose() either way.
	 */
	userFolder?: string;
	/** Keep the user folder after stop (for debugging a failure). Also set by N8N_E2E_KEEP=1. */
	keepUserFolder?: boolean;
	log?: (line: string) => void;
}

const QUIET_OFFLINE_ENV = {
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	N8N_PERSONALIZATION_ENABLED: 'false',
	N8N_VERIFIED_PACKAGES_ENABLED: 'false',
	N8N_SECURE_COOKIE: 'false',
	N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
	N8N_HIRING_BANNER_ENABLED: 'false',
	N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
	N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
};

/**
 * One real n8n (the pinned runtime on Node 24) with its own user folder, SQLite database and ports, and
 * this package installed as a community package. CLI commands (import, execute) run against the same
 * folder; REST and the public API drive the running server.
 */
export class N8nInstance {
	readonly userFolder: string;
	readonly port: number;
	readonly baseUrl: string;
	readonly logFile: string;
	owner: N8nOwner | undefined;
	private server: ChildProcess | undefined;
	private logStream: WriteStream | undefined;
	private exited: Promise<void> | undefined;

	private constructor(
		private readonly runtime: N8nRuntime,
		private readonly baseEnv: NodeJS.ProcessEnv,
		userFolder: string,
		port: number,
		private readonly options: N8nInstanceOptions,
	) {
		this.userFolder = userFolder;
		this.port = port;
		this.baseUrl = `http://127.0.0.1:${port}`;
		this.logFile = join(userFolder, 'n8n.log');
	}

	/** Prepares a user folder with the community package; n8n itself is not running yet. */
	static async create(options: N8nInstanceOptions = {}): Promise<N8nInstance> {
		const runtime = requireN8nRuntime();
		const userFolder = options.userFolder ?? mkdtempSync(join(tmpdir(), 'n8n-e2e-'));
		trackTempFolder(userFolder);
		if (!options.userFolder) installCommunityNodes(userFolder);
		const port = options.port ?? (await freePort());
		const inherited = Object.fromEntries(
			Object.entries(process.env).filter(([key]) => !/^(npm_|JEST_|NODE_OPTIONS$|NODE_ENV$|TS_NODE_)/i.test(key)),
		);
		const env: NodeJS.ProcessEnv = {
			...inherited,
			...QUIET_OFFLINE_ENV,
			PATH: runtime.path,
			N8N_USER_FOLDER: userFolder,
			N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `http://127.0.0.1:${port}/`,
			N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
			...options.env,
		};
		return new N8nInstance(runtime, env, userFolder, port, options);
	}

	private log(line: string): void {
		(this.options.log ?? (() => {}))(line);
	}

	/** Runs `n8n <args>` against this instance's folder; each call gets its own task-broker port. */
	async cli(args: string[], { timeoutMs = 180_000 } = {}): Promise<ProcessResult> {
		const env = { ...this.baseEnv, N8N_RUNNERS_BROKER_PORT: String(await freePort()), N8N_LOG_LEVEL: 'info' };
		return await runProcess(this.runtime.nodeBin, [this.runtime.n8nBin, ...args], { env, cwd: this.userFolder, timeoutMs });
	}

	private async mustCli(args: string[]): Promise<ProcessResult> {
		const result = await this.cli(args);
		if (result.code !== 0) {
			throw new Error(`n8n ${args.join(' ')} failed (exit ${result.code}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
		}
		return result;
	}

	async importCredentials(credentials: CredentialImport[]): Promise<void> {
		const file = join(this.userFolder, `credentials-${randomBytes(4).toString('hex')}.json`);
		writeFileSync(file, JSON.stringify(credentials));
		try {
			await this.mustCli(['import:credentials', `--input=${file}`]);
		} finally {
			rmSync(file, { force: true });
		}
	}

	async importWorkflows(workflows: WorkflowImport[]): Promise<void> {
		const file = join(this.userFolder, `workflows-${randomBytes(4).toString('hex')}.json`);
		writeFileSync(file, JSON.stringify(workflows));
		try {
			await this.mustCli(['import:workflow', `--input=${file}`]);
		} finally {
			rmSync(file, { force: true });
		}
	}

	/**
	 * `n8n execute --id=<id> --rawOutput`: runs a workflow that starts at a Manual Trigger in a separate
	 * n8n process and returns the run data it prints.
	 */
	async execute(workflowId: string): Promise<ExecuteResult> {
		// Every workflow these suites execute repeats safely (keyed sends), which is what a rerun needs.
		const run = async (): Promise<ProcessResult> => await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		return parseExecuteOutput(await retryOnceAfterOutsideSignal(run, (line) => process.stderr.write(`${line}\n`)));
	}

	/**
	 * Starts `n8n start` and waits until it serves requests. The first start creates the owner and an API key
	 * (unless told not to); a restart logs the owner in again.
	 */
	async start({ setupOwner = true } = {}): Promise<void> {
		if (this.server) throw new Error('n8n is already running');
		const env = { ...this.baseEnv, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
		this.logStream = createWriteStream(this.logFile, { flags: 'a' });
		const child = spawn(this.runtime.nodeBin, [this.runtime.n8nBin, 'start'], {
			env,
			cwd: this.userFolder,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		this.server = child;
		trackProcessGroup(child);
		child.stdout?.pipe(this.logStream, { end: false });
		child.stderr?.pipe(this.logStream, { end: false });
		// 'close' comes after the output pipes have drained, so the log holds n8n's last words.
		this.exited = new Promise((resolve) => child.on('close', () => resolve()));
		this.log(`[e2e] n8n starting on ${this.baseUrl} (user folder ${this.userFolder})`);
		const started = Date.now();
		await this.waitUntilReady(child);
		this.log(`[e2e] n8n ready after ${Math.round((Date.now() - started) / 1000)} s`);
		if (this.owner) {
			// A restart: the owner and API key are in the database; only the session is new.
			const rest = await N8nRest.login(this.baseUrl, this.owner.email, this.owner.password, this.owner.apiKey);
			this.owner = { ...this.owner, rest };
		} else if (setupOwner) {
			this.owner = await N8nRest.setupOwner(this.baseUrl);
		}
	}

	private async waitUntilReady(child: ChildProcess, timeoutMs = 240_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		let exitCode: number | null | undefined;
		child.once('close', (code) => (exitCode = code));
		while (Date.now() < deadline) {
			if (exitCode !== undefined) {
				await new Promise((resolve) => this.logStream?.write('', resolve));
				throw new Error(`n8n exited during start (code ${exitCode}). Log tail:\n${this.logTail()}`);
			}
			try {
				const response = await fetch(`${this.baseUrl}/healthz/readiness`);
				if (response.status === 200) return;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 300));
		}
		throw new Error(`n8n did not become ready within ${timeoutMs / 1000} s. Log tail:\n${this.logTail()}`);
	}

	/** The last lines n8n wrote, for failure messages. */
	logTail(lines = 60): string {
		try {
			return readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
		} catch {
			return '(no log)';
		}
	}

	/** The REST/public-API client of the owner created by start(). */
	get rest(): N8nRest {
		if (!this.owner) throw new Error('n8n has no owner yet: call start() first');
		return this.owner.rest;
	}

	/** Stops the server (SIGTERM, then SIGKILL after a grace period). Safe to call twice. */
	async stop(): Promise<void> {
		const child = this.server;
		this.server = undefined;
		if (child && child.exitCode === null && child.pid !== undefined) {
			killGroup(child.pid, 'SIGTERM');
			const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 20_000).unref());
			if ((await Promise.race([this.exited, timeout])) === 'timeout') killGroup(child.pid, 'SIGKILL');
		}
		this.logStream?.end();
	}

	/** Stops n8n and deletes its user folder (unless asked to keep it). */
	async dispose(): Promise<void> {
		await this.stop();
		forgetTempFolder(this.userFolder);
		if (this.options.keepUserFolder || process.env.N8N_E2E_KEEP === '1') {
			this.log(`[e2e] kept n8n user folder ${this.userFolder}`);
			return;
		}
		rmSync(this.userFolder, { recursive: true, force: true });
	}
}

export interface ExecuteResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	/** The run data n8n printed (`--rawOutput`), or undefined when it printed none. */
	data: ExecuteRunData | undefined;
	stdout: string;
	stderr: string;
}

/** The run as `n8n execute` prints it (n8n's IRun). */
export interface ExecuteRunData {
	status?: string;
	finished?: boolean;
	data: {
		resultData: {
			runData: Record<
				string,
				Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> }; error?: { message: string; description?: string } }>
			>;
			error?: { message: string; description?: string };
			lastNodeExecuted?: string;
		};
	};
}

/**
 * n8n prints the run as indented JSON among whatever it logs (at info level, which is also the level
 * `execute` prints the run at): take the last top-level JSON object that is a run.
 */
export function parseExecuteOutput(result: ProcessResult): ExecuteResult {
	const lines = result.stdout.split('\n');
	let data: ExecuteRunData | undefined;
	for (let i = lines.length - 1; i >= 0 && data === undefined; i--) {
		if (lines[i] !== '{') continue;
		// Indented JSON closes at column 0; log lines (the task runner's, say) may follow it.
		const end = lines.indexOf('}', i);
		if (end < 0) continue;
		try {
			const parsed = JSON.parse(lines.slice(i, end + 1).join('\n')) as ExecuteRunData;
			if (parsed && typeof parsed === 'object' && 'data' in parsed) data = parsed;
		} catch {
			// a '{' line inside the JSON, or a log line: keep looking further up
		}
	}
	return { code: result.code, signal: result.signal, data, stdout: result.stdout, stderr: result.stderr };
}

/** Asserts `n8n execute` exited 0; when it did not, the failure shows how it ended and its last output. */
export function expectExitedCleanly(result: ExecuteResult): void {
	const ended = (r: ExecuteResult) => ({ code: r.code, signal: r.signal, lastOutput: r.code === 0 ? '' : `${r.stdout.slice(-1500)}\n${r.stderr.slice(-1500)}` });
	expect(ended(result)).toEqual({ code: 0, signal: null, lastOutput: '' });
}

/** The items a node produced on its first output in the first run of an `n8n execute` result. */
export function nodeOutput(result: ExecuteResult, nodeName: string): Array<Record<string, unknown>> {
	const runs = result.data?.data.resultData.runData[nodeName];
	if (!runs || runs.length === 0) {
		const error = result.data?.data.resultData.error;
		throw new Error(
			`Node "${nodeName}" did not run${error ? ` (workflow error: ${error.message})` : ''}. n8n printed:\n` +
				`${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`,
		);
	}
	return (runs[0].data?.main[0] ?? []).map((item) => item.json);
}
