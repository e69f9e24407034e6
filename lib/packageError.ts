/**
 * What every failure of the package's own making carries, on the Shopify and the POS side alike: a code, what
 * the shop owner can do about it, and whether the other side (Shopify, the POS) refused or failed, or our
 * input or settings are at fault. nodes/ turn it into n8n's errors in one place (nodes/shared/nodeError.ts).
 */
export abstract class PackageError extends Error {
	abstract readonly code: string;
	/** What the shop owner can do about it. */
	abstract readonly advice?: string;
	/** True when Shopify or the POS refused or failed; false when the input or a setting is at fault. */
	abstract readonly remote: boolean;
	/** The failed answer's request id, for the vendor's support (Shopify's `x-request-id`). */
	readonly requestId?: string;

	/** The HTTP status of the answer that failed, when there was one. */
	get httpStatus(): number | undefined {
		return undefined;
	}

	/** Message and advice, one per line, for logs and n8n's error view. */
	describe(): string {
		return [this.message, this.advice].filter(Boolean).join('\n');
	}
}

/** A fault of the input or a setting that the message names in full: a code, and advice where there is more to say. */
export class InputError extends PackageError {
	readonly remote = false;

	constructor(
		message: string,
		readonly code: string,
		readonly advice?: string,
	) {
		super(message);
		this.name = new.target.name;
	}
}
