import { isObject, type FlavourRoutes } from '../routeContext';

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
