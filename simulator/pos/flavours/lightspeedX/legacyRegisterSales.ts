import { isObject, type Reply, type RouteContext } from '../../routeContext';
import { bodyHash } from '../../store';

/**
 * The legacy (0.9) `POST /api/register_sales` (register_id and user_id required, as Lightspeed documents),
 * deduplicated on `request_id` (a repeat with the same body answers the stored sale). That dedupe is this
 * simulator's assumption, not documented by Lightspeed: templates/README.md asks users to check it. It keeps
 * its own records in the shared order list and moves no stock.
 */
export function legacyRegisterSales(context: RouteContext): Reply {
	if (context.method !== 'POST') return { status: 404, body: { error: 'Not Found' } };
	const body = context.json;
	if (!isObject(body) || !Array.isArray(body.register_sale_products) || typeof body.register_id !== 'string' || typeof body.user_id !== 'string') {
		return { status: 400, body: { error: 'register_id, user_id and register_sale_products are required' } };
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
}
