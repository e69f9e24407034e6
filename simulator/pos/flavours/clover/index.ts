import { isObject, type FlavourRoutes, type Reply, type RouteContext } from '../../routeContext';
import { cloverError, notFound, unauthorized } from './errors';
import { matches, parseFilters } from './filters';
import { renderStock } from './items';
import { CloverOrders, CUSTOM_ORDER_FIELDS, lineUnits, type CloverOrder } from './orders';
import { page } from './paging';
import type { CloverSimulation } from './simulation';

type Json = Record<string, unknown>;

const ORDER_FILTERS = ['id', 'externalReferenceId', 'state', 'paymentState', 'total', 'createdTime', 'modifiedTime', 'clientCreatedTime'];
const STOCK_FILTERS = ['modifiedTime', 'quantity'];
const itemFilters = (sim: CloverSimulation) => ['id', ...(sim.settings.itemSkuFilter ? ['sku'] : []), 'code', 'name', 'modifiedTime', 'itemStock.quantity'];

interface Request {
	sim: CloverSimulation;
	merchant: string;
	/** `https://api.clover.com/v3/merchants/{mId}` */
	base: string;
	params: URLSearchParams;
	json: unknown;
}

const expands = (params: URLSearchParams, what: string) => params.getAll('expand').some((value) => value.split(',').includes(what));

/** A filtered page of a list, or the 400 for a filter the list does not allow. */
function list(request: Request, all: Json[], allowed: string[], path: string, render: (element: Json) => Json = (element) => element): Reply {
	const filters = parseFilters(request.params, allowed);
	if (!Array.isArray(filters)) return filters;
	return page(all.filter((element) => matches(element, filters)).map(render), request.params, `${request.base}${path}`, allowed);
}

function listItems(request: Request): Reply {
	const { sim } = request;
	const expand = expands(request.params, 'itemStock');
	const all = sim.items.all().map((item) => sim.items.render(item, true));
	return list(request, all, itemFilters(sim), '/items', (item) => (expand ? item : { ...item, itemStock: undefined }));
}

function getItem(request: Request, id: string): Reply {
	const item = request.sim.items.find(id);
	return item ? { status: 200, body: request.sim.items.render(item, expands(request.params, 'itemStock')) } : notFound(`Item ${id}`);
}

function listStocks(request: Request): Reply {
	return list(request, request.sim.items.allStocks().map(renderStock), STOCK_FILTERS, '/item_stocks');
}

function getStock(request: Request, id: string): Reply {
	const stock = request.sim.items.stock(id);
	return stock ? { status: 200, body: renderStock(stock) } : notFound(`Item ${id}`);
}

/** `POST …/item_stocks/{itemId}` `{quantity}`: the absolute quantity (`stockCount` is deprecated but still read). */
function setStock(request: Request, id: string): Reply {
	if (!request.sim.items.find(id)) return notFound(`Item ${id}`);
	const body = isObject(request.json) ? request.json : {};
	const quantity = body.quantity ?? body.stockCount;
	if (typeof quantity !== 'number' || !Number.isFinite(quantity)) return cloverError(400, 'quantity must be a number');
	return { status: 200, body: request.sim.setStock(id, quantity) };
}

function listOrders(request: Request): Reply {
	const { sim } = request;
	const expand = expands(request.params, 'lineItems');
	const all = sim.orders.all().map((order) => ({ ...sim.orders.render(order, request.merchant, false), __id: order.id }));
	return list(request, all, ORDER_FILTERS, '/orders', (shape) => sim.orders.render(sim.orders.find(shape.__id as string)!, request.merchant, expand));
}

function getOrder(request: Request, id: string): Reply {
	const order = request.sim.orders.find(id);
	return order ? { status: 200, body: request.sim.orders.render(order, request.merchant, expands(request.params, 'lineItems')) } : notFound(`Order ${id}`);
}

/** What the create routes answer: the fields as sent, with the order's id, href, total, state and times. */
function created(request: Request, order: CloverOrder, sent: Json): Reply {
	const answer = { ...sent, total: order.total, id: order.id, href: `${request.base}/orders/${order.id}`, createdTime: order.createdTime, modifiedTime: order.modifiedTime, state: order.state, paymentState: order.paymentState };
	request.sim.recordApiOrder(order, answer);
	request.sim.event(`O:${order.id}`, 'CREATE');
	// Whether Clover moves stock for an order made through the API is unconfirmed: knob apiOrdersMoveStock.
	if (request.sim.settings.apiOrdersMoveStock) for (const line of order.lines) if (line.item && request.sim.items.find(line.item.id)) request.sim.moveStock(line.item.id, -lineUnits(line));
	return { status: 200, body: answer };
}

/** `POST …/atomic_order/orders` `{orderCart}`: the whole order, lines included. */
function atomicOrder(request: Request): Reply {
	const cart = isObject(request.json) ? request.json.orderCart : undefined;
	if (!isObject(cart)) return cloverError(400, 'orderCart is required');
	if (cart.lineItems !== undefined && !Array.isArray(cart.lineItems)) return cloverError(400, 'orderCart.lineItems must be an array');
	const { lineItems, ...fields } = cart;
	return created(request, request.sim.orders.add('atomic', fields, CloverOrders.cartLines(lineItems), false), cart);
}

/** `POST …/orders`: Clover's custom-order fields only, so `lineItems` or `externalReferenceId` sent here are lost. */
function customOrder(request: Request): Reply {
	if (!isObject(request.json)) return cloverError(400, 'Invalid JSON body');
	const fields = Object.fromEntries(Object.entries(request.json).filter(([field]) => CUSTOM_ORDER_FIELDS.includes(field)));
	return created(request, request.sim.orders.add('custom', fields, [], false), fields);
}

function merchant(request: Request): Reply {
	const { sim } = request;
	if (request.merchant !== sim.merchantId) return { status: 200, body: { id: request.merchant, name: `Merchant ${request.merchant}` } };
	return { status: 200, body: { id: sim.merchantId, name: sim.merchantName, href: request.base } };
}

type Handler = (request: Request, id: string) => Reply;

/** Path below `/v3/merchants/{mId}` → method → handler; `{id}` is the last segment. */
const ROUTES: Array<[RegExp, Record<string, Handler>]> = [
	[/^$/, { GET: merchant }],
	[/^\/items$/, { GET: listItems }],
	[/^\/items\/([^/]+)$/, { GET: getItem }],
	[/^\/item_stocks$/, { GET: listStocks }],
	[/^\/item_stocks\/([^/]+)$/, { GET: getStock, POST: setStock }],
	[/^\/orders$/, { GET: listOrders, POST: customOrder }],
	[/^\/orders\/([^/]+)$/, { GET: getOrder }],
	[/^\/atomic_order\/orders$/, { POST: atomicOrder }],
];

function route(context: RouteContext, request: Request, rest: string): Reply {
	for (const [path, methods] of ROUTES) {
		const match = path.exec(rest);
		if (!match) continue;
		const handler = methods[context.method];
		return handler ? handler(request, decodeURIComponent(match[1] ?? '')) : cloverError(405, 'Method Not Allowed');
	}
	return cloverError(404, 'Not Found');
}

/**
 * Clover's REST API for one merchant: inventory items and item stocks, orders (atomic, custom, and those rung
 * up at the register), with Clover's filters, paging and 401 for another merchant's id. See README.md.
 */
export const cloverRoutes: FlavourRoutes = (context) => {
	if (!context.path.startsWith('/v3/')) return null;
	const match = /^\/v3\/merchants\/([^/]+)(.*)$/.exec(context.path);
	if (!match) return cloverError(404, 'Not Found');
	const sim = context.clover;
	const merchantId = decodeURIComponent(match[1]);
	if (sim.settings.checkMerchantId && merchantId !== sim.merchantId) return unauthorized();
	const request: Request = { sim, merchant: merchantId, base: `https://api.clover.com/v3/merchants/${merchantId}`, params: context.url.searchParams, json: context.json };
	return route(context, request, match[2]);
};
