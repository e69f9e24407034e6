import { createHash } from 'node:crypto';

/**
 * How one remembered key is named in static data: 12 base64url characters of its SHA-256 (72 bits: two keys in
 * a full memory of 10,000 share a hash with odds of about 1 in 10^14). Memories are stored as pages of these
 * (ledgerPage.ts). Earlier versions stored one string of fixed-width records, the hash followed by the minute
 * the key was first seen in 6 base36 digits; those are still read (`recordsOf`), so an upgrade forgets nothing.
 */
export const KEY_HASH_LENGTH = 12;
const MINUTE_DIGITS = 6;
export const RECORD_LENGTH = KEY_HASH_LENGTH + MINUTE_DIGITS;
export const MS_PER_MINUTE = 60_000;

const RECORD_PATTERN = /^[A-Za-z0-9_-]{12}[0-9a-z]{6}$/;

export function keyHashOf(key: string): string {
	return createHash('sha256').update(key).digest('base64url').slice(0, KEY_HASH_LENGTH);
}

export function minuteOf(epochMs: number): number {
	return Math.floor(epochMs / MS_PER_MINUTE);
}

/** A key in the record format (what earlier versions stored). */
export function recordOf(keyHash: string, minute: number): string {
	return keyHash + minute.toString(36).padStart(MINUTE_DIGITS, '0');
}

/** The record at `offset` of a memory stored in the record format, or undefined when it is not a well-formed record. */
function recordAt(text: string, offset: number): [keyHash: string, minute: number] | undefined {
	const record = text.slice(offset, offset + RECORD_LENGTH);
	if (!RECORD_PATTERN.test(record)) return undefined;
	return [record.slice(0, KEY_HASH_LENGTH), parseInt(record.slice(KEY_HASH_LENGTH), 36)];
}

/** The records of a memory stored in the record format, in stored order; anything that is not a well-formed record is skipped. */
export function* recordsOf(text: string): Generator<[keyHash: string, minute: number]> {
	for (let offset = 0; offset + RECORD_LENGTH <= text.length; offset += RECORD_LENGTH) {
		const record = recordAt(text, offset);
		if (record) yield record;
	}
}
