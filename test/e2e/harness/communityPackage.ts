import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { runProcess } from './processRunner';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
export const E2E_CACHE = join(REPO_ROOT, '.cache', 'e2e');
const PACK_DIR = join(E2E_CACHE, 'pack');
/** A ready `.n8n/nodes` folder, made once per test run and copied into every n8n user folder. */
export const PREPARED_NODES_DIR = join(E2E_CACHE, 'community-nodes');

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
	return process.env.E2E_BUILD_FROM === 'HEAD' ? HEAD_EXPORT_DIR : REPO_ROOT;
}
const HEAD_EXPORT_DIR = join(E2E_CACHE, 'head-src');

async function exportHead(log: (line: string) => void): Promise<void> {
	rmSync(HEAD_EXPORT_DIR, { recursive: true, force: true });
	mkdirSync(HEAD_EXPORT_DIR, { recursive: true });
	const commit = (await mustRun('git rev-parse', 'git', ['rev-parse', '--short', 'HEAD'], REPO_ROOT)).trim();
	log(`[e2e] building from commit ${commit} (E2E_BUILD_FROM=HEAD)`);
	await mustRun('git archive', 'sh', ['-c', `git archive --format=tar HEAD | tar -x -C '${HEAD_EXPORT_DIR}'`], REPO_ROOT);
	symlinkSync(join(REPO_ROOT, 'node_modules'), join(HEAD_EXPORT_DIR, 'node_modules'), 'dir');
}

/** `npm run build` then `npm pack`: exactly the files a user's n8n would download from the registry. */
export async function buildAndPack(log: (line: string) => void = () => {}): Promise<string> {
	const source = packageSourceDir();
	if (source === HEAD_EXPORT_DIR) await exportHead(log);
	log('[e2e] building the package');
	await mustRun('npm run build', npm, ['run', 'build', '--silent'], source);
	rmSync(PACK_DIR, { recursive: true, force: true });
	mkdirSync(PACK_DIR, { recursive: true });
	// --ignore-scripts: the build just ran; prepack would only build again.
	const out = await mustRun('npm pack', npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', PACK_DIR], source);
	const [packed] = JSON.parse(out) as Array<{ filename: string; files: Array<{ path: string }> }>;
	const tarball = join(PACK_DIR, packed.filename);
	log(`[e2e] packed ${packed.filename} (${packed.files.length} files)`);
	return tarball;
}

/**
 * Installs the packed package the way n8n's Community Nodes screen does: into `<folder>/node_modules`
 * with its runtime dependencies beside it, recorded in `<folder>/package.json` by version. Peer
 * dependencies (n8n-workflow) are n8n's own and are not installed.
 */
export async function prepareCommunityNodesFolder(tarball: string, folder = PREPARED_NODES_DIR): Promise<string> {
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
export function installCommunityNodes(userFolder: string, prepared = PREPARED_NODES_DIR): void {
	if (!existsSync(join(prepared, 'node_modules', 'n8n-nodes-shopify-pos'))) {
		throw new Error(`No prepared community package in ${prepared}: run the e2e global setup (npm run test:e2e).`);
	}
	const target = join(userFolder, '.n8n', 'nodes');
	mkdirSync(target, { recursive: true });
	cpSync(prepared, target, { recursive: true });
}
