import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, installCommunityNodes, N8nRest, REPO_ROOT, type CredentialImport, type WorkflowImport } from '../harness';
import { runProcess, type ProcessResult } from '../harness/processRunner';
import { requireN8nRuntime } from '../harness/runtime';
import { N8nProcess, type N8nRole } from './n8nProcess';
import { RoundRobinProxy } from './roundRobinProxy';

/** What scripts/services.js starts: PostgreSQL and Redis on loopback, and n8n's variables for them. */
export interface QueueServices {
	postgres: { host: string; port: number; database: string; user: string; password: string };
	redis: { host: string; port: number };
	n8nEnv: Record<string, string>;
	stop(): Promise<void>;
}

interface ServicesScript {
	startServices(options?: { log?: (line: string) => void }): Promise<QueueServices>;
}

// Plain JavaScript, so CI and a person can start the services with `node scripts/services.js` too.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const servicesScript = require(join(REPO_ROOT, 'scripts', 'services.js')) as ServicesScript;

export interface QueueClusterOptions {
	webhookProcesses?: number;
	workers?: number;
	/** Jobs one worker runs at once (`n8n worker --concurrency`). */
	workerConcurrency?: number;
	/** Extra environment for every process. */
	env?: Record<string, string>;
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
 * n8n 2.x in queue mode on one machine, as the n8n docs describe it: PostgreSQL and Redis shared by a main
 * process (editor, API, publishing triggers; it serves no production webhooks), webhook processes behind a
 * round-robin proxy (the URL Shopify is given), and workers that run the executions. Every process shares
 * the encryption key and the database; each has its own user folder with the community package installed,
 * its own ports and its own memory (so its own Shopify token cache).
 */
export class QueueCluster {
	readonly main: N8nProcess;
	readonly webhooks: N8nProcess[];
	readonly workers: N8nProcess[];
	readonly proxy: RoundRobinProxy;
	owner: { rest: N8nRest } | undefined;
	private readonly folders: string[];

	private constructor(
		readonly services: QueueServices,
		readonly mainUrl: string,
		private readonly cliEnv: NodeJS.ProcessEnv,
		private readonly cliFolder: string,
		parts: { main: N8nProcess; webhooks: N8nProcess[]; workers: N8nProcess[]; proxy: RoundRobinProxy; folders: string[] },
		private readonly log: (line: string) => void,
	) {
		this.main = parts.main;
		this.webhooks = parts.webhooks;
		this.workers = parts.workers;
		this.proxy = parts.proxy;
		this.folders = parts.folders;
	}

	/** The public webhook base URL (the proxy), as Shopify and a POS see it. */
	get webhookUrl(): string {
		return this.proxy.url;
	}

	get rest(): N8nRest {
		if (!this.owner) throw new Error('the cluster has no owner yet');
		return this.owner.rest;
	}

	get processes(): N8nProcess[] {
		return [this.main, ...this.webhooks, ...this.workers];
	}

	/** Starts the services, the proxy, the main (which migrates the database), then webhook processes and workers. */
	static async start(options: QueueClusterOptions = {}): Promise<QueueCluster> {
		const log = options.log ?? (() => {});
		const runtime = requireN8nRuntime();
		const started = Date.now();
		const services = await servicesScript.startServices({ log });
		const folders: string[] = [];
		let proxy: RoundRobinProxy | undefined;
		try {
			const webhookPorts: number[] = [];
			for (let i = 0; i < (options.webhookProcesses ?? 2); i++) webhookPorts.push(await freePort());
			proxy = new RoundRobinProxy(webhookPorts);
			const proxyUrl = await proxy.start();
			const inherited = Object.fromEntries(
				Object.entries(process.env).filter(([key]) => !/^(npm_|JEST_|NODE_OPTIONS$|NODE_ENV$|TS_NODE_|N8N_|DB_|QUEUE_|EXECUTIONS_)/i.test(key)),
			);
			const mainPort = await freePort();
			const shared: NodeJS.ProcessEnv = {
				...inherited,
				...QUIET_OFFLINE_ENV,
				...services.n8nEnv,
				PATH: runtime.path,
				EXECUTIONS_MODE: 'queue',
				N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				N8N_HOST: '127.0.0.1',
				N8N_PROTOCOL: 'http',
				// Webhook URLs n8n registers (with Shopify, in the editor) point at the proxy, not at one process.
				WEBHOOK_URL: `${proxyUrl}/`,
				N8N_EDITOR_BASE_URL: `http://127.0.0.1:${mainPort}/`,
				N8N_LOG_LEVEL: 'info',
				N8N_LOG_OUTPUT: 'console',
				N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '15',
				// n8n's default pool of 2 connections (and 7 too, seen) makes a webhook process that receives a
				// burst of deliveries wait 20 s for a connection and fail them ("timeout exceeded when trying to
				// connect", "Workflow could not be started!"): a bigger pool and a longer wait.
				DB_POSTGRESDB_POOL_SIZE: '20',
				DB_POSTGRESDB_CONNECTION_TIMEOUT: '60000',
				...options.env,
			};
			const processFor = async (role: N8nRole, name: string, port: number, args: string[], extraEnv: Record<string, string>): Promise<N8nProcess> => {
				const userFolder = mkdtempSync(join(tmpdir(), `n8n-queue-${name}-`));
				folders.push(userFolder);
				installCommunityNodes(userFolder);
				return new N8nProcess({
					role,
					name,
					nodeBin: runtime.nodeBin,
					n8nBin: runtime.n8nBin,
					args,
					cwd: userFolder,
					logFile: join(userFolder, `${name}.log`),
					readinessUrl: `http://127.0.0.1:${port}/healthz/readiness`,
					env: { ...shared, N8N_USER_FOLDER: userFolder, N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...extraEnv },
				});
			};
			const main = await processFor('main', 'main', mainPort, ['start'], {
				N8N_PORT: String(mainPort),
				// Production webhooks are the webhook processes' job; the main only publishes them.
				N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
			});
			const webhooks: N8nProcess[] = [];
			for (const [i, port] of webhookPorts.entries()) {
				webhooks.push(await processFor('webhook', `webhook-${i + 1}`, port, ['webhook'], { N8N_PORT: String(port) }));
			}
			const workers: N8nProcess[] = [];
			for (let i = 0; i < (options.workers ?? 2); i++) {
				const healthPort = await freePort();
				workers.push(
					await processFor('worker', `worker-${i + 1}`, healthPort, ['worker', `--concurrency=${options.workerConcurrency ?? 5}`], {
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(healthPort),
						// A worker's own HTTP port is unused, but must not collide with the main's default.
						N8N_PORT: String(await freePort()),
					}),
				);
			}
			// The CLI (import) runs against the same database, from a folder of its own.
			const cliFolder = mkdtempSync(join(tmpdir(), 'n8n-queue-cli-'));
			folders.push(cliFolder);
			installCommunityNodes(cliFolder);
			const cluster = new QueueCluster(
				services,
				`http://127.0.0.1:${mainPort}`,
				{ ...shared, N8N_USER_FOLDER: cliFolder, N8N_PORT: String(mainPort) },
				cliFolder,
				{ main, webhooks, workers, proxy, folders },
				log,
			);
			try {
				// The main runs the database migrations; the others start once the schema is there.
				main.start();
				log(`[queue] main starting on ${cluster.mainUrl}`);
				await main.waitUntilReady();
				for (const part of [...webhooks, ...workers]) part.start();
				await Promise.all([...webhooks, ...workers].map((part) => part.waitUntilReady()));
				cluster.owner = await N8nRest.setupOwner(cluster.mainUrl);
				log(`[queue] 1 main, ${webhooks.length} webhook processes, ${workers.length} workers ready in ${Math.round((Date.now() - started) / 1000)} s; webhooks at ${proxyUrl}`);
				return cluster;
			} catch (error) {
				await cluster.stop();
				throw error;
			}
		} catch (error) {
			if (folders.length === 0) {
				await proxy?.stop();
				await services.stop();
			}
			throw error;
		}
	}

	/** Runs `n8n <args>` against the cluster's database (imports); its own task-broker port. */
	async cli(args: string[], timeoutMs = 180_000): Promise<ProcessResult> {
		const runtime = requireN8nRuntime();
		const env = { ...this.cliEnv, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
		const result = await runProcess(runtime.nodeBin, [runtime.n8nBin, ...args], { env, cwd: this.cliFolder, timeoutMs });
		if (result.code !== 0) throw new Error(`n8n ${args.join(' ')} failed (exit ${result.code}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
		return result;
	}

	async importCredentials(credentials: CredentialImport[]): Promise<void> {
		await this.importFile('credentials', credentials);
	}

	async importWorkflows(workflows: WorkflowImport[]): Promise<void> {
		await this.importFile('workflow', workflows);
	}

	private async importFile(kind: 'credentials' | 'workflow', content: unknown): Promise<void> {
		const file = join(this.cliFolder, `${kind}-${randomBytes(4).toString('hex')}.json`);
		writeFileSync(file, JSON.stringify(content));
		try {
			await this.cli([`import:${kind}`, `--input=${file}`]);
		} finally {
			rmSync(file, { force: true });
		}
	}

	/** Which worker's log says it ran the given execution ("Worker started execution <id>"). */
	workerThatRan(executionId: string): string | undefined {
		const pattern = new RegExp(`started execution ${executionId}\\b`, 'i');
		return this.workers.find((worker) => pattern.test(worker.logText()))?.name;
	}

	/** Stops every process, the proxy and the services; removes the user folders unless N8N_E2E_KEEP=1. */
	async stop(): Promise<void> {
		await Promise.all([...this.webhooks, ...this.workers].map((part) => part.stop()));
		await this.main.stop();
		await this.proxy.stop();
		await this.services.stop();
		if (process.env.N8N_E2E_KEEP === '1') {
			this.log(`[queue] kept user folders: ${this.folders.join(', ')}`);
			return;
		}
		for (const folder of this.folders) rmSync(folder, { recursive: true, force: true });
	}
}
