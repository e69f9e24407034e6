import { serialization } from 'square';
import { header, type FlavourRoutes, type Reply, type RouteContext } from '../../routeContext';
import { checkedResponse, checkRequest, squareError, type SquareSchema } from './errors';
import { MAX_CHANGES } from './inventory';
import type { SquareSimulation } from './simulation';

type Json = Record<string, unknown>;

const MAX_INVENTORY_KEY = 128;

interface SquareRoute {
	method: string;
	path: RegExp;
	/** The SDK request schema the body must pass (GET routes have none). */
	request?: [SquareSchema, string];
	/** The SDK response schema every answer of this route passes, errors included. */
	response: [SquareSchema, string];
	handle(sim: SquareSimulation, body: Json, match: RegExpMatchArray, context: RouteContext): Reply;
}

const schema = (name: keyof typeof serialization): [SquareSchema, string] => [serialization[name] as unknown as SquareSchema, name];

function batchChange(sim: SquareSimulation, body: Json): Reply {
	const changes = (body.changes as Json[] | undefined) ?? [];
	if (changes.length > MAX_CHANGES) return squareError(400, 'INVALID_REQUEST_ERROR', 'ARRAY_LENGTH_TOO_LONG', `At most ${MAX_CHANGES} changes may be sent in one request; got ${changes.length}.`, 'changes');
	// BatchChangeInventoryRequest.idempotency_key: "Minimum Length 1, Maximum Length 128" (Square's PHP SDK model doc).
	const key = body.idempotency_key as string;
	if (key.length < 1 || key.length > MAX_INVENTORY_KEY) return squareError(400, 'INVALID_REQUEST_ERROR', key.length < 1 ? 'VALUE_TOO_SHORT' : 'VALUE_TOO_LONG', `idempotency_key must be 1 to ${MAX_INVENTORY_KEY} characters; got ${key.length}.`, 'idempotency_key');
	return sim.idempotency.run('inventory', key, body, () => {
		// All or nothing: every change is checked before any is applied.
		for (const [index, change] of changes.entries()) {
			const refused = sim.inventory.check(change, index);
			if (refused) return refused;
		}
		const applied = sim.applyInventory(changes, { product: 'EXTERNAL_API', application_id: sim.applicationId, name: sim.applicationName }, body.ignore_unchanged_counts !== false);
		return { status: 200, body: applied };
	});
}

const ROUTES: SquareRoute[] = [
	{ method: 'POST', path: /^\/v2\/catalog\/search$/, request: schema('SearchCatalogObjectsRequest'), response: schema('SearchCatalogObjectsResponse'), handle: (sim, body) => sim.catalog.search(body) },
	{ method: 'POST', path: /^\/v2\/catalog\/batch-retrieve$/, request: schema('BatchGetCatalogObjectsRequest'), response: schema('BatchGetCatalogObjectsResponse'), handle: (sim, body) => sim.catalog.batchRetrieve(body as { object_ids: string[] }) },
	{
		method: 'GET',
		path: /^\/v2\/catalog\/object\/([^/]+)$/,
		response: schema('GetCatalogObjectResponse'),
		handle: (sim, _body, match, context) => sim.catalog.retrieve(decodeURIComponent(match[1]), context.url.searchParams.get('include_related_objects') === 'true'),
	},
	{ method: 'POST', path: /^\/v2\/inventory\/changes\/batch-create$/, request: schema('BatchChangeInventoryRequest'), response: schema('BatchChangeInventoryResponse'), handle: batchChange },
	{ method: 'POST', path: /^\/v2\/inventory\/counts\/batch-retrieve$/, request: schema('BatchGetInventoryCountsRequest'), response: schema('BatchGetInventoryCountsResponse'), handle: (sim, body) => sim.inventory.retrieveCounts(body) },
	{ method: 'POST', path: /^\/v2\/inventory\/changes\/batch-retrieve$/, request: schema('BatchRetrieveInventoryChangesRequest'), response: schema('BatchGetInventoryChangesResponse'), handle: (sim, body) => sim.inventory.retrieveChanges(body) },
	{ method: 'GET', path: /^\/v2\/locations$/, response: schema('ListLocationsResponse'), handle: (sim) => sim.locations.list() },
	{
		method: 'POST',
		path: /^\/v2\/orders$/,
		request: schema('CreateOrderRequest'),
		response: schema('CreateOrderResponse'),
		handle: (sim, body) => (typeof body.idempotency_key === 'string' && body.idempotency_key !== '' ? sim.idempotency.run('orders', body.idempotency_key, body, () => sim.orders.create(body)) : sim.orders.create(body)),
	},
	{ method: 'GET', path: /^\/v2\/orders\/([^/]+)$/, response: schema('GetOrderResponse'), handle: (sim, _body, match) => sim.orders.retrieve(decodeURIComponent(match[1])) },
	{
		method: 'POST',
		path: /^\/v2\/orders\/([^/]+)\/pay$/,
		request: schema('PayOrderRequest'),
		response: schema('PayOrderResponse'),
		handle: (sim, body, match) => sim.idempotency.run(`pay-order-${match[1]}`, body.idempotency_key as string, body, () => sim.orders.pay(decodeURIComponent(match[1]), body)),
	},
	{ method: 'POST', path: /^\/v2\/payments$/, request: schema('CreatePaymentRequest'), response: schema('CreatePaymentResponse'), handle: (sim, body) => sim.idempotency.run('payments', body.idempotency_key as string, body, () => sim.orders.createPayment(body)) },
];

/** Every Square route the simulator answers, as `METHOD ResponseSchemaName` (for the contract test's coverage). */
export const SQUARE_ROUTE_NAMES = ROUTES.map((route) => `${route.method} ${route.response[1]}`);

/** The route a request names, for the schema test; null when the simulator has none. */
export function squareRouteFor(method: string, path: string): { request?: string; response: string } | null {
	const route = ROUTES.find((candidate) => candidate.method === method && candidate.path.test(path));
	return route ? { request: route.request?.[1], response: route.response[1] } : null;
}

/**
 * Square's API as documented: catalog, inventory, locations, orders and payments. Every request body is
 * checked with the SDK's request schema and every answer with its response schema.
 */
export const squareRoutes: FlavourRoutes = (context) => {
	if (!context.path.startsWith('/v2/')) return null;
	const version = header(context, 'square-version');
	if (context.config.squareVersion && version !== context.config.squareVersion) {
		return squareError(400, 'INVALID_REQUEST_ERROR', 'BAD_REQUEST', `Square-Version header "${version ?? ''}" is not the expected ${context.config.squareVersion}`);
	}
	for (const route of ROUTES) {
		const match = route.method === context.method ? context.path.match(route.path) : null;
		if (!match) continue;
		const refused = route.request ? checkRequest(route.request[0], context.json) : null;
		const reply = refused ?? route.handle(context.square, (context.json ?? {}) as Json, match, context);
		return checkedResponse(route.response[0], route.response[1], reply);
	}
	return squareError(404, 'INVALID_REQUEST_ERROR', 'NOT_FOUND', `API endpoint for URL path \`${context.path}\` and HTTP method \`${context.method}\` is not found.`);
};

