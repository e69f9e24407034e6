import { readFileSync } from 'node:fs';

import { InputError } from '../packageError';

/** Where n8n's Redis is and how to sign in to it. */
export interface RedisSettings {
	host: string;
	port: number;
	username?: string;
	password?: string;
	db: number;
	tls: boolean;
	/** TLS only: the name the server's certificate must carry (defaults to `host`). */
	tlsServername?: string;
	/** TLS only: false accepts any certificate (n8n's QUEUE_BULL_REDIS_TLS_VALIDATE_CERTIFICATE=false). */
	rejectUnauthorized: boolean;
}

type Env = Record<string, string | undefined>;

/** n8n reads every setting also from `<NAME>_FILE`, a file holding the value (Docker secrets). */
function setting(env: Env, name: string): string | undefined {
	const direct = env[name];
	if (direct !== undefined && direct !== '') return direct;
	const file = env[`${name}_FILE`];
	if (!file) return undefined;
	try {
		return readFileSync(file, 'utf8').trim();
	} catch (error) {
		throw new InputError(`${name}_FILE names ${file}, which could not be read: ${(error as Error).message}`, 'REDIS_SETTING_FILE', 'Point it at a readable file or set the variable itself.');
	}
}

function whole(env: Env, name: string, fallback: number): number {
	const text = setting(env, name);
	if (text === undefined) return fallback;
	const value = Number(text);
	if (!Number.isInteger(value) || value < 0) throw new InputError(`${name} is "${text}", not a whole number`, 'REDIS_SETTING', `Set ${name} as n8n reads it.`);
	return value;
}

/** Whether this n8n process runs in queue mode (`EXECUTIONS_MODE=queue`), where n8n itself runs on Redis. */
export function isQueueMode(env: Env): boolean {
	return setting(env, 'EXECUTIONS_MODE') === 'queue';
}

/**
 * The Redis of n8n's queue mode, from the variables n8n reads (QUEUE_BULL_REDIS_HOST, _PORT, _USERNAME,
 * _PASSWORD, _DB, _TLS, _TLS_SERVERNAME, _TLS_VALIDATE_CERTIFICATE; n8n's defaults). Undefined for a Redis Cluster
 * (QUEUE_BULL_REDIS_CLUSTER_NODES), which this package does not speak to.
 */
export function n8nQueueRedisSettings(env: Env): RedisSettings | undefined {
	if (setting(env, 'QUEUE_BULL_REDIS_CLUSTER_NODES')) return undefined;
	return {
		host: setting(env, 'QUEUE_BULL_REDIS_HOST') ?? 'localhost',
		port: whole(env, 'QUEUE_BULL_REDIS_PORT', 6379),
		username: setting(env, 'QUEUE_BULL_REDIS_USERNAME'),
		password: setting(env, 'QUEUE_BULL_REDIS_PASSWORD'),
		db: whole(env, 'QUEUE_BULL_REDIS_DB', 0),
		tls: setting(env, 'QUEUE_BULL_REDIS_TLS') === 'true',
		tlsServername: setting(env, 'QUEUE_BULL_REDIS_TLS_SERVERNAME'),
		rejectUnauthorized: setting(env, 'QUEUE_BULL_REDIS_TLS_VALIDATE_CERTIFICATE') !== 'false',
	};
}
