import { createHash } from 'node:crypto';

/**
 * Lightspeed X-Series ids are UUIDs (lowercase, 8-4-4-4-12 hex). Here they are derived from a seed and a
 * counter, so a run is repeatable.
 */
export class LightspeedIds {
	private counter = 0;

	constructor(private readonly seed: string) {}

	/** Starts the sequence again: a reset simulator hands out the same ids as a fresh one. */
	reset(): void {
		this.counter = 0;
	}

	uuid(kind: string): string {
		this.counter++;
		const hex = createHash('sha256').update(`${this.seed}:${kind}:${this.counter}`).digest('hex');
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
	}
}
