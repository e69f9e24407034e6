import type { Reply } from '../../routeContext';
import { invalid, wrongType } from './errors';

/** `limit` as Loyverse documents it: 1 to 250, 50 when absent. */
export const MAX_LIMIT = 250;
export const DEFAULT_LIMIT = 50;

/**
 * A cursor is opaque to the client. Here it carries the query it continues (its filters) and the sequence
 * number of the last object returned, so the next page starts after that object even when objects were added
 * in between (no object is skipped or repeated). A cursor sent alone continues its own query.
 */
interface CursorState {
	query: Record<string, string>;
	after: number;
}

export function encodeCursor(state: CursorState): string {
	return Buffer.from(JSON.stringify(state)).toString('base64url');
}

/** The query a request continues: the cursor's when one is sent, else the request's own; or a 400. */
export function readCursor(params: URLSearchParams): { query: URLSearchParams; after: number | null } | Reply {
	const cursor = params.get('cursor');
	if (cursor === null || cursor === '') return { query: params, after: null };
	try {
		const state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorState;
		if (typeof state.after !== 'number' || typeof state.query !== 'object' || state.query === null) throw new Error('bad cursor');
		const query = new URLSearchParams(state.query);
		const limit = params.get('limit');
		if (limit !== null) query.set('limit', limit);
		return { query, after: state.after };
	} catch {
		return invalid('cursor', 'cursor is not one this API returned');
	}
}

/**
 * `limit` as sent: absent → 50; not an integer → 400; outside 1..250 → clamped (whether Loyverse clamps or
 * refuses is unconfirmed; the receipts route has always clamped).
 */
export function readLimit(query: URLSearchParams): number | Reply {
	const raw = query.get('limit');
	if (raw === null || raw === '') return DEFAULT_LIMIT;
	const limit = Number(raw);
	if (!Number.isInteger(limit)) return wrongType('limit', 'an integer from 1 to 250');
	return Math.min(MAX_LIMIT, Math.max(1, limit));
}

/** A time filter (`updated_at_min`…): absent → null; a date Date.parse reads → ms; else a 400 naming it. */
export function readTime(query: URLSearchParams, name: string): number | null | Reply {
	const raw = query.get(name);
	if (raw === null || raw === '') return null;
	const at = Date.parse(raw);
	return Number.isNaN(at) ? invalid(name, `${name} must be an ISO 8601 date-time`) : at;
}

/** A comma-separated id list (`variant_ids=a,b`): absent → null. */
export function readList(query: URLSearchParams, name: string): Set<string> | null {
	const raw = query.get(name);
	if (raw === null || raw === '') return null;
	return new Set(raw.split(',').map((part) => part.trim()).filter((part) => part !== ''));
}

/**
 * One page of `ordered` (already filtered and in answer order): the objects after the cursor's, at most
 * `limit`, and a cursor when more follow. `seq` is each object's sequence number; `descending` lists
 * newest first.
 */
export function page<T>(ordered: T[], seq: (item: T) => number, after: number | null, limit: number, query: URLSearchParams, descending = false): { items: T[]; cursor?: string } {
	const rest = after === null ? ordered : ordered.filter((item) => (descending ? seq(item) < after : seq(item) > after));
	const items = rest.slice(0, limit);
	if (rest.length <= limit) return { items };
	const carried = Object.fromEntries([...query.entries()].filter(([name]) => name !== 'cursor' && name !== 'limit'));
	return { items, cursor: encodeCursor({ query: carried, after: seq(items[items.length - 1]) }) };
}

export function isReply(value: unknown): value is Reply {
	return typeof value === 'object' && value !== null && 'status' in value && 'body' in value;
}
