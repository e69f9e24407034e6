import { KEY_HASH_LENGTH } from './keyHash';

/**
 * How a page of remembered keys is stored: the minute of its newest key, 6 base36 digits, followed by the
 * 12-character hashes of its keys in the order they were added. No character needs escaping in JSON, so a
 * memory is a short array of plain strings. The whole page expires with its newest key; a page takes keys
 * for a limited time only (see keyMemory.ts), which bounds how much longer than that an older key stays.
 */
const MINUTE_DIGITS = 6;
const PAGE_PATTERN = /^[0-9a-z]{6}(?:[A-Za-z0-9_-]{12})*$/;

export function pageText(minute: number, hashes: string): string {
	return minute.toString(36).padStart(MINUTE_DIGITS, '0') + hashes;
}

/** The minute of a stored page, unchecked. */
export function pageMinute(text: string): number {
	return parseInt(text.slice(0, MINUTE_DIGITS), 36);
}

/** The hashes of a stored page, unchecked (a view of `text`, not a copy). */
export function pageHashes(text: string): string {
	return text.slice(MINUTE_DIGITS);
}

/** The first key hash of a stored page, which names it: no other page of one memory starts with it. */
export function pageFirstHash(text: string): string {
	return text.slice(MINUTE_DIGITS, MINUTE_DIGITS + KEY_HASH_LENGTH);
}

/** Whether `value` is a well-formed page holding at least one key (hand-edited static data is skipped). */
export function isPageText(value: unknown): value is string {
	return typeof value === 'string' && value.length > MINUTE_DIGITS && PAGE_PATTERN.test(value);
}

/** The key hashes of `hashes` (a page's hash part), one by one. */
export function* hashesOf(hashes: string): Generator<string> {
	for (let offset = 0; offset + KEY_HASH_LENGTH <= hashes.length; offset += KEY_HASH_LENGTH) {
		yield hashes.slice(offset, offset + KEY_HASH_LENGTH);
	}
}
