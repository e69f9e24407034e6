import { serialization } from 'square';
import { bodyHash } from '../store';
import { header, isObject, type FlavourRoutes, type Reply, type RouteContext } from '../routeContext';

/** Square's error envelope: `{errors:[{category, code, detail, field?}]}`. */
function squareError(status: number, category: string, code: string, detail: string, field?: string): Reply {
	return { status, body: { errors: [{ category, code, detail, ...(field ? { field } : {}) }] } };
}

interface Schema {
	parse(raw: unknown, options: { unrecognizedObjectKeys: 'fail' }): { ok: boolean; errors?: Array<{ path: string[]; message: string }> };
}

/** Validates with the Square SDK's own request schemas; unknown keys fail, as Square's API rejects them. */
function validate(schema: Schema, body: unknown): Reply | null {
	if (body instanceof Error) return squareError(400, 'INVALID_REQUEST_ERROR', 'INVALID_CONTENT_TYPE', `Body is not valid JSON: ${body.message}`);
	if (!isObject(body)) return squareError(400, 'INVALID_REQUEST_ERROR', 'BAD_REQUEST', 'The request body must be a JSON object');
	const result = schema.parse(body, { unrecognizedObjectKeys: 'fail' });
	if (result.ok) return null;
	const errors = (result.errors ?? []).map((error) => ({
		category: 'INVALID_REQUEST_ERROR',
		code: /Unexpected key/.test(error.message) ? 'BAD_REQUEST' : 'INVALID_VALUE',
		detail: error.message,
		field: error.path.join('.').replace(/\.\[(\d+)\]/g, '[$1]'),
	}));
	return { status: 400, body: { errors } };
}

/**
 * Square's idempotency: the same key with the same body returns the stored result; the same key with
 * another body is an error (IDEMPOTENCY_KEY_REUSED).
 */
function idempotent(context: RouteContext, scope: string, key: unknown, create: () => Reply): Reply {
	if (typeof key !== 'string' || key === '') return create();
	const previous = context.store.recall(scope, key);
	const hash = bodyHash(context.json);
	if (previous) {
		if (previous.bodyHash !== hash) {
			return squareError(400, 'INVALID_REQUEST_ERROR', 'IDEMPOTENCY_KEY_REUSED', 'The idempotency key can only be retried with the same request data.', 'idempotency_key');
		}
		return { status: previous.status, body: previous.body };
	}
	const reply = create();
	if (reply.status < 300) context.store.remember(scope, key, { bodyHash: hash, status: reply.status, body: reply.body });
	return reply;
}

interface Money {
	amount: number;
	currency: string;
}

function createOrder(context: RouteContext): Reply {
	const request = context.json as { idempotency_key?: string; order: Record<string, unknown> };
	const order = request.order;
	if (typeof order.location_id !== 'string' || order.location_id === '') {
		return squareError(400, 'INVALID_REQUEST_ERROR', 'MISSING_REQUIRED_PARAMETER', 'Field must be set', 'order.location_id');
	}
	const lineItems = (order.line_items as Array<Record<string, unknown>> | undefined) ?? [];
	const currency = (lineItems.find((line) => isObject(line.base_price_money))?.base_price_money as Money | undefined)?.currency ?? 'USD';
	let total = 0;
	const lines = [];
	for (const [index, line] of lineItems.entries()) {
		if (typeof line.quantity !== 'string' || !/^\d+(\.\d{1,5})?$/.test(line.quantity) || Number(line.quantity) <= 0) {
			return squareError(400, 'INVALID_REQUEST_ERROR', 'INVALID_VALUE', 'Quantity must be a positive decimal string', `order.line_items[${index}].quantity`);
		}
		let price = line.base_price_money as Money | undefined;
		if (typeof line.catalog_object_id === 'string') {
			const variation = context.store.catalog.find((candidate) => candidate.id === line.catalog_object_id);
			if (!variation) return squareError(404, 'INVALID_REQUEST_ERROR', 'NOT_FOUND', `Item variation with catalog object ID \`${line.catalog_object_id}\` not found.`, `order.line_items[${index}].catalog_object_id`);
			price ??= { amount: variation.priceAmount, currency: variation.currency };
		} else if (typeof line.name !== 'string' || !price) {
			return squareError(400, 'INVALID_REQUEST_ERROR', 'MISSING_REQUIRED_PARAMETER', 'An ad hoc line item needs name and base_price_money', `order.line_items[${index}]`);
		}
		const lineTotal = Math.round(Number(price?.amount ?? 0) * Number(line.quantity));
		total += lineTotal;
		lines.push({ uid: context.store.nextId('L'), ...line, base_price_money: price, total_money: { amount: lineTotal, currency } });
	}
	const id = context.store.nextId('SQ');
	const now = context.store.timestamp();
	const created = { ...order, id, line_items: lines, state: 'OPEN', version: 1, created_at: now, updated_at: now, total_money: { amount: total, currency } };
	context.store.addOrder('square', created, typeof order.reference_id === 'string' ? order.reference_id : null, request.idempotency_key ?? null, id);
	return { status: 200, body: { order: created } };
}

function applyInventoryChanges(context: RouteContext): Reply {
	const request = context.json as { changes?: Array<Record<string, Record<string, string> | string>> };
	const touched = new Set<string>();
	for (const [index, change] of (request.changes ?? []).entries()) {
		if (change.type === 'PHYSICAL_COUNT' && isObject(change.physical_count)) {
			const count = change.physical_count as Record<string, string>;
			if (!count.catalog_object_id || !count.location_id || count.quantity === undefined) {
				return squareError(400, 'INVALID_REQUEST_ERROR', 'MISSING_REQUIRED_PARAMETER', 'catalog_object_id, location_id and quantity are required', `changes[${index}].physical_count`);
			}
			context.store.setQuantity(count.location_id, count.catalog_object_id, Number(count.quantity));
			touched.add(`${count.location_id}\u0000${count.catalog_object_id}`);
		} else if (change.type === 'ADJUSTMENT' && isObject(change.adjustment)) {
			const adjustment = change.adjustment as Record<string, string>;
			const location = adjustment.to_location_id ?? adjustment.from_location_id;
			if (!adjustment.catalog_object_id || !location || adjustment.quantity === undefined) {
				return squareError(400, 'INVALID_REQUEST_ERROR', 'MISSING_REQUIRED_PARAMETER', 'catalog_object_id, a location and quantity are required', `changes[${index}].adjustment`);
			}
			// Stock counted as IN_STOCK: moving into IN_STOCK adds, moving out of it takes away.
			const sign = adjustment.to_state === 'IN_STOCK' ? 1 : adjustment.from_state === 'IN_STOCK' ? -1 : 0;
			context.store.setQuantity(location, adjustment.catalog_object_id, context.store.quantity(location, adjustment.catalog_object_id) + sign * Number(adjustment.quantity));
			touched.add(`${location}\u0000${adjustment.catalog_object_id}`);
		} else {
			return squareError(400, 'INVALID_REQUEST_ERROR', 'INVALID_VALUE', 'Each change needs type PHYSICAL_COUNT or ADJUSTMENT with its object', `changes[${index}]`);
		}
	}
	const counts = [...touched].map((entry) => {
		const [location, item] = entry.split('\u0000');
		return countOf(context, location, item);
	});
	return { status: 200, body: { counts } };
}

function countOf(context: RouteContext, location: string, item: string) {
	return {
		catalog_object_id: item,
		catalog_object_type: 'ITEM_VARIATION',
		state: 'IN_STOCK',
		location_id: location,
		quantity: String(context.store.quantity(location, item)),
		calculated_at: context.store.timestamp(),
	};
}

function retrieveCounts(context: RouteContext): Reply {
	const request = context.json as { catalog_object_ids?: string[]; location_ids?: string[] };
	const locations = request.location_ids ?? [...context.store.stock.keys()];
	const items = request.catalog_object_ids ?? context.store.catalog.map((variation) => variation.id);
	const counts = locations.flatMap((location) =>
		items.filter((item) => context.store.stock.get(location)?.has(item)).map((item) => countOf(context, location, item)),
	);
	return { status: 200, body: { counts } };
}

function searchCatalog(context: RouteContext): Reply {
	const request = context.json as { object_types?: string[]; query?: { exact_query?: { attribute_name: string; attribute_value: string } } };
	if (request.object_types && !request.object_types.includes('ITEM_VARIATION')) return { status: 200, body: { objects: [] } };
	const exact = request.query?.exact_query;
	const variations = context.store.catalog.filter((variation) => {
		if (!exact) return true;
		if (exact.attribute_name === 'sku') return variation.sku === exact.attribute_value;
		if (exact.attribute_name === 'name') return variation.name === exact.attribute_value;
		return false;
	});
	const objects = variations.map((variation) => ({
		type: 'ITEM_VARIATION',
		id: variation.id,
		version: 1,
		present_at_all_locations: true,
		item_variation_data: { name: variation.name, sku: variation.sku, pricing_type: 'FIXED_PRICING', price_money: { amount: variation.priceAmount, currency: variation.currency } },
	}));
	return { status: 200, body: { objects } };
}

/**
 * A Square-compatible subset: orders, inventory changes and counts, catalog search. Request bodies are
 * checked against the Square SDK's serialization schemas, so a body that passes here passes Square's.
 */
export const squareRoutes: FlavourRoutes = (context) => {
	if (!context.path.startsWith('/v2/')) return null;
	const version = header(context, 'square-version');
	if (context.config.squareVersion && version !== context.config.squareVersion) {
		return squareError(400, 'INVALID_REQUEST_ERROR', 'BAD_REQUEST', `Square-Version header "${version ?? ''}" is not the expected ${context.config.squareVersion}`);
	}
	const route = `${context.method} ${context.path}`;
	switch (route) {
		case 'POST /v2/orders':
			return validate(serialization.CreateOrderRequest as unknown as Schema, context.json) ?? idempotent(context, 'square-orders', (context.json as Record<string, unknown>).idempotency_key, () => createOrder(context));
		case 'POST /v2/inventory/changes/batch-create': {
			const invalid = validate(serialization.BatchChangeInventoryRequest as unknown as Schema, context.json);
			if (invalid) return invalid;
			const key = (context.json as Record<string, unknown>).idempotency_key;
			if (typeof key !== 'string' || key === '') return squareError(400, 'INVALID_REQUEST_ERROR', 'MISSING_REQUIRED_PARAMETER', 'Field must be set', 'idempotency_key');
			return idempotent(context, 'square-inventory', key, () => applyInventoryChanges(context));
		}
		case 'POST /v2/inventory/counts/batch-retrieve':
			return validate(serialization.BatchGetInventoryCountsRequest as unknown as Schema, context.json) ?? retrieveCounts(context);
		case 'POST /v2/catalog/search':
			return validate(serialization.SearchCatalogObjectsRequest as unknown as Schema, context.json) ?? searchCatalog(context);
		case 'GET /v2/locations':
			return { status: 200, body: { locations: [...new Set(['MAIN', ...context.store.stock.keys()])].map((id) => ({ id, name: id, status: 'ACTIVE' })) } };
		case 'GET /v2/orders':
			return { status: 200, body: { orders: context.store.orders.filter((order) => order.flavour === 'square').map((order) => order.body) } };
		default:
			return squareError(404, 'INVALID_REQUEST_ERROR', 'NOT_FOUND', `API endpoint for URL path \`${context.path}\` and HTTP method \`${context.method}\` is not found.`);
	}
};
