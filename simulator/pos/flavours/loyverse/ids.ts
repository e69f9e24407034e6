import { createHash } from 'node:crypto';

/**
 * Ids shaped like Loyverse's: lowercase UUIDs (8-4-4-4-12 hex, version 4) for merchants, stores, payment
 * types, items, variants, POS devices, receipt lines and webhooks, and receipt numbers `<device>-<sequence>`
 * (`1-1001`). Derived from a seed and a counter so a run is repeatable.
 */
export class LoyverseIds {
	private counter = 0;
	private receiptSequence = 1000;

	constructor(private readonly seed: string) {}

	uuid(kind = 'id'): string {
		this.counter++;
		const hex = createHash('sha256').update(`${this.seed}:${kind}:${this.counter}`).digest('hex');
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16], 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
	}

	/** The next receipt number of POS device 1 (the simulator's one device; API receipts share the sequence). */
	receiptNumber(): string {
		return `1-${++this.receiptSequence}`;
	}

	reset(): void {
		this.counter = 0;
		this.receiptSequence = 1000;
	}
}
