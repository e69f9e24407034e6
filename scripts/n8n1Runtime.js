#!/usr/bin/env node
// Prepares n8n 1.x (the newest 1.x that installs from the registry here) for the n8n 1.x e2e suite,
// installed once into a git-ignored cache folder beside the 2.x runtime and reused while a marker says it
// is complete. It runs on the same Node 24 that scripts/n8nRuntime.js installs.
//
// Why these steps (checked on this kind of machine, see the repository's N8N notes):
// - n8n 1.x depends on `xlsx` from a download site that cannot be reached; an npm `overrides` entry in the
//   installing folder takes the registry's xlsx 0.18.5 instead.
// - Install with --ignore-scripts (kafka's native download fails), then compile sqlite3 and isolated-vm with
//   Node 24 first on PATH: n8n 1.x refuses to evaluate expressions without isolated-vm, and isolated-vm does
//   not build on Node 20.
//
// Usage: `node scripts/n8n1Runtime.js` (prints progress; exits 0 when the runtime is ready).
// From code: `const { ensureN8n1Runtime } = require('./scripts/n8n1Runtime')`.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const { ensureN8nRuntime } = require('./n8nRuntime');
const { RUNTIME_CACHE } = require('./runtimeCache');
const { NPM, capture, envWithoutNpmConfig, formatSeconds, readJson, runStep, withInstallLock } = require('./installSteps');

const N8N_VERSION = '1.123.81';
const XLSX_FROM_REGISTRY = '0.18.5';
const RUNTIME_DIR = path.join(RUNTIME_CACHE, `n8n-${N8N_VERSION}`);
const MARKER = path.join(RUNTIME_DIR, 'complete.json');
const N8N_DIR = path.join(RUNTIME_DIR, 'n8n');
const N8N_BIN = path.join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
const PREFIX = '[n8n 1.x runtime]';
const RETRY_HINT = `Delete ${RUNTIME_DIR} and run \`node scripts/n8n1Runtime.js\` again.`;

function isComplete() {
	const marker = readJson(MARKER);
	return marker !== undefined && marker.n8nVersion === N8N_VERSION && fs.existsSync(N8N_BIN);
}

/** Paths of the prepared 1.x runtime; Node 24 is the 2.x runtime's (see scripts/n8nRuntime.js). */
function runtimePaths(node) {
	return { n8nVersion: N8N_VERSION, runtimeDir: RUNTIME_DIR, nodeBin: node.nodeBin, n8nBin: N8N_BIN, path: node.path };
}

/** Installs n8n 1.x into <runtime cache>/n8n-<version>/ unless a complete install is there. Returns its paths. */
async function ensureN8n1Runtime({ log = (line) => console.log(line) } = {}) {
	const node = await ensureN8nRuntime({ log });
	if (isComplete()) return runtimePaths(node);
	return await withInstallLock(RUNTIME_DIR, PREFIX, log, async () => {
		if (isComplete()) return runtimePaths(node);
		const started = Date.now();
		log(`${PREFIX} preparing n8n ${N8N_VERSION} in ${RUNTIME_DIR} (once; several minutes, ~2 GB)`);
		const env = { ...envWithoutNpmConfig(), PATH: node.path };
		const step = (label, args, options) => runStep({ prefix: PREFIX, label, command: NPM, args, cwd: N8N_DIR, env, log, retryHint: RETRY_HINT, ...options });
		fs.mkdirSync(N8N_DIR, { recursive: true });
		// Its own package.json keeps the repository's .npmrc and lock file out; `overrides` only works here.
		fs.writeFileSync(
			path.join(N8N_DIR, 'package.json'),
			JSON.stringify(
				{ name: 'n8n1-runtime', private: true, description: 'n8n 1.x for the e2e suite', overrides: { xlsx: XLSX_FROM_REGISTRY } },
				null,
				2,
			),
		);
		if (!fs.existsSync(N8N_BIN)) {
			await step(
				`installing n8n@${N8N_VERSION} (scripts off)`,
				['install', '--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=error', '--ignore-scripts', `n8n@${N8N_VERSION}`],
				{ progressDir: N8N_DIR },
			);
		}
		await step('compiling sqlite3 and isolated-vm for Node 24', ['rebuild', '--loglevel=error', 'sqlite3', 'isolated-vm']);
		const reported = await capture(node.nodeBin, [N8N_BIN, '--version'], env);
		fs.writeFileSync(MARKER, JSON.stringify({ n8nVersion: N8N_VERSION, reported, completedAt: new Date().toISOString() }, null, 2));
		log(`${PREFIX} ready: n8n ${reported} (${formatSeconds(Date.now() - started)})`);
		return runtimePaths(node);
	});
}

/** The prepared 1.x runtime's paths, without installing (undefined when it is not ready). */
function preparedN8n1Runtime() {
	const { runtimePaths: nodeRuntime, isComplete: nodeReady } = require('./n8nRuntime');
	if (!isComplete() || !nodeReady()) return undefined;
	return runtimePaths(nodeRuntime());
}

module.exports = { ensureN8n1Runtime, preparedN8n1Runtime, isComplete, N8N_VERSION };

if (require.main === module) {
	ensureN8n1Runtime().catch((error) => {
		console.error(`${PREFIX} ${error.message}`);
		process.exit(1);
	});
}
