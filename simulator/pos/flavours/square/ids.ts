import { createHash } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Ids shaped like Square's (catalog objects and inventory changes: 24 upper-case base32 characters;
 * locations and merchants: 13 upper-case letters and digits; orders and payments: 27-29 mixed-case),
 * derived from a seed and a counter so a run is repeatable.
 */
export class SquareIds {
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

	catalogObject = () => this.next('catalog', 24, BASE32);
	inventoryChange = () => this.next('change', 24, BASE32);
	location = () => this.next('location', 13, UPPER_ALNUM);
	merchant = () => this.next('merchant', 13, UPPER_ALNUM);
	order = () => this.next('order', 27, ALNUM);
	payment = () => this.next('payment', 29, ALNUM);
	uid = () => this.next('uid', 22, ALNUM);

	/** Square's event ids are UUIDs. */
	eventId(): string {
		const hex = this.next('event', 32, '0123456789abcdef');
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
	}
}
