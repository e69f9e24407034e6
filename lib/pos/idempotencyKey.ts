import { createHash } from 'node:crypto';
import { InputError } from '../packageError';

/**
 * Where a POS expects the idempotency key: Square reads `idempotency_key` in the body, Toast treats a
 * unique `externalId` as one, Lightspeed X reads `request_id`, many REST APIs read an `Idempotency-Key`
 * header; Clover, Loyverse and Lightspeed R have none (use "create only if absent" there).
 */
export type IdempotencyPlacement =
	| { in: 'header'; name: string }
	| { in: 'body'; path: string }
	| { in: 'none' };

export class IdempotencyKeyError extends InputError {
	constructor(message: string) {
		super(message, 'NO_IDEMPOTENCY_KEY');
	}
}

type Json = Record<string, unknown>;

/** `gid://shopify/Order/1001` → `1001`; numbers and plain strings as they are. */
function idPart(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const gid = /^gid:\/\/[^/]+\/[^/]+\/([^/?]+)/.exec(value.trim());
	return gid ? gid[1] : value.trim();
}

function firstId(json: Json, paths: string[]): string | undefined {
	for (const path of paths) {
		const id = idPart(readPath(json, path));
		if (id !== undefined) return id;
	}
	return undefined;
}

const ORDER_ID_PATHS = ['orderId', 'order.id', 'shopifyOrderId', 'admin_graphql_api_id', 'id'];
const LOCATION_ID_PATHS = ['locationId', 'location.id', 'location_id', 'order.locationId', 'fulfillmentLocations.0.id'];

/**
 * The default key for an input item, stable across re-runs so n8n's "Retry On Fail", a re-sent failed
 * item and a duplicate Shopify webhook all map to the same POS order:
 * 1. an `idempotencyKey` the item already carries;
 * 2. `shopify-<order id>-<location id>` (or `shopify-<order id>`) from the fields our Shopify nodes emit;
 * 3. otherwise `sha256-<hash of method, path and body>`, so identical requests share a key.
 */
export function deriveIdempotencyKey(json: Json, request: { method: string; path: string; body?: string }): string {
	const carried = json.idempotencyKey;
	if (typeof carried === 'string' && carried.trim() !== '') return carried.trim();
	const orderId = firstId(json, ORDER_ID_PATHS);
	if (orderId !== undefined) {
		const locationId = firstId(json, LOCATION_ID_PATHS);
		return locationId === undefined ? `shopify-${orderId}` : `shopify-${orderId}-${locationId}`;
	}
	const digest = createHash('sha256').update(`${request.method} ${request.path}\n${request.body ?? ''}`).digest('hex');
	return `sha256-${digest.slice(0, 40)}`;
}

/** Reads `a.b.0.c` from an object; undefined when any step is missing. */
export function readPath(json: unknown, path: string): unknown {
	let current: unknown = json;
	for (const step of splitPath(path)) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[step];
	}
	return current;
}

function splitPath(path: string): string[] {
	const steps = path.split('.').map((step) => step.trim());
	if (path.trim() === '' || steps.some((step) => step === '')) {
		throw new IdempotencyKeyError(`The body path "${path}" is not a dotted path like "idempotency_key" or "order.externalId".`);
	}
	return steps;
}

/** Returns a copy of the body with `value` at the dotted path, creating objects on the way. */
export function writePath(body: Json, path: string, value: string): Json {
	const steps = splitPath(path);
	const root: Json = { ...body };
	let target: Json = root;
	steps.forEach((step, index) => {
		if (index === steps.length - 1) {
			target[step] = value;
			return;
		}
		const next = target[step];
		if (next !== undefined && (next === null || typeof next !== 'object' || Array.isArray(next))) {
			throw new IdempotencyKeyError(`Cannot put the idempotency key at "${path}": "${steps.slice(0, index + 1).join('.')}" in the body is not an object.`);
		}
		const copy: Json = { ...((next as Json | undefined) ?? {}) };
		target[step] = copy;
		target = copy;
	});
	return root;
}

/**
 * Puts the key where the POS reads it. A body path needs a JSON object body; a key already present at
 * that path is kept (the workflow set it on purpose) and reported as the key in use.
 */
export function placeIdempotencyKey(
	placement: IdempotencyPlacement,
	key: string,
	headers: Record<string, string>,
	body: Json | undefined,
): { headers: Record<string, string>; body: Json | undefined; key: string | undefined } {
	if (placement.in === 'none') return { headers, body, key: undefined };
	if (placement.in === 'header') {
		const name = placement.name.trim();
		if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new IdempotencyKeyError(`"${placement.name}" is not a valid header name for the idempotency key.`);
		const existing = Object.keys(headers).find((header) => header.toLowerCase() === name.toLowerCase());
		if (existing && headers[existing]) return { headers, body, key: headers[existing] };
		return { headers: { ...headers, [name]: key }, body, key };
	}
	if (body === undefined) {
		throw new IdempotencyKeyError(`The idempotency key goes into the body at "${placement.path}", but the request has no JSON object body.`);
	}
	const existing = readPath(body, placement.path);
	if (typeof existing === 'string' && existing !== '') return { headers, body, key: existing };
	return { headers, body: writePath(body, placement.path, key), key };
}
