#!/usr/bin/env node
// Prepares the real n8n that the e2e tests and the demo run: Node 24 (n8n 2.x refuses older Node) and
// n8n itself, installed once into a git-ignored cache folder and reused while a marker says it is complete.
//
// Why these steps (checked on this kind of machine, see the repository's N8N notes):
// - Node 24 comes from the npm package `node@24`, because the only registry reachable is npm.
// - n8n 2.41.3 needs a package the registry lacks; 2.41.1 installs. Pinned.
// - A plain install fails: @confluentinc/kafka-javascript downloads native code from the internet. So
//   install with --ignore-scripts, then compile only the two native modules n8n needs to start
//   (sqlite3 for its database, isolated-vm for expressions) with Node 24 first on PATH.
//
// Usage: `node scripts/n8nRuntime.js` (prints progress; exits 0 when the runtime is ready).
// From code: `const { ensureN8nRuntime } = require('./scripts/n8nRuntime')`.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const { RUNTIME_CACHE } = require('./runtimeCache');
const { NPM, capture, envWithoutNpmConfig, formatSeconds, readJson, runStep, withInstallLock } = require('./installSteps');

const N8N_VERSION = '2.41.1';
const NODE_MAJOR = '24';
const RUNTIME_DIR = path.join(RUNTIME_CACHE, `n8n-${N8N_VERSION}`);
const MARKER = path.join(RUNTIME_DIR, 'complete.json');
const NODE_DIR = path.join(RUNTIME_DIR, 'node');
const N8N_DIR = path.join(RUNTIME_DIR, 'n8n');
const NODE_BIN_DIR = path.join(NODE_DIR, 'node_modules', '.bin');
const NODE_BIN = path.join(NODE_BIN_DIR, 'node');
const N8N_BIN = path.join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
const PREFIX = '[n8n runtime]';
const RETRY_HINT = `Delete ${RUNTIME_DIR} and run \`node scripts/n8nRuntime.js\` again.`;

/** Paths and environment of a prepared runtime. */
function runtimePaths() {
	return {
		n8nVersion: N8N_VERSION,
		runtimeDir: RUNTIME_DIR,
		nodeBin: NODE_BIN,
		n8nBin: N8N_BIN,
		/** PATH with Node 24 first: n8n and the native modules must all see the same Node. */
		path: `${NODE_BIN_DIR}${path.delimiter}${process.env.PATH ?? ''}`,
	};
}

function isComplete() {
	const marker = readJson(MARKER);
	return marker !== undefined && marker.n8nVersion === N8N_VERSION && fs.existsSync(NODE_BIN) && fs.existsSync(N8N_BIN);
}

function writePackageJson(dir, name) {
	fs.mkdirSync(dir, { recursive: true });
	// An own package.json makes npm treat this folder as the project: the repository's .npmrc and lock
	// file stay out of it, and nothing lands in the repository's node_modules.
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify({ name, private: true, description: 'n8n runtime for e2e tests and the demo' }, null, 2),
	);
}

/**
 * Installs Node 24 and n8n into <runtime cache>/n8n-<version>/ unless a complete install is already there.
 * Returns the runtime's paths.
 */
async function ensureN8nRuntime({ log = (line) => console.log(line) } = {}) {
	if (isComplete()) return runtimePaths();
	return await withInstallLock(RUNTIME_DIR, PREFIX, log, async () => {
		if (isComplete()) return runtimePaths();
		const started = Date.now();
		log(`${PREFIX} preparing n8n ${N8N_VERSION} on Node ${NODE_MAJOR} in ${RUNTIME_DIR} (once; ~5 min, ~2.8 GB)`);
		const quiet = ['--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=error'];
		const step = (label, args, options) => runStep({ prefix: PREFIX, label, command: NPM, args, log, retryHint: RETRY_HINT, ...options });
		const cleanEnv = envWithoutNpmConfig();
		if (!fs.existsSync(NODE_BIN)) {
			writePackageJson(NODE_DIR, 'n8n-runtime-node');
			// node@24 runs an install script that fetches its platform binary package from the same registry.
			await step(`installing Node ${NODE_MAJOR} (npm package node@${NODE_MAJOR})`, ['install', ...quiet, `node@${NODE_MAJOR}`], {
				cwd: NODE_DIR,
				env: cleanEnv,
			});
		}
		const env = { ...cleanEnv, PATH: runtimePaths().path };
		const nodeVersion = await capture(NODE_BIN, ['--version']);
		log(`${PREFIX} Node ${nodeVersion}`);

		if (!fs.existsSync(N8N_BIN) || readJson(MARKER)?.n8nVersion !== N8N_VERSION) {
			writePackageJson(N8N_DIR, 'n8n-runtime');
			await step(`installing n8n@${N8N_VERSION} (scripts off)`, ['install', ...quiet, '--ignore-scripts', `n8n@${N8N_VERSION}`], {
				cwd: N8N_DIR,
				env,
				progressDir: N8N_DIR,
			});
		}
		await step('compiling sqlite3 and isolated-vm for Node 24', ['rebuild', '--loglevel=error', 'sqlite3', 'isolated-vm'], { cwd: N8N_DIR, env });
		const n8nVersion = await capture(NODE_BIN, [N8N_BIN, '--version'], env);
		fs.writeFileSync(
			MARKER,
			JSON.stringify({ n8nVersion: N8N_VERSION, reported: n8nVersion, node: nodeVersion, completedAt: new Date().toISOString() }, null, 2),
		);
		log(`${PREFIX} ready: n8n ${n8nVersion} on Node ${nodeVersion} (${formatSeconds(Date.now() - started)})`);
		return runtimePaths();
	});
}

module.exports = { ensureN8nRuntime, runtimePaths, isComplete, N8N_VERSION };

if (require.main === module) {
	ensureN8nRuntime().catch((error) => {
		console.error(`${PREFIX} ${error.message}`);
		process.exit(1);
	});
}
