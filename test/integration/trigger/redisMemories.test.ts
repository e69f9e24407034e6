import { connect as connectTcp, createServer, type Server, type Socket } from 'node:net';

import { RedisConnection, RedisUnavailableError } from '../../../lib/redis/redisConnection';
import type { RedisSettings } from '../../../lib/redis/redisSettings';
import { ClaimInProgressError, PENDING_CLAIM_MS, redisMemories } from '../../../lib/shopify/webhooks/memory/redisMemories';
import { EMITTED_CHANGES_BOUND } from '../../../lib/shopify/webhooks/memory/memoryBounds';

// Real Redis (Debian's redis-server, the one n8n's queue mode runs on), started and stopped here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startRedisServer } = require('../../../scripts/services') as {
	startRedisServer(options?: { password?: string }): Promise<{ host: string; port: number; stop(): Promise<void> }>;
};

const PASSWORD = 'redis-test-password-7f3a';
const scope = { workflowId: 'wf-1', shopDomain: 'acme.myshopify.com', channel: 'live' } as const;
const settingsFor = (port: number, extra: Partial<RedisSettings> = {}): RedisSettings => ({
	host: '127.0.0.1',
	port,
	db: 0,
	tls: false,
	rejectUnauthorized: true,
	password: PASSWORD,
	...extra,
});

let redis: { host: string; port: number; stop(): Promise<void> };
const connections: RedisConnection[] = [];
const connect = (extra: Partial<RedisSettings> = {}, timeoutMs?: number) => {
	const connection = new RedisConnection(settingsFor(redis.port, extra), timeoutMs);
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

/** A TCP relay to Redis that, on its first connection only, swallows Redis's first answer and drops the connection. */
async function answerLosingRelay(target: number): Promise<{ port: number; close(): Promise<void> }> {
	let first = true;
	const sockets: Socket[] = [];
	const relay = createServer((client) => {
		const loseAnswer = first;
		first = false;
		const upstream = connectTcp(target, '127.0.0.1');
		sockets.push(client, upstream);
		client.on('data', (chunk) => upstream.write(chunk));
		upstream.on('data', (chunk) => {
			if (loseAnswer) {
				client.destroy();
				upstream.destroy();
			} else client.write(chunk);
		});
		for (const socket of [client, upstream]) socket.on('error', () => undefined);
		client.on('close', () => upstream.destroy());
		upstream.on('close', () => client.destroy());
	});
	await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
	return {
		port: (relay.address() as { port: number }).port,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise((resolve) => relay.close(resolve));
		},
	};
}

describe("the trigger's memory in n8n's Redis", () => {
	it('of two processes claiming the same keys at the same instant, exactly one wins each; the other is told to come back', async () => {
		const [one, other] = [redisMemories(connect(), 'n8n', scope), redisMemories(connect(), 'n8n', scope)];
		const keys = Array.from({ length: 200 }, (_, index) => `gid://shopify/Order/${index}@2026-12-06T00:00:00.000Z`);
		const outcome = async (claim: Promise<boolean>) => await claim.catch((error: unknown) => (error instanceof ClaimInProgressError ? 'in progress' : error));
		const results = await Promise.all(keys.flatMap((key) => [outcome(one.changes.claim(key, Date.now())), outcome(other.changes.claim(key, Date.now()))]));
		const pairs = keys.map((_, index) => [results[2 * index], results[2 * index + 1]].sort().join(' / '));
		// The loser meets the winner's pending claim: 503 for it, and Shopify delivers it again.
		expect(new Set(pairs)).toEqual(new Set(['in progress / true']));
		await Promise.all([one.commit(), other.commit()]);
		// Once committed, a repeat is known as received.
		expect(await redisMemories(connect(), 'n8n', scope).changes.claim(keys[0], Date.now())).toBe(false);
		expect(await other.changes.has(keys[0], Date.now())).toBe(true);
		// Each memory is its own: a change key is not a delivery.
		expect(await one.deliveries.has(keys[0], Date.now())).toBe(false);
	});

	it('a claim is pending for a minute until committed, then kept for the retention time, under a hash of the scope', async () => {
		const connection = connect();
		const ttlScope = { ...scope, workflowId: 'wf-ttl' };
		const memories = redisMemories(connection, 'n8n', ttlScope);
		const before = new Set((await connection.command('KEYS', 'n8n:shopify-pos:order-memory:*')) as string[]);
		expect(await memories.changes.claim('order-1@t', Date.now())).toBe(true);
		const [key, ...others] = ((await connection.command('KEYS', 'n8n:shopify-pos:order-memory:*')) as string[]).filter((name) => !before.has(name));
		expect(others).toEqual([]);
		expect(key).toMatch(/^n8n:shopify-pos:order-memory:[0-9a-f]{32}:c:[A-Za-z0-9_-]{12}$/);
		const pending = (await connection.command('PTTL', key)) as number;
		expect(pending).toBeGreaterThan(PENDING_CLAIM_MS - 10_000);
		expect(pending).toBeLessThanOrEqual(PENDING_CLAIM_MS);
		await memories.commit();
		const kept = (await connection.command('PTTL', key)) as number;
		expect(kept).toBeGreaterThan(EMITTED_CHANGES_BOUND.retentionMs - 60_000);
		expect(kept).toBeLessThanOrEqual(EMITTED_CHANGES_BOUND.retentionMs);
		// Another n8n on the same Redis under its own prefix, or another workflow, keeps its own memory.
		expect(await redisMemories(connection, 'other-n8n', ttlScope).changes.claim('order-1@t', Date.now())).toBe(true);
		expect(await redisMemories(connection, 'n8n', { ...scope, workflowId: 'wf-other' }).changes.claim('order-1@t', Date.now())).toBe(true);
	});

	it('a use that runs nothing gives its pending claims back, so the next delivery of the event runs', async () => {
		const releaseScope = { ...scope, workflowId: 'wf-release' };
		const failed = redisMemories(connect(), 'n8n', releaseScope);
		expect(await failed.deliveries.claim('signed:body', Date.now())).toBe(true);
		await failed.release();
		const retry = redisMemories(connect(), 'n8n', releaseScope);
		expect(await retry.deliveries.claim('signed:body', Date.now())).toBe(true);
		await retry.commit();
		// A release never takes back what another use holds.
		await failed.release();
		expect(await redisMemories(connect(), 'n8n', releaseScope).deliveries.claim('signed:body', Date.now())).toBe(false);
	});

	it('a claim whose answer was lost with the connection is settled on a new one by its own value: still ours', async () => {
		const relay = await answerLosingRelay(redis.port);
		try {
			const lossy = connect({ port: relay.port, password: undefined });
			await connect().command('CONFIG', 'SET', 'requirepass', '');
			const memories = redisMemories(lossy, 'n8n', { ...scope, workflowId: 'wf-lost' });
			expect(await memories.changes.claim('order-9@t', Date.now())).toBe(true);
			await memories.commit();
			expect(await redisMemories(connect({ password: undefined }), 'n8n', { ...scope, workflowId: 'wf-lost' }).changes.claim('order-9@t', Date.now())).toBe(false);
		} finally {
			await connect({ password: undefined }).command('CONFIG', 'SET', 'requirepass', PASSWORD);
			await relay.close();
		}
	});

	it('selects the database n8n uses (QUEUE_BULL_REDIS_DB)', async () => {
		const db3 = connect({ db: 3 });
		await redisMemories(db3, 'n8n', { ...scope, workflowId: 'wf-db' }).deliveries.claim('event-1', Date.now());
		expect(await redisMemories(connect(), 'n8n', { ...scope, workflowId: 'wf-db' }).deliveries.has('event-1', Date.now())).toBe(false);
		expect(await redisMemories(connect({ db: 3 }), 'n8n', { ...scope, workflowId: 'wf-db' }).deliveries.has('event-1', Date.now())).toBe(true);
	});

	it('a wrong password fails the claim with what to check, and never shows the password', async () => {
		const error = await redisMemories(connect({ password: 'wrong-password' }), 'n8n', scope).deliveries.claim('k', Date.now()).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(RedisUnavailableError);
		expect((error as RedisUnavailableError).describe()).toMatch(/refused AUTH: WRONGPASS[\s\S]*QUEUE_BULL_REDIS_/);
		expect(JSON.stringify([String(error), (error as RedisUnavailableError).describe()])).not.toContain('wrong-password');
	});

	it('a Redis that is down fails the claim at once; the same connection works again once Redis is back', async () => {
		const port = redis.port;
		const closed = await new Promise<number>((resolve) => {
			const probe = createServer().listen(0, '127.0.0.1', () => {
				const free = (probe.address() as { port: number }).port;
				probe.close(() => resolve(free));
			});
		});
		const down = redisMemories(connect({ port: closed }), 'n8n', scope);
		await expect(down.changes.claim('k', Date.now())).rejects.toThrow(RedisUnavailableError);
		const connection = connect();
		expect(await redisMemories(connection, 'n8n', { ...scope, workflowId: 'wf-back' }).changes.claim('k', Date.now())).toBe(true);
		// Redis drops every client (a restart, a failover): the claim is made again on a new connection.
		await connect().command('CLIENT', 'KILL', 'TYPE', 'normal');
		await expect(redisMemories(connection, 'n8n', { ...scope, workflowId: 'wf-back' }).changes.claim('k', Date.now())).rejects.toThrow(ClaimInProgressError);
		expect(await redisMemories(connection, 'n8n', { ...scope, workflowId: 'wf-back' }).changes.has('k', Date.now())).toBe(true);
		expect(port).toBe(redis.port);
	});

	it('a Redis that accepts the connection but never answers fails the claim after the command timeout', async () => {
		const sockets: Socket[] = [];
		const silent: Server = createServer((socket) => sockets.push(socket));
		await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
		try {
			const memories = redisMemories(connect({ port: (silent.address() as { port: number }).port, password: undefined }, 300), 'n8n', scope);
			await expect(memories.changes.claim('k', Date.now())).rejects.toThrow('Redis did not answer SET within 300 ms');
		} finally {
			for (const socket of sockets) socket.destroy();
			await new Promise((resolve) => silent.close(resolve));
		}
	});
});
