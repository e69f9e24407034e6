import { createHash } from 'node:crypto';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * Ids shaped like Clover's: 13 upper-case letters and digits for merchants, items, orders, line items and
 * item groups (https://docs.clover.com/docs/401-unauthorized: "merchant IDs are 13 characters"), derived
 * from a seed and a counter so a run is repeatable; UUIDs for webhook verification and auth codes.
 */
export class CloverIds {
	private counter = 0;

	constructor(private readonly seed: string) {}

	private next(kind: string, length: number, alphabet: string): string {
		this.counter++;
		let out = '';
		for (let block = 0; out.length < length; block++) {
			const digest = createHash('sha256').update(`${this.seed}:${kind}:${this.counter}:${block}`).digest();
			for (const byte of digest) {
				if (out.length === length) break;
				out += alphabet[byte % alphabet.length];
			}
		}
		return out;
	}

	/** A 13-character id (merchant, item, order, line item, item group). */
	id = (kind: string) => this.next(kind, 13, UPPER_ALNUM);

	uuid(kind: string): string {
		const hex = this.next(kind, 32, '0123456789abcdef');
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
	}

	reset(): void {
		this.counter = 0;
	}
}
