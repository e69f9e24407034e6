import { isObject, type FlavourRoutes, type RouteContext } from '../routeContext';

/** What Clover's `POST /v3/merchants/{mId}/orders` keeps; line items need calls of their own there. */
const CUSTOM_ORDER_FIELDS = ['taxRemoved', 'note', 'title', 'state', 'testMode', 'manualTransaction', 'groupLineItems', 'orderType'];

/**
 * Clover-like orders (Clover has no idempotency):
 * - `POST /v3/merchants/{mId}/atomic_order/orders` with `{ orderCart }` creates the whole order, lines included;
 * - `POST /v3/merchants/{mId}/orders` creates an order from Clover's documented custom-order fields only, so a
 *   body that carries `lineItems` or `externalReferenceId` there loses them, as it would in Clover;
 * - `GET …/orders?filter=externalReferenceId=X` finds by the caller's reference, answering `{elements:[…]}`.
 */
export const cloverRoutes: FlavourRoutes = (context) => {
	const match = /^\/v3\/merchants\/([^/]+)(\/orders|\/atomic_order\/orders)?$/.exec(context.path);
	if (!match) return context.path.startsWith('/v3/') ? { status: 404, body: { message: 'Not Found' } } : null;
	const merchant = match[1];
	if (!match[2]) return context.method === 'GET' ? { status: 200, body: { id: merchant, name: `Merchant ${merchant}` } } : { status: 405, body: { message: 'Method Not Allowed' } };
	if (match[2] === '/atomic_order/orders') {
		if (context.method !== 'POST') return { status: 405, body: { message: 'Method Not Allowed' } };
		const cart = isObject(context.json) ? context.json.orderCart : undefined;
		if (!isObject(cart)) return { status: 400, body: { message: 'orderCart is required' } };
		if (cart.lineItems !== undefined && !Array.isArray(cart.lineItems)) return { status: 400, body: { message: 'orderCart.lineItems must be an array' } };
		return createOrder(context, merchant, { ...cart, total: cartTotal(cart.lineItems) });
	}
	if (context.method === 'POST') {
		const body = context.json;
		if (!isObject(body)) return { status: 400, body: { message: 'Invalid JSON body' } };
		return createOrder(context, merchant, Object.fromEntries(Object.entries(body).filter(([field]) => CUSTOM_ORDER_FIELDS.includes(field))));
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

function createOrder(context: RouteContext, merchant: string, fields: Record<string, unknown>) {
	const id = context.store.nextId('CL');
	const order = { ...fields, id, href: `https://api.clover.com/v3/merchants/${merchant}/orders/${id}`, createdTime: Date.parse(context.store.timestamp()) };
	context.store.addOrder('clover', order, typeof fields.externalReferenceId === 'string' ? fields.externalReferenceId : null, null, id);
	return { status: 200, body: order };
}

/** Minor units: each line's price times its quantity (Clover counts units in thousandths; none given is one). */
function cartTotal(lineItems: unknown): number {
	if (!Array.isArray(lineItems)) return 0;
	return lineItems.reduce<number>((sum, line) => {
		if (!isObject(line)) return sum;
		const price = typeof line.price === 'number' ? line.price : 0;
		const thousandths = typeof line.unitQty === 'number' ? line.unitQty : 1000;
		return sum + Math.round((price * thousandths) / 1000);
	}, 0);
}
