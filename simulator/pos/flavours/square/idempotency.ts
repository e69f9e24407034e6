import { bodyHash } from '../../store';
import type { Reply } from '../../routeContext';
import { squareError } from './errors';

interface Remembered {
	hash: string;
	reply: Reply;
}

/**
 * Square's idempotency: a key sent again with the same body answers the first result and changes
 * nothing; the same key with another body is refused (IDEMPOTENCY_KEY_REUSED). Only successes are
 * remembered, so a request Square refused can be corrected and sent again under its key.
 */
export class SquareIdempotency {
	private readonly remembered = new Map<string, Remembered>();

	run(scope: string, key: string, body: unknown, create: () => Reply): Reply {
		const hash = bodyHash(body);
		const previous = this.remembered.get(`${scope}\u0000${key}`);
		if (previous) {
			if (previous.hash !== hash) {
				return squareError(400, 'INVALID_REQUEST_ERROR', 'IDEMPOTENCY_KEY_REUSED', 'The idempotency key can only be retried with the same request data.', 'idempotency_key');
			}
			return structuredClone(previous.reply);
		}
		const reply = create();
		// A snapshot: the replay is the first answer, even after the object it names has moved on.
		if (reply.status < 300) this.remembered.set(`${scope}\u0000${key}`, { hash, reply: structuredClone(reply) });
		return reply;
	}

	reset(): void {
		this.remembered.clear();
	}
}
