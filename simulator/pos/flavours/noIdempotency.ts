import type { FlavourRoutes } from '../routeContext';
import { header, isObject } from '../routeContext';
import { bodyHash } from '../store';

/**
 * Clover-like orders: `POST /v3/merchants/{mId}/orders` creates every time (Clover has no idempotency);
 * `GET …/orders?filter=externalReferenceId=X` finds by the caller's reference, answering `{elements:[…]}`.
 */
export const cloverRoutes: FlavourRoutes = (context) => {
	const match = /^\/v3\/merchants\/([^/]+)(\/orders)?$/.exec(context.path);
	if (!match) return context.path.startsWith('/v3/') ? { status: 404, body: { message: 'Not Found' } } : null;
	const merchant = match[1];
	if (!match[2]) return context.method === 'GET' ? { status: 200, body: { id: merchant, name: `Merchant ${merchant}` } } : { status: 405, body: { message: 'Method Not Allowed' } };
	if (context.method === 'POST') {
		const body = context.json;
		if (!isObject(body)) return { status: 400, body: { message: 'Invalid JSON body' } };
		const id = context.store.nextId('CL');
		const order = { ...body, id, href: `https://api.clover.com/v3/merchants/${merchant}/orders/${id}`, createdTime: Date.parse(context.store.timestamp()) };
		context.store.addOrder('clover', order, typeof body.externalReferenceId === 'string' ? body.externalReferenceId : null, null, id);
		return { status: 200, body: order };
	}
	if (context.method === 'GET') {
		// Clover's filter syntax: filter=field=value (several filters are ANDed).
		const filters = context.url.searchParams.getAll('filter').map((filter) => filter.split('=', 2) as [string, string | undefined]);
		const elements = context.store.orders
			.filter((order) => order.flavour === 'clover')
			.map((order) => order.body as Record<string, unknown>)
			.filter((order) => filters.every(([field, value]) => String(order[field] ?? '') === (value ?? '')));
		return { status: 200, body: { elements, href: `https://api.clover.com/v3/merchants/${merchant}/orders` } };
	}
	return { status: 405, body: { message: 'Method Not Allowed' } };
};

/**
 * Loyverse-like receipts: `POST /v1.0/receipts` creates every time (no idempotency); `GET /v1.0/receipts`
 * lists newest first (`{receipts:[…]}`; filters `store_id`, `created_at_min`, `limit`) — it cannot search by
 * the caller's reference, so a lookup matches the `order` field in the list; `GET /v1.0/stores`.
 */
export const loyverseRoutes: FlavourRoutes = (context) => {
	if (!context.path.startsWith('/v1.0/')) return null;
	if (context.method === 'GET' && context.path === '/v1.0/stores') return { status: 200, body: { stores: [{ id: 'store-1', name: 'Main store' }] } };
	if (context.path !== '/v1.0/receipts') return { status: 404, body: { errors: [{ code: 'NOT_FOUND', details: 'Not found' }] } };
	if (context.method === 'POST') {
		const body = context.json;
		if (!isObject(body) || typeof body.store_id !== 'string' || !Array.isArray(body.line_items) || body.line_items.length === 0) {
			return { status: 400, body: { errors: [{ code: 'MISSING_REQUIRED_PARAMETER', details: 'store_id and line_items are required', field: 'store_id' }] } };
		}
		const number = context.store.nextId('1-');
		const receipt = { ...body, receipt_number: number, receipt_type: 'SALE', created_at: context.store.timestamp(), source: 'API' };
		context.store.addOrder('loyverse', receipt, typeof body.order === 'string' ? body.order : null, null, number);
		return { status: 200, body: receipt };
	}
	if (context.method === 'GET') {
		const storeId = context.url.searchParams.get('store_id');
		const since = context.url.searchParams.get('created_at_min');
		const limit = Number(context.url.searchParams.get('limit') ?? 50);
		const receipts = context.store.orders
			.filter((order) => order.flavour === 'loyverse')
			.map((order) => order.body as Record<string, unknown>)
			.filter((receipt) => (storeId === null || receipt.store_id === storeId) && (since === null || String(receipt.created_at) >= since))
			.reverse()
			.slice(0, Math.min(250, Math.max(1, limit)));
		return { status: 200, body: { receipts } };
	}
	return { status: 405, body: { errors: [{ code: 'METHOD_NOT_ALLOWED', details: 'Method not allowed' }] } };
};

/**
 * Lightspeed X-like sales: `POST /api/register_sales`, deduplicated on `request_id` (a repeat with the same
 * body answers the stored sale). Lightspeed X refuses requests without a User-Agent; its 429 carries an
 * HTTP-date Retry-After (the server adds that).
 */
export const lightspeedXRoutes: FlavourRoutes = (context) => {
	if (context.path !== '/api/register_sales' && !context.path.startsWith('/api/2.0/')) return null;
	if (!header(context, 'user-agent')) return { status: 400, body: { error: 'A User-Agent header is required' } };
	if (context.method === 'GET' && context.path === '/api/2.0/outlets') return { status: 200, body: { data: [{ id: 'outlet-1', name: 'Main Outlet' }] } };
	if (context.method !== 'POST' || context.path !== '/api/register_sales') return { status: 404, body: { error: 'Not Found' } };
	const body = context.json;
	if (!isObject(body) || !Array.isArray(body.register_sale_products) || typeof body.register_id !== 'string') {
		return { status: 400, body: { error: 'register_id and register_sale_products are required' } };
	}
	const requestId = typeof body.request_id === 'string' && body.request_id !== '' ? body.request_id : null;
	if (requestId) {
		const previous = context.store.recall('lightspeed-sales', requestId);
		if (previous) {
			return previous.bodyHash === bodyHash(body)
				? { status: previous.status, body: previous.body }
				: { status: 409, body: { error: `request_id ${requestId} was already used for a different sale` } };
		}
	}
	const id = context.store.nextId('LS');
	const sale = { register_sale: { ...body, id, created_at: context.store.timestamp() } };
	context.store.addOrder('lightspeedX', sale.register_sale, typeof body.invoice_number === 'string' ? body.invoice_number : null, requestId, id);
	if (requestId) context.store.remember('lightspeed-sales', requestId, { bodyHash: bodyHash(body), status: 200, body: sale });
	return { status: 200, body: sale };
};
