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
const { spawn } = require('node:child_process');

const N8N_VERSION = '2.41.1';
const NODE_MAJOR = '24';
const { RUNTIME_CACHE } = require('./runtimeCache');
const RUNTIME_DIR = path.join(RUNTIME_CACHE, `n8n-${N8N_VERSION}`);
const MARKER = path.join(RUNTIME_DIR, 'complete.json');
const LOCK_DIR = path.join(RUNTIME_DIR, '.installing');
const NODE_DIR = path.join(RUNTIME_DIR, 'node');
const N8N_DIR = path.join(RUNTIME_DIR, 'n8n');
const NODE_BIN_DIR = path.join(NODE_DIR, 'node_modules', '.bin');
const NODE_BIN = path.join(NODE_BIN_DIR, 'node');
const N8N_BIN = path.join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n');

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

function readMarker() {
	try {
		return JSON.parse(fs.readFileSync(MARKER, 'utf8'));
	} catch {
		return undefined;
	}
}

function isComplete() {
	const marker = readMarker();
	return (
		marker !== undefined &&
		marker.n8nVersion === N8N_VERSION &&
		fs.existsSync(NODE_BIN) &&
		fs.existsSync(N8N_BIN)
	);
}

function formatSeconds(ms) {
	const s = Math.round(ms / 1000);
	return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

function countPackages(dir) {
	try {
		let count = 0;
		for (const entry of fs.readdirSync(path.join(dir, 'node_modules'))) {
			if (entry.startsWith('.')) continue;
			count += entry.startsWith('@')
				? fs.readdirSync(path.join(dir, 'node_modules', entry)).length
				: 1;
		}
		return count;
	} catch {
		return 0;
	}
}

/** Runs one command, its output prefixed, with a heartbeat line so a slow install never looks stuck. */
function run(label, command, args, { cwd, env, log, progressDir }) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		log(`[n8n runtime] ${label} ...`);
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		const tail = [];
		const onData = (chunk) => {
			for (const line of chunk.toString().split('\n')) {
				if (line.trim() === '') continue;
				tail.push(line);
				if (tail.length > 40) tail.shift();
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		const heartbeat = setInterval(() => {
			// npm resolves the whole tree before it writes anything, so the count stays 0 for a while.
			const count = progressDir ? countPackages(progressDir) : 0;
			const packages = progressDir ? (count > 0 ? `, ${count} packages written` : ', resolving dependencies') : '';
			log(`[n8n runtime]   ${label}: ${formatSeconds(Date.now() - started)}${packages}`);
		}, 15000);
		child.on('error', (error) => {
			clearInterval(heartbeat);
			reject(error);
		});
		child.on('close', (code) => {
			clearInterval(heartbeat);
			if (code === 0) {
				log(`[n8n runtime] ${label}: done in ${formatSeconds(Date.now() - started)}`);
				resolve();
			} else {
				reject(
					new Error(
						`${label} failed (exit ${code}). Last output:\n${tail.join('\n')}\n` +
							`Delete ${RUNTIME_DIR} and run \`node scripts/n8nRuntime.js\` again.`,
					),
				);
			}
		});
	});
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

/** Another process (a parallel test run, the demo) may be installing: wait for it instead of racing. */
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
			if (waited % 15 === 0) log(`[n8n runtime] another process (pid ${owner}) is installing; waiting`);
			await new Promise((r) => setTimeout(r, 2000));
		}
	}
}

function processAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/**
 * Installs Node 24 and n8n into <runtime cache>/n8n-<version>/ unless a complete install is already there.
 * Returns the runtime's paths.
 */
async function ensureN8nRuntime({ log = (line) => console.log(line) } = {}) {
	if (isComplete()) return runtimePaths();
	await acquireLock(log);
	try {
		if (isComplete()) return runtimePaths();
		const started = Date.now();
		log(`[n8n runtime] preparing n8n ${N8N_VERSION} on Node ${NODE_MAJOR} in ${RUNTIME_DIR} (once; ~5 min, ~2.8 GB)`);
		const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
		const quiet = ['--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=error'];

		// When started from `npm test` or `npm start`, npm passes the repository's settings down as
		// npm_config_* variables (ignore-scripts=true among them); the runtime's installs must not inherit them.
		const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)));
		if (!fs.existsSync(NODE_BIN)) {
			writePackageJson(NODE_DIR, 'n8n-runtime-node');
			// node@24 runs an install script that fetches its platform binary package from the same registry.
			await run(`installing Node ${NODE_MAJOR} (npm package node@${NODE_MAJOR})`, npm, ['install', ...quiet, `node@${NODE_MAJOR}`], {
				cwd: NODE_DIR,
				env: cleanEnv,
				log,
			});
		}
		const env = { ...cleanEnv, PATH: runtimePaths().path };
		const nodeVersion = await capture(NODE_BIN, ['--version']);
		log(`[n8n runtime] Node ${nodeVersion}`);

		if (!fs.existsSync(N8N_BIN) || readMarker()?.n8nVersion !== N8N_VERSION) {
			writePackageJson(N8N_DIR, 'n8n-runtime');
			await run(`installing n8n@${N8N_VERSION} (scripts off)`, npm, ['install', ...quiet, '--ignore-scripts', `n8n@${N8N_VERSION}`], {
				cwd: N8N_DIR,
				env,
				log,
				progressDir: N8N_DIR,
			});
		}
		await run('compiling sqlite3 and isolated-vm for Node 24', npm, ['rebuild', '--loglevel=error', 'sqlite3', 'isolated-vm'], {
			cwd: N8N_DIR,
			env,
			log,
		});
		const n8nVersion = await capture(NODE_BIN, [N8N_BIN, '--version'], env);
		fs.writeFileSync(
			MARKER,
			JSON.stringify({ n8nVersion: N8N_VERSION, reported: n8nVersion, node: nodeVersion, completedAt: new Date().toISOString() }, null, 2),
		);
		log(`[n8n runtime] ready: n8n ${n8nVersion} on Node ${nodeVersion} (${formatSeconds(Date.now() - started)})`);
		return runtimePaths();
	} finally {
		fs.rmSync(LOCK_DIR, { recursive: true, force: true });
	}
}

function capture(command, args, env = process.env) {
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

module.exports = { ensureN8nRuntime, runtimePaths, isComplete, N8N_VERSION };

if (require.main === module) {
	ensureN8nRuntime().catch((error) => {
		console.error(`[n8n runtime] ${error.message}`);
		process.exit(1);
	});
}
