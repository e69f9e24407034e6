import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { InputError } from '../../../../lib/packageError';
import { isQueueMode, n8nQueueRedisSettings } from '../../../../lib/redis/redisSettings';

describe("n8n's queue-mode Redis settings", () => {
	it("uses n8n's defaults when nothing is set", () => {
		expect(n8nQueueRedisSettings({})).toEqual({
			host: 'localhost',
			port: 6379,
			username: undefined,
			password: undefined,
			db: 0,
			tls: false,
			tlsServername: undefined,
			rejectUnauthorized: true,
		});
	});

	it('reads every variable n8n reads, and each from its _FILE variant', () => {
		const folder = mkdtempSync(join(tmpdir(), 'redis-settings-'));
		writeFileSync(join(folder, 'password'), 's3cret\n');
		const settings = n8nQueueRedisSettings({
			QUEUE_BULL_REDIS_HOST: 'redis.internal',
			QUEUE_BULL_REDIS_PORT: '6380',
			QUEUE_BULL_REDIS_USERNAME: 'n8n',
			QUEUE_BULL_REDIS_PASSWORD_FILE: join(folder, 'password'),
			QUEUE_BULL_REDIS_DB: '2',
			QUEUE_BULL_REDIS_TLS: 'true',
			QUEUE_BULL_REDIS_TLS_SERVERNAME: 'redis.example.com',
			QUEUE_BULL_REDIS_TLS_VALIDATE_CERTIFICATE: 'false',
		});
		expect(settings).toEqual({
			host: 'redis.internal',
			port: 6380,
			username: 'n8n',
			password: 's3cret',
			db: 2,
			tls: true,
			tlsServername: 'redis.example.com',
			rejectUnauthorized: false,
		});
	});

	it('names the variable that is wrong, and says nothing of a Redis Cluster it does not speak to', () => {
		expect(() => n8nQueueRedisSettings({ QUEUE_BULL_REDIS_PORT: 'six' })).toThrow(new InputError('QUEUE_BULL_REDIS_PORT is "six", not a whole number', 'REDIS_SETTING'));
		expect(() => n8nQueueRedisSettings({ QUEUE_BULL_REDIS_PASSWORD_FILE: '/nonexistent/password' })).toThrow(/QUEUE_BULL_REDIS_PASSWORD_FILE names \/nonexistent\/password/);
		expect(n8nQueueRedisSettings({ QUEUE_BULL_REDIS_CLUSTER_NODES: 'a:6379,b:6379' })).toBeUndefined();
	});

	it('knows queue mode by EXECUTIONS_MODE', () => {
		expect([isQueueMode({ EXECUTIONS_MODE: 'queue' }), isQueueMode({ EXECUTIONS_MODE: 'regular' }), isQueueMode({})]).toEqual([true, false, false]);
	});
});
