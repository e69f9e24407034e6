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
const { spawn } = require('node:child_process');

const { ensureN8nRuntime } = require('./n8nRuntime');

const N8N_VERSION = '1.123.81';
const XLSX_FROM_REGISTRY = '0.18.5';
const { RUNTIME_CACHE } = require('./runtimeCache');
const RUNTIME_DIR = path.join(RUNTIME_CACHE, `n8n-${N8N_VERSION}`);
const MARKER = path.join(RUNTIME_DIR, 'complete.json');
const LOCK_DIR = path.join(RUNTIME_DIR, '.installing');
const N8N_DIR = path.join(RUNTIME_DIR, 'n8n');
const N8N_BIN = path.join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n');

function readMarker() {
	try {
		return JSON.parse(fs.readFileSync(MARKER, 'utf8'));
	} catch {
		return undefined;
	}
}

function isComplete() {
	const marker = readMarker();
	return marker !== undefined && marker.n8nVersion === N8N_VERSION && fs.existsSync(N8N_BIN);
}

/** Paths of the prepared 1.x runtime; Node 24 is the 2.x runtime's (see scripts/n8nRuntime.js). */
function runtimePaths(node) {
	return { n8nVersion: N8N_VERSION, runtimeDir: RUNTIME_DIR, nodeBin: node.nodeBin, n8nBin: N8N_BIN, path: node.path };
}

function run(label, command, args, { cwd, env, log }) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		log(`[n8n 1.x runtime] ${label} ...`);
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		const tail = [];
		const keep = (chunk) => {
			for (const line of chunk.toString().split('\n')) {
				if (line.trim() === '') continue;
				tail.push(line);
				if (tail.length > 40) tail.shift();
			}
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		const heartbeat = setInterval(() => log(`[n8n 1.x runtime]   ${label}: ${Math.round((Date.now() - started) / 1000)}s`), 30000);
		child.on('error', (error) => {
			clearInterval(heartbeat);
			reject(error);
		});
		child.on('close', (code) => {
			clearInterval(heartbeat);
			if (code === 0) {
				log(`[n8n 1.x runtime] ${label}: done in ${Math.round((Date.now() - started) / 1000)}s`);
				resolve();
			} else {
				reject(new Error(`${label} failed (exit ${code}). Last output:\n${tail.join('\n')}\nDelete ${RUNTIME_DIR} and run \`node scripts/n8n1Runtime.js\` again.`));
			}
		});
	});
}

function capture(command, args, env) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		let err = '';
		child.stdout.on('data', (c) => (out += c));
		child.stderr.on('data', (c) => (err += c));
		child.on('error', reject);
		child.on('close', (code) =>
			code === 0 ? resolve(out.trim().split('\n').pop()) : reject(new Error(`${command} ${args.join(' ')} failed: ${err.trim()}`)),
		);
	});
}

function processAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/** A parallel run may be installing: wait for it instead of racing. */
async function acquireLock(log) {
	fs.mkdirSync(RUNTIME_DIR, { recursive: true });
	for (let waited = 0; ; waited++) {
		try {
			fs.mkdirSync(LOCK_DIR);
			fs.writeFileSync(path.join(LOCK_DIR, 'pid'), String(process.pid));
			return;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			let owner = NaN;
			try {
				owner = Number(fs.readFileSync(path.join(LOCK_DIR, 'pid'), 'utf8'));
			} catch {
				// lock created a moment ago, pid not written yet
			}
			if (Number.isInteger(owner) && !processAlive(owner)) {
				fs.rmSync(LOCK_DIR, { recursive: true, force: true });
				continue;
			}
			if (waited % 15 === 0) log(`[n8n 1.x runtime] another process (pid ${owner}) is installing; waiting`);
			await new Promise((r) => setTimeout(r, 2000));
		}
	}
}

/** Installs n8n 1.x into <runtime cache>/n8n-<version>/ unless a complete install is there. Returns its paths. */
async function ensureN8n1Runtime({ log = (line) => console.log(line) } = {}) {
	const node = await ensureN8nRuntime({ log });
	if (isComplete()) return runtimePaths(node);
	await acquireLock(log);
	try {
		if (isComplete()) return runtimePaths(node);
		const started = Date.now();
		log(`[n8n 1.x runtime] preparing n8n ${N8N_VERSION} in ${RUNTIME_DIR} (once; several minutes, ~2 GB)`);
		const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
		const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)));
		const env = { ...cleanEnv, PATH: node.path };
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
			await run(`installing n8n@${N8N_VERSION} (scripts off)`, npm, ['install', '--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=error', '--ignore-scripts', `n8n@${N8N_VERSION}`], {
				cwd: N8N_DIR,
				env,
				log,
			});
		}
		await run('compiling sqlite3 and isolated-vm for Node 24', npm, ['rebuild', '--loglevel=error', 'sqlite3', 'isolated-vm'], { cwd: N8N_DIR, env, log });
		const reported = await capture(node.nodeBin, [N8N_BIN, '--version'], env);
		fs.writeFileSync(MARKER, JSON.stringify({ n8nVersion: N8N_VERSION, reported, completedAt: new Date().toISOString() }, null, 2));
		log(`[n8n 1.x runtime] ready: n8n ${reported} (${Math.round((Date.now() - started) / 1000)}s)`);
		return runtimePaths(node);
	} finally {
		fs.rmSync(LOCK_DIR, { recursive: true, force: true });
	}
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
		console.error(`[n8n 1.x runtime] ${error.message}`);
		process.exit(1);
	});
}
