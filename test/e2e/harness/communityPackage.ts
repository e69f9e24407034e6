import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { runProcess } from './processRunner';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
export const E2E_CACHE = join(REPO_ROOT, '.cache', 'e2e');

/**
 * This run's folder for the packed package and the prepared `.n8n/nodes` folder that every n8n of the run
 * copies. One per run (named in N8N_E2E_RUN_DIR, which test workers inherit), because several people
 * may run the suites in one checkout at the same time.
 */
export function e2eRunDir(): string {
	process.env.N8N_E2E_RUN_DIR ??= join(E2E_CACHE, `run-${process.pid}`);
	return process.env.N8N_E2E_RUN_DIR;
}
const packDir = () => join(e2eRunDir(), 'pack');
const preparedNodesDir = () => join(e2eRunDir(), 'community-nodes');

/** Removes this run's folder (the global teardown and the demo call it). */
export function removeE2eRunDir(): void {
	if (process.env.N8N_E2E_RUN_DIR) rmSync(process.env.N8N_E2E_RUN_DIR, { recursive: true, force: true });
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

async function mustRun(label: string, command: string, args: string[], cwd: string): Promise<string> {
	// npm_config_* from an outer `npm test` (ignore-scripts and the like) must not leak into these installs.
	const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)));
	const result = await runProcess(command, args, { cwd, env, timeoutMs: 10 * 60_000 });
	if (result.code !== 0) {
		throw new Error(`${label} failed (exit ${result.code}):\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
	}
	return result.stdout;
}

/**
 * Where the package is built from: the working tree by default; with E2E_BUILD_FROM=HEAD a clean export
 * of the last commit (useful while uncommitted work elsewhere in the tree does not compile yet).
 */
export function packageSourceDir(): string {
	return process.env.E2E_BUILD_FROM === 'HEAD' ? headExportDir() : REPO_ROOT;
}
const headExportDir = () => join(e2eRunDir(), 'head-src');

async function exportHead(log: (line: string) => void): Promise<void> {
	const exportDir = headExportDir();
	rmSync(exportDir, { recursive: true, force: true });
	mkdirSync(exportDir, { recursive: true });
	const commit = (await mustRun('git rev-parse', 'git', ['rev-parse', '--short', 'HEAD'], REPO_ROOT)).trim();
	log(`[e2e] building from commit ${commit} (E2E_BUILD_FROM=HEAD)`);
	await mustRun('git archive', 'sh', ['-c', `git archive --format=tar HEAD | tar -x -C '${exportDir}'`], REPO_ROOT);
	symlinkSync(join(REPO_ROOT, 'node_modules'), join(exportDir, 'node_modules'), 'dir');
}

/** `npm run build` then `npm pack`: exactly the files a user's n8n would download from the registry. */
export async function buildAndPack(log: (line: string) => void = () => {}): Promise<string> {
	const source = packageSourceDir();
	if (source !== REPO_ROOT) await exportHead(log);
	log('[e2e] building the package');
	await mustRun('npm run build', npm, ['run', 'build', '--silent'], source);
	const destination = packDir();
	rmSync(destination, { recursive: true, force: true });
	mkdirSync(destination, { recursive: true });
	// --ignore-scripts: the build just ran; prepack would only build again.
	const out = await mustRun('npm pack', npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], source);
	const [packed] = JSON.parse(out) as Array<{ filename: string; files: Array<{ path: string }> }>;
	const tarball = join(destination, packed.filename);
	log(`[e2e] packed ${packed.filename} (${packed.files.length} files)`);
	return tarball;
}

/** The `.tgz` this run's global setup packed (what a user downloads, or makes with `npm pack`). */
export function packedTarball(): string {
	const files = existsSync(packDir()) ? readdirSync(packDir()).filter((file) => file.endsWith('.tgz')) : [];
	if (files.length !== 1) throw new Error(`Expected one packed .tgz in ${packDir()}, found ${files.length}: run the e2e global setup (npm run test:e2e).`);
	return join(packDir(), files[0]);
}

/**
 * Installs the packed package the way n8n's Community Nodes screen does: into `<folder>/node_modules`
 * with its runtime dependencies beside it, recorded in `<folder>/package.json` by version. Peer
 * dependencies (n8n-workflow) are n8n's own and are not installed.
 */
export async function prepareCommunityNodesFolder(tarball: string, folder = preparedNodesDir()): Promise<string> {
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }));
	await mustRun(
		'npm install of the packed package',
		npm,
		['install', '--ignore-scripts', '--omit=dev', '--omit=peer', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', tarball],
		folder,
	);
	const installed = JSON.parse(
		readFileSync(join(folder, 'node_modules', 'n8n-nodes-shopify-pos', 'package.json'), 'utf8'),
	) as { name: string; version: string };
	writeFileSync(
		join(folder, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [installed.name]: installed.version } }, null, 2),
	);
	return folder;
}

/** Puts the prepared community nodes into an n8n user folder (`$N8N_USER_FOLDER/.n8n/nodes`). */
export function installCommunityNodes(userFolder: string, prepared = preparedNodesDir()): void {
	if (!existsSync(join(prepared, 'node_modules', 'n8n-nodes-shopify-pos'))) {
		throw new Error(`No prepared community package in ${prepared}: run the e2e global setup (npm run test:e2e).`);
	}
	const target = join(userFolder, '.n8n', 'nodes');
	mkdirSync(target, { recursive: true });
	cpSync(prepared, target, { recursive: true });
}
