import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';

import { PackageError } from '../packageError';
import type { RedisSettings } from './redisSettings';
import { encodeCommand, RedisReplyError, RespReader, type RespReply } from './respReplies';

/** Redis could not be reached, or did not answer in time: nothing is known about the commands in flight. */
export class RedisUnavailableError extends PackageError {
	readonly remote = true;
	readonly code = 'REDIS_UNAVAILABLE';
	readonly advice = "Check that n8n's Redis (QUEUE_BULL_REDIS_*) is running and reachable from this n8n process.";

	constructor(message: string) {
		super(message);
		this.name = 'RedisUnavailableError';
	}
}

interface Pending {
	resolve: (reply: RespReply) => void;
	reject: (error: Error) => void;
	/** A sign-in or database choice of a new connection: refused, the connection is useless. */
	handshake?: string;
}

/** How long a command may wait for its answer before the connection counts as broken. */
const DEFAULT_COMMAND_TIMEOUT_MS = 3000;

/**
 * One connection to Redis, opened on first use and again after a failure, with commands pipelined on it (RESP
 * answers in order). A connection that fails or keeps an answer waiting too long is dropped and every command
 * in flight fails with RedisUnavailableError: the caller cannot know whether those commands ran.
 */
export class RedisConnection {
	private socket: Socket | undefined;
	private pending: Pending[] = [];
	private reader = new RespReader();
	private timer: NodeJS.Timeout | undefined;

	constructor(
		private readonly settings: RedisSettings,
		private readonly commandTimeoutMs = DEFAULT_COMMAND_TIMEOUT_MS,
	) {}

	/** Sends the commands together; resolves with one reply per command (an error reply as a RedisReplyError value). */
	async pipeline(commands: ReadonlyArray<readonly string[]>): Promise<RespReply[]> {
		const socket = this.socket ?? this.open();
		const replies = commands.map((command) => this.expectReply(command));
		// Held open only while answers are awaited: an idle connection must not keep a process alive.
		socket.ref();
		socket.write(Buffer.concat(commands.map((command) => encodeCommand(command))));
		return await Promise.all(replies);
	}

	/** One command; an error reply is thrown. */
	async command(...args: string[]): Promise<RespReply> {
		const [reply] = await this.pipeline([args]);
		if (reply instanceof RedisReplyError) throw reply;
		return reply;
	}

	close(): void {
		this.fail(new RedisUnavailableError('the Redis connection was closed'));
	}

	private open(): Socket {
		const { host, port, tls } = this.settings;
		const socket = tls
			? connectTls({ host, port, servername: this.settings.tlsServername ?? host, rejectUnauthorized: this.settings.rejectUnauthorized })
			: connectTcp({ host, port });
		socket.setNoDelay(true);
		socket.unref();
		socket.on('data', (chunk: Buffer) => this.receive(socket, chunk));
		socket.on('error', (error) => this.fail(new RedisUnavailableError(`Redis at ${host}:${port}: ${error.message}`), socket));
		socket.on('close', () => this.fail(new RedisUnavailableError(`Redis at ${host}:${port} closed the connection`), socket));
		this.socket = socket;
		this.reader = new RespReader();
		// Queued ahead of the caller's commands, on the same socket: the answers come first, in this order.
		for (const command of this.handshake()) {
			this.expectReply(command, command[0]).catch(() => undefined);
			socket.write(encodeCommand(command));
		}
		return socket;
	}

	private handshake(): string[][] {
		const { username, password, db } = this.settings;
		const commands: string[][] = [];
		if (password) commands.push(username ? ['AUTH', username, password] : ['AUTH', password]);
		if (db !== 0) commands.push(['SELECT', String(db)]);
		return commands;
	}

	private expectReply(command: readonly string[], handshake?: string): Promise<RespReply> {
		return new Promise((resolve, reject) => {
			this.pending.push({ resolve, reject, handshake });
			this.armTimer(command[0]);
		});
	}

	private armTimer(commandName: string | undefined): void {
		if (this.timer) return;
		this.timer = setTimeout(() => {
			this.timer = undefined;
			this.fail(new RedisUnavailableError(`Redis did not answer ${commandName ?? 'a command'} within ${this.commandTimeoutMs} ms`));
		}, this.commandTimeoutMs);
		this.timer.unref();
	}

	private receive(socket: Socket, chunk: Buffer): void {
		if (socket !== this.socket) return;
		let replies: RespReply[];
		try {
			replies = this.reader.push(chunk);
		} catch (error) {
			this.fail(new RedisUnavailableError((error as Error).message));
			return;
		}
		for (const reply of replies) {
			const waiting = this.pending.shift();
			if (waiting?.handshake && reply instanceof RedisReplyError) {
				// Before the commands behind it are answered (NOAUTH …): they fail with the reason.
				const { host, port } = this.settings;
				this.fail(new RedisUnavailableError(`Redis at ${host}:${port} refused ${waiting.handshake}: ${reply.reply}`), socket);
				return;
			}
			waiting?.resolve(reply);
		}
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		if (this.pending.length > 0) this.armTimer(undefined);
		else socket.unref();
	}

	/** Drops the connection (only `socket`'s, when given: a late event of an older one changes nothing). */
	private fail(error: RedisUnavailableError, socket?: Socket): void {
		if (socket !== undefined && socket !== this.socket) return;
		const pending = this.pending;
		this.pending = [];
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		this.socket?.destroy();
		this.socket = undefined;
		for (const waiting of pending) waiting.reject(error);
	}
}
