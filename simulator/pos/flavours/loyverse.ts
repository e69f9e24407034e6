import { isObject, type FlavourRoutes } from '../routeContext';

/**
 * Loyverse-like receipts: `POST /v1.0/receipts` (store_id, line_items and payments required) creates every time (no idempotency); `GET /v1.0/receipts`
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
		if (!Array.isArray(body.payments) || body.payments.length === 0 || !body.payments.every((payment) => isObject(payment) && typeof payment.payment_type_id === 'string')) {
			return { status: 400, body: { errors: [{ code: 'MISSING_REQUIRED_PARAMETER', details: 'payments (each with a payment_type_id) are required', field: 'payments' }] } };
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
