import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, installCommunityNodes, parseExecuteOutput, REPO_ROOT, type CredentialImport, type ExecuteResult, type WorkflowImport } from '../harness';
import { retryOnceAfterOutsideSignal, runProcess, type ProcessResult } from '../harness/processRunner';

interface N8n1Runtime {
	n8nVersion: string;
	nodeBin: string;
	n8nBin: string;
	path: string;
}

interface N8n1RuntimeScript {
	preparedN8n1Runtime(): N8n1Runtime | undefined;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtimeScript = require(join(REPO_ROOT, 'scripts', 'n8n1Runtime.js')) as N8n1RuntimeScript;

/**
 * n8n 1.x (scripts/n8n1Runtime.js) with its own user folder and SQLite database and this package installed
 * as a community package, driven through its CLI: import, then `n8n execute` of Manual Trigger workflows.
 */
export class N8n1Instance {
	private constructor(
		readonly runtime: N8n1Runtime,
		readonly userFolder: string,
		private readonly env: NodeJS.ProcessEnv,
	) {}

	static create(): N8n1Instance {
		const runtime = runtimeScript.preparedN8n1Runtime();
		if (!runtime) throw new Error('n8n 1.x is not installed: run `node scripts/n8n1Runtime.js` (or `npm run test:scale`).');
		const userFolder = mkdtempSync(join(tmpdir(), 'n8n1-e2e-'));
		installCommunityNodes(userFolder);
		const inherited = Object.fromEntries(
			Object.entries(process.env).filter(([key]) => !/^(npm_|JEST_|NODE_OPTIONS$|NODE_ENV$|TS_NODE_|N8N_|DB_|QUEUE_|EXECUTIONS_)/i.test(key)),
		);
		return new N8n1Instance(runtime, userFolder, {
			...inherited,
			PATH: runtime.path,
			N8N_USER_FOLDER: userFolder,
			N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
		});
	}

	async cli(args: string[], timeoutMs = 600_000): Promise<ProcessResult> {
		const env = { ...this.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()), N8N_PORT: String(await freePort()) };
		return await runProcess(this.runtime.nodeBin, [this.runtime.n8nBin, ...args], { env, cwd: this.userFolder, timeoutMs });
	}

	private async importFile(kind: 'credentials' | 'workflow', content: unknown): Promise<void> {
		const file = join(this.userFolder, `${kind}-${randomBytes(4).toString('hex')}.json`);
		writeFileSync(file, JSON.stringify(content));
		try {
			const result = await this.cli([`import:${kind}`, `--input=${file}`]);
			if (result.code !== 0) throw new Error(`n8n import:${kind} failed (exit ${result.code}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
		} finally {
			rmSync(file, { force: true });
		}
	}

	async importCredentials(credentials: CredentialImport[]): Promise<void> {
		await this.importFile('credentials', credentials);
	}

	async importWorkflows(workflows: WorkflowImport[]): Promise<void> {
		await this.importFile('workflow', workflows);
	}

	async version(): Promise<string> {
		const result = await this.cli(['--version']);
		return result.stdout.trim().split('\n').pop() ?? '';
	}

	/** `n8n execute --id=<id> --rawOutput`, parsed as the 2.x harness parses it (the printed run is the same shape). */
	async execute(workflowId: string): Promise<ExecuteResult> {
		const run = async (): Promise<ProcessResult> => await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		return parseExecuteOutput(await retryOnceAfterOutsideSignal(run, (line) => process.stderr.write(`${line}\n`)));
	}

	dispose(): void {
		if (process.env.N8N_E2E_KEEP === '1') return;
		rmSync(this.userFolder, { recursive: true, force: true });
	}
}
