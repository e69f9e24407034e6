import { createHash } from 'node:crypto';

/**
 * The event id of a delivery whose vendor sends none (Clover, Loyverse, Lightspeed X, a generic sender
 * without an id field): a hash of the bytes that were verified. A vendor's retry re-sends the same bytes, so
 * it is recognised; two distinct events differ somewhere in their body (object ids, timestamps).
 */
export function bodyHashId(content: Buffer | string): string {
	return `sha256:${createHash('sha256').update(content).digest('hex').slice(0, 40)}`;
}
