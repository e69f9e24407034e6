import { PackageError } from '../../packageError';

/**
 * How vendor code in lib/pos/<vendor> talks to the POS: one JSON call at a time, through the POS request
 * policy (auth, retries, Retry-After, rate limit) that the node wires up. The answer is parsed JSON, or a
 * failure with the POS's own words and the request as sent (the node removes secrets before output).
 */
export interface PosJsonCall {
	method: 'GET' | 'POST';
	path: string;
	query?: Record<string, string>;
	body?: Record<string, unknown>;
	/** Re-sending cannot act twice: a read, or a write carrying an idempotency key the POS honours. */
	safeToRepeat: boolean;
}

export type PosJsonResult =
	| { ok: true; status: number; body: unknown }
	| { ok: false; reason: string; status: number | null; body: unknown; call: PosJsonCall };

export type PosJsonTransport = (call: PosJsonCall) => Promise<PosJsonResult>;

/** A failed call as an error, for paths that cannot go on without the answer (a catalog lookup, a page). */
export class PosCallFailedError extends PackageError {
	readonly remote = true;
	readonly advice?: string;
	readonly code: string;

	constructor(readonly result: Extract<PosJsonResult, { ok: false }>) {
		super(result.reason);
		this.name = 'PosCallFailedError';
		this.code = result.status === null ? 'POS_UNREACHABLE' : `POS_HTTP_${result.status}`;
	}

	override get httpStatus(): number | undefined {
		return this.result.status ?? undefined;
	}
}

export async function callOrThrow(transport: PosJsonTransport, call: PosJsonCall): Promise<unknown> {
	const result = await transport(call);
	if (!result.ok) throw new PosCallFailedError(result);
	return result.body;
}
