import { header, type FlavourRoutes, type Reply, type RouteContext } from '../../routeContext';
import { badRequest, notFound } from './errors';
import { legacyRegisterSales } from './legacyRegisterSales';
import { product20 } from './products';
import { readSaleRequest, SALE_API_VERSIONS } from './saleRequest';
import { sale20, saleDateVersioned } from './saleShapes';
import type { LightspeedSimulation } from './simulation';
import { versionPage } from './versions';

interface LightspeedRoute {
	path: RegExp;
	handle(sim: LightspeedSimulation, match: RegExpMatchArray, query: URLSearchParams): Reply;
}

const DATE_VERSIONED = /^\/api\/(\d{4}-\d{2})\//;

const data = (value: unknown): Reply => ({ status: 200, body: { data: value } });

function products(sim: LightspeedSimulation, query: URLSearchParams): Reply {
	const sku = query.get('sku');
	if (sku !== null) return data(sim.products.bySku(sku).map(product20));
	return versionPage(sim.products.all(), query, product20);
}

function search(sim: LightspeedSimulation, query: URLSearchParams): Reply {
	if (query.get('type') !== 'sales') return badRequest('type: the simulator searches sales only (type=sales)');
	const invoice = query.get('invoice_number');
	return data(sim.sales.all().filter((sale) => invoice === null || sale.invoiceNumber === invoice).map(sale20));
}

/** The 2.0 GET routes (`/api/2.0/...`). */
const ROUTES_20: LightspeedRoute[] = [
	{ path: /^outlets$/, handle: (sim) => data(sim.retailer.outlets) },
	{ path: /^registers$/, handle: (sim) => data(sim.retailer.registers) },
	{ path: /^users$/, handle: (sim) => data(sim.retailer.users) },
	{ path: /^payment_types$/, handle: (sim) => data(sim.retailer.paymentTypes) },
	{ path: /^taxes$/, handle: (sim) => data(sim.retailer.taxes) },
	{ path: /^products$/, handle: (sim, _match, query) => products(sim, query) },
	{
		path: /^products\/([^/]+)$/,
		handle: (sim, match) => {
			const product = sim.products.byId(decodeURIComponent(match[1]));
			return product ? data(product20(product)) : notFound();
		},
	},
	{
		path: /^products\/([^/]+)\/inventory$/,
		handle: (sim, match) => {
			const product = sim.products.byId(decodeURIComponent(match[1]));
			return product ? data(sim.inventory.ofProduct(product.id).map((record) => ({ ...record }))) : notFound();
		},
	},
	{ path: /^inventory$/, handle: (sim, _match, query) => versionPage(sim.inventory.all(query.get('outlet_id')), query, (record) => ({ ...record })) },
	{ path: /^sales$/, handle: (sim, _match, query) => versionPage(sim.sales.all(), query, sale20) },
	{
		path: /^sales\/([^/]+)$/,
		handle: (sim, match) => {
			const sale = sim.sales.byId(decodeURIComponent(match[1]));
			return sale ? data(sale20(sale)) : notFound();
		},
	},
	{ path: /^search$/, handle: (sim, _match, query) => search(sim, query) },
];

function routes20(context: RouteContext): Reply {
	if (context.method !== 'GET') return notFound();
	const rest = context.path.slice('/api/2.0/'.length);
	for (const route of ROUTES_20) {
		const match = rest.match(route.path);
		if (match) return route.handle(context.lightspeed, match, context.url.searchParams);
	}
	return notFound();
}

/** `POST /api/{YYYY-MM}/sales`: a new sale every time (no idempotency), 201 with the date-versioned shape. */
function dateVersioned(context: RouteContext, version: string): Reply {
	if (!SALE_API_VERSIONS.includes(version) || context.method !== 'POST' || context.path !== `/api/${version}/sales`) return notFound();
	if (context.json instanceof Error) return badRequest(`body: not valid JSON (${context.json.message})`);
	const sim = context.lightspeed;
	const draft = readSaleRequest(sim, context.json);
	if ('refused' in draft) return badRequest(draft.refused);
	return { status: 201, body: { data: saleDateVersioned(sim.recordSale(draft, 'api')) } };
}

/** Paths Lightspeed X answers: the legacy register_sales, the 2.0 API and the date-versioned API. */
export function isLightspeedPath(path: string): boolean {
	return path === '/api/register_sales' || path.startsWith('/api/2.0/') || DATE_VERSIONED.test(path);
}

/** Lightspeed paths that answer a malformed JSON body themselves (the legacy route keeps the server's answer). */
export function answersOwnJsonErrors(path: string): boolean {
	return isLightspeedPath(path) && path !== '/api/register_sales';
}

/**
 * Lightspeed Retail X-Series as documented (README.md): the 2.0 API (setup, products by SKU or by
 * version, inventory, sales, search), the date-versioned sale create, and the legacy register_sales.
 * Lightspeed refuses requests without a User-Agent.
 */
export const lightspeedXRoutes: FlavourRoutes = (context) => {
	if (!isLightspeedPath(context.path)) return null;
	if (!header(context, 'user-agent')) return { status: 400, body: { error: 'A User-Agent header is required' } };
	if (context.path === '/api/register_sales') return legacyRegisterSales(context);
	if (context.path.startsWith('/api/2.0/')) return routes20(context);
	return dateVersioned(context, DATE_VERSIONED.exec(context.path)![1]);
};
