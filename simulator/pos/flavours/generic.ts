import { bodyHash, readPath } from '../store';
import { header, isObject, type FlavourRoutes, type Reply, type RouteContext } from '../routeContext';

function idempotencyKeyOf(context: RouteContext): string | null {
	const setting = context.config.idempotency;
	if (setting.in === 'header') return header(context, setting.name) ?? null;
	if (setting.in === 'body') {
		const value = readPath(context.json, setting.path);
		return typeof value === 'string' && value !== '' ? value : null;
	}
	return null;
}

/** Applies the configured idempotency around a create: replay the stored answer, or 409 on a repeat. */
function idempotent(context: RouteContext, scope: string, create: () => Reply): Reply {
	const key = idempotencyKeyOf(context);
	const setting = context.config.idempotency;
	if (key === null || setting.in === 'none') return create();
	const previous = context.store.recall(scope, key);
	if (previous) {
		if (setting.onRepeat === 'conflict') return { status: 409, body: { message: `A record with key "${key}" already exists` } };
		if (previous.bodyHash !== bodyHash(context.json)) {
			return { status: 422, body: { message: `Idempotency key "${key}" was already used with a different request body` } };
		}
		return { status: previous.status, body: previous.body, headers: { 'idempotent-replayed': 'true' } };
	}
	const reply = create();
	if (reply.status < 300) context.store.remember(scope, key, { bodyHash: bodyHash(context.json), status: reply.status, body: reply.body });
	return reply;
}

interface GenericLine {
	sku: string;
	quantity: number;
}

function linesOf(body: Record<string, unknown>): GenericLine[] | string {
	const lines = body.lines ?? [];
	if (!Array.isArray(lines)) return '"lines" must be a list';
	for (const [index, line] of lines.entries()) {
		if (!isObject(line) || typeof line.sku !== 'string' || typeof line.quantity !== 'number' || !(line.quantity > 0)) {
			return `lines[${index}] needs a "sku" (string) and a positive "quantity" (number)`;
		}
	}
	return lines as GenericLine[];
}

/**
 * A generic REST POS: `POST /api/orders` (sales, taking stock at `locationId`), `GET /api/orders?externalId=`,
 * `GET /api/orders/{id}`, `GET /api/stock?locationId=`, `POST /api/stock/adjustments`. Idempotency as configured.
 */
export const genericRoutes: FlavourRoutes = (context) => {
	const { method, path, store } = context;
	if (!path.startsWith('/api/')) return null;
	if (method === 'POST' && path === '/api/orders') {
		const body = context.json;
		if (!isObject(body)) return { status: 400, body: { message: 'The body must be a JSON object' } };
		const lines = linesOf(body);
		if (typeof lines === 'string') return { status: 422, body: { message: lines } };
		return idempotent(context, 'generic-orders', () => {
			const location = typeof body.locationId === 'string' ? body.locationId : 'default';
			for (const line of lines) store.setQuantity(location, line.sku, store.quantity(location, line.sku) - line.quantity);
			const externalRef = typeof body.externalId === 'string' ? body.externalId : null;
			const order = store.addOrder('generic', body, externalRef, idempotencyKeyOf(context));
			return { status: 201, body: { ...body, id: order.id, createdAt: order.createdAt } };
		});
	}
	if (method === 'GET' && path === '/api/orders') {
		const externalId = context.url.searchParams.get('externalId');
		const orders = store.orders
			.filter((order) => order.flavour === 'generic' && (externalId === null || order.externalRef === externalId))
			.map((order) => ({ ...(order.body as object), id: order.id, createdAt: order.createdAt }));
		return { status: 200, body: { orders } };
	}
	const single = /^\/api\/orders\/([^/]+)$/.exec(path);
	if (method === 'GET' && single) {
		const order = store.orders.find((candidate) => candidate.flavour === 'generic' && candidate.id === single[1]);
		return order ? { status: 200, body: { ...(order.body as object), id: order.id } } : { status: 404, body: { message: `No order ${single[1]}` } };
	}
	if (method === 'GET' && path === '/api/stock') {
		const location = context.url.searchParams.get('locationId') ?? 'default';
		const items = [...(store.stock.get(location) ?? new Map<string, number>()).entries()].map(([sku, quantity]) => ({ sku, quantity }));
		return { status: 200, body: { locationId: location, stock: items } };
	}
	if (method === 'POST' && path === '/api/stock/adjustments') {
		const body = context.json;
		if (!isObject(body) || typeof body.sku !== 'string' || typeof body.delta !== 'number' || !Number.isInteger(body.delta)) {
			return { status: 422, body: { message: 'Send {"locationId", "sku", "delta" (an integer)}' } };
		}
		return idempotent(context, 'generic-stock', () => {
			const location = typeof body.locationId === 'string' ? body.locationId : 'default';
			const quantity = store.quantity(location, body.sku as string) + (body.delta as number);
			store.setQuantity(location, body.sku as string, quantity);
			return { status: 200, body: { locationId: location, sku: body.sku, quantity } };
		});
	}
	return { status: 404, body: { message: `No route ${method} ${path}` } };
};
