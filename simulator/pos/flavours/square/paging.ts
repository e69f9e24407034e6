import { createHash } from 'node:crypto';

/**
 * Square's cursors are opaque and belong to one query. Here a cursor carries the offset reached and a
 * fingerprint of the query (without cursor and limit), so a cursor sent with another query is refused.
 */
export function queryFingerprint(request: object): string {
	return createHash('sha256').update(JSON.stringify({ ...request, cursor: undefined, limit: undefined })).digest('hex').slice(0, 16);
}

export function encodeCursor(offset: number, fingerprint: string): string {
	return Buffer.from(JSON.stringify({ offset, query: fingerprint })).toString('base64url');
}

/** The offset a cursor continues from; null when it is malformed or belongs to another query. */
export function cursorOffset(cursor: string | undefined | null, fingerprint: string): number | null {
	if (cursor === undefined || cursor === null) return 0;
	try {
		const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { offset?: unknown; query?: unknown };
		return typeof value.offset === 'number' && value.query === fingerprint ? value.offset : null;
	} catch {
		return null;
	}
}

/** One page of `all` from `offset`, and the cursor for the next page when there is one. */
export function page<T>(all: T[], offset: number, limit: number, fingerprint: string): { items: T[]; cursor?: string } {
	const items = all.slice(offset, offset + limit);
	return offset + limit < all.length ? { items, cursor: encodeCursor(offset + limit, fingerprint) } : { items };
}
