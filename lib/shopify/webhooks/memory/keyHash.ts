import { createHash } from 'node:crypto';

/**
 * How one remembered key is named in static data: 12 base64url characters of its SHA-256 (72 bits: two keys in
 * a full memory of 10,000 share a hash with odds of about 1 in 10^14). Memories are stored as pages of these
 * (memoryPage.ts).
 */
export const KEY_HASH_LENGTH = 12;
export const MS_PER_MINUTE = 60_000;

export function keyHashOf(key: string): string {
	return createHash('sha256').update(key).digest('base64url').slice(0, KEY_HASH_LENGTH);
}

export function minuteOf(epochMs: number): number {
	return Math.floor(epochMs / MS_PER_MINUTE);
}
