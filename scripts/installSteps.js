// The pieces both n8n runtime installers share: a lock so parallel runs wait instead of racing, commands run
// with a heartbeat so a slow install never looks stuck, and the environment npm must not pass down.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

function formatSeconds(ms) {
	const s = Math.round(ms / 1000);
	return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/**
 * When started from `npm test` or `npm start`, npm passes the repository's settings down as npm_config_*
 * variables (ignore-scripts=true among them); a runtime's own installs must not inherit them.
 */
function envWithoutNpmConfig() {
	return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)));
}

function countPackages(dir) {
	try {
		let count = 0;
		for (const entry of fs.readdirSync(path.join(dir, 'node_modules'))) {
			if (entry.startsWith('.')) continue;
			count += entry.startsWith('@') ? fs.readdirSync(path.join(dir, 'node_modules', entry)).length : 1;
		}
		return count;
	} catch {
		return 0;
	}
}

/**
 * Runs one command, logging under `prefix`, with a heartbeat every 15 s (and, with `progressDir`, how many
 * packages npm has written). On failure the error carries the last 40 output lines and `retryHint`.
 */
function runStep({ prefix, label, command, args, cwd, env, log, progressDir, retryHint }) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		log(`${prefix} ${label} ...`);
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
			log(`${prefix}   ${label}: ${formatSeconds(Date.now() - started)}${packages}`);
		}, 15000);
		child.on('error', (error) => {
			clearInterval(heartbeat);
			reject(error);
		});
		child.on('close', (code) => {
			clearInterval(heartbeat);
			if (code === 0) {
				log(`${prefix} ${label}: done in ${formatSeconds(Date.now() - started)}`);
				resolve();
			} else {
				reject(new Error(`${label} failed (exit ${code}). Last output:\n${tail.join('\n')}\n${retryHint}`));
			}
		});
	});
}

/** A command's last output line (e.g. a version). */
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

function processAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/** What a process waiting on another one's install prints: who installs, since when, and how long it waited. */
function waitingLine(lockDir, owner, waitedMs) {
	let since = '';
	try {
		since = `, started ${formatSeconds(Date.now() - fs.statSync(lockDir).mtimeMs)} ago`;
	} catch {
		// the lock went away between the check and here; the next turn takes it
	}
	const who = Number.isInteger(owner) ? `another process (pid ${owner})` : 'another process';
	return `${who} is installing this runtime${since}; waiting for it (${formatSeconds(waitedMs)} so far; a first install takes about 4 minutes)`;
}

/**
 * Runs `install` while holding `<dir>/.installing`. Another process (a parallel test run, the demo) may be
 * installing the same runtime: wait for it instead of racing; a lock left by a dead process is taken over.
 */
async function withInstallLock(dir, prefix, log, install) {
	const lockDir = path.join(dir, '.installing');
	fs.mkdirSync(dir, { recursive: true });
	const waitStarted = Date.now();
	for (let waited = 0; ; waited++) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			let owner = NaN;
			try {
				owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
			} catch {
				// lock created a moment ago, pid not written yet
			}
			if (Number.isInteger(owner) && !processAlive(owner)) {
				fs.rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (waited % 15 === 0) log(`${prefix} ${waitingLine(lockDir, owner, Date.now() - waitStarted)}`);
			await new Promise((r) => setTimeout(r, 2000));
		}
	}
	try {
		return await install();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

module.exports = { NPM, readJson, formatSeconds, envWithoutNpmConfig, runStep, capture, withInstallLock };
