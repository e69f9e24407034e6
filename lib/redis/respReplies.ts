import { PackageError } from '../packageError';

/** An error reply of Redis (`-ERR …`, `-WRONGPASS …`, `-MOVED …`): the command was refused. */
export class RedisReplyError extends PackageError {
	readonly remote = true;
	readonly code = 'REDIS_REFUSED';
	readonly advice = "Check n8n's QUEUE_BULL_REDIS_* settings: this package uses the Redis n8n's queue mode uses.";

	constructor(readonly reply: string) {
		super(`Redis refused a command: ${reply}`);
		this.name = 'RedisReplyError';
	}
}

/** One reply of the Redis protocol (RESP2): simple and bulk strings, integers, nil, arrays and errors. */
export type RespReply = string | number | null | RedisReplyError | RespReply[];

const CRLF = '\r\n';

/** Encodes a command as a RESP array of bulk strings (safe for any bytes in the arguments). */
export function encodeCommand(args: readonly string[]): Buffer {
	const parts = [`*${args.length}${CRLF}`];
	for (const arg of args) parts.push(`$${Buffer.byteLength(arg)}${CRLF}${arg}${CRLF}`);
	return Buffer.from(parts.join(''));
}

/** Not enough bytes yet for a whole reply. */
const INCOMPLETE = Symbol('incomplete');
type Parsed = { reply: RespReply; end: number } | typeof INCOMPLETE;

/**
 * Reads replies from a stream of bytes as they arrive: `push` takes a chunk and returns every reply it
 * completed, keeping a partial one for the next chunk.
 */
export class RespReader {
	private buffer: Buffer = Buffer.alloc(0);

	push(chunk: Buffer): RespReply[] {
		this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
		const replies: RespReply[] = [];
		let offset = 0;
		for (;;) {
			const parsed = this.parse(offset);
			if (parsed === INCOMPLETE) break;
			replies.push(parsed.reply);
			offset = parsed.end;
		}
		this.buffer = this.buffer.subarray(offset);
		return replies;
	}

	private parse(start: number): Parsed {
		const lineEnd = this.buffer.indexOf(CRLF, start);
		if (lineEnd < 0) return INCOMPLETE;
		const line = this.buffer.toString('utf8', start + 1, lineEnd);
		const next = lineEnd + 2;
		switch (this.buffer[start]) {
			case 0x2b: // '+'
				return { reply: line, end: next };
			case 0x2d: // '-'
				return { reply: new RedisReplyError(line), end: next };
			case 0x3a: // ':'
				return { reply: Number(line), end: next };
			case 0x24: // '$'
				return this.bulk(Number(line), next);
			case 0x2a: // '*'
				return this.array(Number(line), next);
			default:
				throw new RedisReplyError(`unreadable reply starting with ${JSON.stringify(this.buffer.toString('utf8', start, start + 1))}`);
		}
	}

	private bulk(length: number, start: number): Parsed {
		if (length < 0) return { reply: null, end: start };
		if (this.buffer.length < start + length + 2) return INCOMPLETE;
		return { reply: this.buffer.toString('utf8', start, start + length), end: start + length + 2 };
	}

	private array(length: number, start: number): Parsed {
		if (length < 0) return { reply: null, end: start };
		const items: RespReply[] = [];
		let end = start;
		for (let index = 0; index < length; index++) {
			const item = this.parse(end);
			if (item === INCOMPLETE) return INCOMPLETE;
			items.push(item.reply);
			end = item.end;
		}
		return { reply: items, end };
	}
}
