import { RedisConnection } from '../../../lib/redis/redisConnection';
import { ItemLockTimeoutError, withRedisItemLocks } from '../../../lib/redis/redisItemLock';

// Real Redis (Debian's redis-server, as n8n's queue mode uses), started and stopped here. Two connections stand
// for two n8n workers writing the same POS items by absolute counts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startRedisServer } = require('../../../scripts/services') as {
	startRedisServer(options?: { password?: string }): Promise<{ host: string; port: number; stop(): Promise<void> }>;
};

const PASSWORD = 'redis-lock-test-password-2c9d';
let redis: { host: string; port: number; stop(): Promise<void> };
const connections: RedisConnection[] = [];
const worker = () => {
	const connection = new RedisConnection({ host: '127.0.0.1', port: redis.port, db: 0, tls: false, rejectUnauthorized: true, password: PASSWORD });
	connections.push(connection);
	return connection;
};

beforeAll(async () => {
	redis = await startRedisServer({ password: PASSWORD });
}, 120_000);
afterAll(async () => {
	for (const connection of connections) connection.close();
	await redis?.stop();
});

describe('item locks in n8n\'s Redis', () => {
	it('two workers writing the same item take turns; the count they share never loses a write', async () => {
		const [a, b] = [worker(), worker()];
		let count = 100;
		const readModifyWrite = async (connection: RedisConnection, delta: number) =>
			await withRedisItemLocks(connection, ['test:lock:item-1'], async () => {
				const read = count;
				await new Promise((resolve) => setTimeout(resolve, 5));
				count = read + delta;
			});
		await Promise.all(Array.from({ length: 10 }, (_, index) => readModifyWrite(index % 2 === 0 ? a : b, -1)));
		expect(count).toBe(90);
		expect(await a.command('EXISTS', 'test:lock:item-1')).toBe(0);
	});

	it('a lock held past the wait is an error saying to send again; a lapsed lock is never deleted by its old holder', async () => {
		const [a, b] = [worker(), worker()];
		await a.command('SET', 'test:lock:item-2', 'someone-else', 'PX', '60000');
		await expect(withRedisItemLocks(b, ['test:lock:item-2'], async () => 'ran', 200)).rejects.toBeInstanceOf(ItemLockTimeoutError);
		await a.command('DEL', 'test:lock:item-2');
		await withRedisItemLocks(a, ['test:lock:item-3'], async () => {
			// The holder's lock lapsed and another took it: the first holder's release leaves the new one alone.
			await a.command('SET', 'test:lock:item-3', 'new-holder', 'PX', '60000');
		});
		expect(await b.command('GET', 'test:lock:item-3')).toBe('new-holder');
	});
});
