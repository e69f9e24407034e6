import { createHash } from 'node:crypto';
import { orderChangeKey } from './orderChangeKey';

/**
 * What the signature of a delivery says about the event it carries. Shopify's HMAC covers the body only:
 * `X-Shopify-Event-Id`, `-Webhook-Id` and `-Triggered-At` can be changed by whoever replays a captured
 * delivery, so a key that decides "seen before" must come from the body.
 */
export interface SignedEvent {
	/** The same for every delivery of one event, whatever its headers. */
	key: string;
	/**
	 * When the event happened by the body's own account (epoch ms): the order's `updated_at`, the refund's
	 * `created_at`, the edit's `committed_at`. Undefined when the body carries no time (`orders/delete` sends
	 * only the id), or it cannot be read.
	 */
	happenedAtMs?: number;
}

/** Integers too long for a double keep every digit as strings, so two ids that round alike stay apart. */
const LONG_INTEGER = /([:[,]\s*)(-?\d{16,})(?=\s*[,}\]])/g;

/**
 * The body parsed with long integers as strings. JSON.parse rounds ids above 2^53 (an order edit id
 * 78912328793123781 parses as …780), and Node 20's JSON.parse cannot hand over the source text. A string value
 * that happens to look like `: 12345678901234567,` would be damaged, so the caller falls back to the digest.
 */
function parseWithExactIds(rawText: string): Record<string, unknown> | undefined {
	try {
		const parsed: unknown = JSON.parse(rawText.replace(LONG_INTEGER, '$1"$2"'));
		return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

function idOf(value: unknown): string | undefined {
	if (typeof value === 'string' && /^-?\d+$/.test(value)) return value;
	if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
	return undefined;
}

function timeOf(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}

function gidOf(payload: Record<string, unknown>, type: string): string | undefined {
	if (typeof payload.admin_graphql_api_id === 'string' && payload.admin_graphql_api_id !== '') return payload.admin_graphql_api_id;
	const id = idOf(payload.id);
	return id ? `gid://shopify/${type}/${id}` : undefined;
}

/** The key and time of a topic's body; undefined parts when the body lacks them. */
function identityOf(topic: string, payload: Record<string, unknown>): { key?: string; happenedAtMs?: number } {
	if (topic === 'orders/delete') {
		const order = gidOf(payload, 'Order');
		return { key: order && `deleted:${order}` };
	}
	if (topic === 'refunds/create') {
		const refund = gidOf(payload, 'Refund');
		return { key: refund && `refund:${refund}`, happenedAtMs: timeOf(payload.created_at) };
	}
	if (topic === 'orders/edited') {
		const edit = (typeof payload.order_edit === 'object' && payload.order_edit !== null ? payload.order_edit : {}) as Record<string, unknown>;
		const id = idOf(edit.id);
		return { key: id && `order-edit:gid://shopify/OrderEdit/${id}`, happenedAtMs: timeOf(edit.committed_at) ?? timeOf(edit.created_at) };
	}
	// Every other offered topic carries the order: one order at one updated_at, the key the polling trigger uses too.
	const order = typeof payload.admin_graphql_api_id === 'string' ? payload.admin_graphql_api_id : undefined;
	return { key: orderChangeKey(order, typeof payload.updated_at === 'string' ? payload.updated_at : undefined), happenedAtMs: timeOf(payload.updated_at) };
}

/**
 * The signed identity of a verified delivery of `topic`. When the body names no event (fields left out by
 * Include Fields, a shape this version does not know), the digest of the signed bytes stands in: the same body
 * replayed is still recognised.
 */
export function signedEventOf(topic: string, rawBody: Buffer): SignedEvent {
	const payload = parseWithExactIds(rawBody.toString('utf8'));
	const identity = payload ? identityOf(topic, payload) : {};
	const key = identity.key ?? `body:${topic}:${createHash('sha256').update(rawBody).digest('base64url')}`;
	return identity.happenedAtMs === undefined ? { key } : { key, happenedAtMs: identity.happenedAtMs };
}

/** Whether an event that happened at `happenedAtMs` is older than the memory window: its keys may be forgotten. */
export function isOlderThanWindow(happenedAtMs: number | undefined, nowMs: number, windowMs: number): boolean {
	return happenedAtMs !== undefined && nowMs - happenedAtMs > windowMs;
}
