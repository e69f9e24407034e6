#!/usr/bin/env node
// PostgreSQL and Redis for the n8n queue-mode suite: Debian's packages, started on free loopback ports with
// their data in a temporary folder, and stopped (folder removed) afterwards. Nothing is left running and no
// system service is touched.
//
// - Installs the packages with apt-get when a binary is missing (CI machines are Debian; needs root).
// - PostgreSQL refuses to run as root: as root, its server runs as the `postgres` user that Debian's package
//   creates (`runuser -u postgres --`), with the data folder handed to that user.
//
// Usage: `node scripts/services.js` starts both, prints their addresses, and stops them on Ctrl-C.
// From code: `const { startServices } = require('./scripts/services')`; `await services.stop()`.
'use strict';

const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const DATABASE = 'n8n';
const DB_USER = 'n8n';

function findPostgresBin() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	// The newest installed major version.
	const versions = fs
		.readdirSync(root)
		.filter((entry) => fs.existsSync(path.join(root, entry, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length === 0 ? undefined : path.join(root, versions[0], 'bin');
}

function findRedisServer() {
	for (const candidate of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (fs.existsSync(candidate)) return candidate;
	return undefined;
}

/** Installs postgresql / redis-server from Debian's packages when missing; skipped when both are there. */
function ensurePackages(log) {
	const missing = [];
	if (!findPostgresBin()) missing.push('postgresql');
	if (!findRedisServer()) missing.push('redis-server');
	if (missing.length === 0) return;
	if (typeof process.getuid === 'function' && process.getuid() !== 0) {
		throw new Error(`${missing.join(' and ')} missing: install them (apt-get install -y ${missing.join(' ')}) and run again.`);
	}
	log(`[services] installing ${missing.join(', ')} from Debian's packages`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...missing]]) {
		const result = spawnSync('apt-get', args, { env, encoding: 'utf8' });
		if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed:\n${(result.stderr || result.stdout).slice(-2000)}`);
	}
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** The command line that runs a PostgreSQL binary as a user it accepts. */
function asPostgresUser(bin, args) {
	return isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

function mustRun(command, args, label) {
	const result = spawnSync(command, args, { encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status}):\n${(result.stderr || result.stdout || '').slice(-2000)}`);
	return result.stdout;
}

async function waitForPort(port, label, child, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child && child.exitCode !== null) throw new Error(`${label} exited during start (code ${child.exitCode})`);
		const open = await new Promise((resolve) => {
			const socket = net.connect(port, '127.0.0.1');
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`${label} did not listen on 127.0.0.1:${port} within ${timeoutMs / 1000} s`);
}

async function startPostgres(dir, log) {
	const bin = findPostgresBin();
	const dataDir = path.join(dir, 'postgres');
	const socketDir = path.join(dir, 'pg-socket');
	fs.mkdirSync(dataDir, { mode: 0o700 });
	fs.mkdirSync(socketDir);
	if (isRoot) {
		fs.chmodSync(dir, 0o755);
		mustRun('chown', ['-R', 'postgres:postgres', dataDir, socketDir], 'chown of the PostgreSQL folder');
	}
	const [initCommand, initArgs] = asPostgresUser(path.join(bin, 'initdb'), [
		'-D', dataDir, '-U', DB_USER, '--auth=trust', '--encoding=UTF8', '--no-sync',
	]);
	mustRun(initCommand, initArgs, 'initdb');
	const port = await freePort();
	// fsync off: a throwaway test database; nothing must survive a crash.
	const [command, args] = asPostgresUser(path.join(bin, 'postgres'), [
		'-D', dataDir, '-p', String(port), '-k', socketDir, '-c', 'listen_addresses=127.0.0.1',
		'-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
	]);
	const logFile = path.join(dir, 'postgres.log');
	const out = fs.openSync(logFile, 'a');
	const child = spawn(command, args, { stdio: ['ignore', out, out], detached: true });
	fs.closeSync(out);
	await waitForPort(port, 'PostgreSQL', child);
	// Accepting TCP is not accepting queries yet: retry the database creation briefly.
	const createdb = path.join(bin, 'createdb');
	for (let attempt = 0; ; attempt++) {
		const result = spawnSync(createdb, ['-h', '127.0.0.1', '-p', String(port), '-U', DB_USER, DATABASE], { encoding: 'utf8' });
		if (result.status === 0) break;
		if (attempt > 50) throw new Error(`createdb failed: ${result.stderr}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	log(`[services] PostgreSQL on 127.0.0.1:${port} (database ${DATABASE}, user ${DB_USER})`);
	return { child, port, logFile };
}

async function startRedis(dir, log, { password } = {}) {
	const port = await freePort();
	const dataDir = path.join(dir, 'redis');
	fs.mkdirSync(dataDir);
	const logFile = path.join(dir, 'redis.log');
	const out = fs.openSync(logFile, 'a');
	const child = spawn(
		findRedisServer(),
		['--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir, '--save', '', '--appendonly', 'no', '--daemonize', 'no', ...(password ? ['--requirepass', password] : [])],
		{ stdio: ['ignore', out, out], detached: true },
	);
	fs.closeSync(out);
	await waitForPort(port, 'Redis', child);
	log(`[services] Redis on 127.0.0.1:${port}`);
	return { child, port, logFile };
}

function stopChild(child, signal, timeoutMs) {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve();
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}, timeoutMs);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
		try {
			process.kill(-child.pid, signal);
		} catch {
			clearTimeout(timer);
			resolve();
		}
	});
}

/**
 * Starts PostgreSQL and Redis on free loopback ports. Returns their addresses, n8n's environment for
 * them, and stop(), which ends both and removes their data.
 */
async function startServices({ log = (line) => console.log(line) } = {}) {
	ensurePackages(log);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-services-'));
	let postgres;
	let redis;
	const stop = async () => {
		// PostgreSQL's "fast" shutdown is SIGINT.
		await Promise.all([postgres && stopChild(postgres.child, 'SIGINT', 15_000), redis && stopChild(redis.child, 'SIGTERM', 10_000)]);
		fs.rmSync(dir, { recursive: true, force: true });
	};
	try {
		postgres = await startPostgres(dir, log);
		redis = await startRedis(dir, log);
	} catch (error) {
		await stop();
		throw error;
	}
	return {
		postgres: { host: '127.0.0.1', port: postgres.port, database: DATABASE, user: DB_USER, password: '' },
		redis: { host: '127.0.0.1', port: redis.port },
		/** The variables every n8n process of a queue-mode cluster needs for these two services. */
		n8nEnv: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: DATABASE,
			DB_POSTGRESDB_USER: DB_USER,
			DB_POSTGRESDB_PASSWORD: '',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
		},
		pids: { postgres: postgres.child.pid, redis: redis.child.pid },
		logFiles: { postgres: postgres.logFile, redis: redis.logFile },
		stop,
	};
}

/**
 * Redis alone, for tests of code that speaks to it: on a free loopback port, with a password when given.
 * stop() ends it and removes its data.
 */
async function startRedisServer({ log = () => {}, password } = {}) {
	ensurePackages(log);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redis-server-'));
	let redis;
	try {
		redis = await startRedis(dir, log, { password });
	} catch (error) {
		fs.rmSync(dir, { recursive: true, force: true });
		throw error;
	}
	return {
		host: '127.0.0.1',
		port: redis.port,
		pid: redis.child.pid,
		stop: async () => {
			await stopChild(redis.child, 'SIGTERM', 10_000);
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

module.exports = { startServices, startRedisServer, ensurePackages };

if (require.main === module) {
	startServices()
		.then((services) => {
			console.log(JSON.stringify({ postgres: services.postgres, redis: services.redis }, null, 2));
			console.log('[services] running; Ctrl-C stops both and removes their data');
			const shutdown = () => services.stop().then(() => process.exit(0));
			process.on('SIGINT', shutdown);
			process.on('SIGTERM', shutdown);
		})
		.catch((error) => {
			console.error(`[services] ${error.message}`);
			process.exit(1);
		});
}
