import type { FlavourRoutes, Reply, RouteContext } from '../../routeContext';
import { loyverseError } from './errors';
import { isReply } from './paging';
import { checkReceiptBody, unknownReceiptId } from './receipts';
import type { LoyverseSimulation } from './simulation';

interface LoyverseRoute {
	method: string;
	path: RegExp;
	handle(sim: LoyverseSimulation, context: RouteContext, match: RegExpMatchArray): Reply;
}

/** `POST /v1.0/inventory`: absolute `stock_after` per (variant, store); every entry checked before any is applied. */
function writeInventory(sim: LoyverseSimulation, context: RouteContext): Reply {
	const writes = sim.inventory.check(context.json, sim.settings.inventoryUpdatedAtCheck);
	if (isReply(writes)) return writes;
	return { status: 200, body: { inventory_levels: sim.setLevels(writes) } };
}

/** `POST /v1.0/receipts`: creates every time (no idempotency); the body as sent plus Loyverse's fields. */
function createReceipt(sim: LoyverseSimulation, context: RouteContext): Reply {
	const refused = checkReceiptBody(context.json);
	if (refused) return refused;
	const body = context.json as Record<string, unknown>;
	if (sim.settings.receiptsCheckIds) {
		const unknown = unknownReceiptId(body, {
			store: (id) => sim.stores.find(id) !== undefined,
			variant: (id) => sim.catalog.variant(id)?.deleted_at === null,
			paymentType: (id) => sim.stores.paymentType(id) !== undefined,
		});
		if (unknown) return unknown;
	}
	return { status: 200, body: sim.recordApiReceipt(body) };
}

const id = (match: RegExpMatchArray) => decodeURIComponent(match[1]);

const ROUTES: LoyverseRoute[] = [
	{ method: 'GET', path: /^\/v1\.0\/stores$/, handle: (sim) => ({ status: 200, body: { stores: sim.stores.stores } }) },
	{ method: 'GET', path: /^\/v1\.0\/payment_types$/, handle: (sim) => ({ status: 200, body: { payment_types: sim.stores.paymentTypes } }) },
	{ method: 'GET', path: /^\/v1\.0\/items$/, handle: (sim, context) => sim.catalog.listItems(context.url.searchParams) },
	{
		method: 'GET',
		path: /^\/v1\.0\/items\/([^/]+)$/,
		handle: (sim, _context, match) => {
			const item = sim.catalog.item(id(match));
			return item ? { status: 200, body: sim.catalog.itemJson(item) } : loyverseError(404, 'NOT_FOUND', `Item ${id(match)} not found`, 'item_id');
		},
	},
	{ method: 'GET', path: /^\/v1\.0\/variants$/, handle: (sim, context) => sim.catalog.listVariants(context.url.searchParams, sim.settings.skuCaseInsensitive) },
	{
		method: 'GET',
		path: /^\/v1\.0\/variants\/([^/]+)$/,
		handle: (sim, _context, match) => {
			const variant = sim.catalog.variant(id(match));
			return variant ? { status: 200, body: sim.catalog.variantJson(variant) } : loyverseError(404, 'NOT_FOUND', `Variant ${id(match)} not found`, 'variant_id');
		},
	},
	{ method: 'GET', path: /^\/v1\.0\/inventory$/, handle: (sim, context) => sim.inventory.list(context.url.searchParams) },
	{ method: 'POST', path: /^\/v1\.0\/inventory$/, handle: writeInventory },
	{ method: 'GET', path: /^\/v1\.0\/receipts$/, handle: (sim, context) => sim.receipts.list(context.url.searchParams, sim.settings.receiptHistoryDays) },
	{ method: 'POST', path: /^\/v1\.0\/receipts$/, handle: createReceipt },
	{ method: 'GET', path: /^\/v1\.0\/receipts\/([^/]+)$/, handle: (sim, _context, match) => sim.receipts.get(id(match)) },
	{ method: 'GET', path: /^\/v1\.0\/webhooks$/, handle: (sim) => sim.webhooks.list() },
	{ method: 'POST', path: /^\/v1\.0\/webhooks$/, handle: (sim, context) => sim.webhooks.create(context.json) },
	{ method: 'GET', path: /^\/v1\.0\/webhooks\/([^/]+)$/, handle: (sim, _context, match) => sim.webhooks.get(id(match)) },
	{ method: 'DELETE', path: /^\/v1\.0\/webhooks\/([^/]+)$/, handle: (sim, _context, match) => sim.webhooks.delete(id(match)) },
];

/**
 * Loyverse's API as third parties document it (README): stores, payment types, items and variants, inventory
 * (absolute `stock_after`), receipts (created every time, listed newest first), webhook subscriptions; Loyverse's
 * own request limit when its knob is on. Anything else under `/v1.0/` is a 404 (405 for a known path).
 */
export const loyverseRoutes: FlavourRoutes = (context) => {
	if (!context.path.startsWith('/v1.0/')) return null;
	const sim = context.loyverse;
	const limited = sim.rateLimit.take();
	if (limited) return limited;
	const known = ROUTES.filter((route) => route.path.test(context.path));
	for (const route of known) {
		const match = route.method === context.method ? context.path.match(route.path) : null;
		if (match) return route.handle(sim, context, match);
	}
	if (known.length > 0) return loyverseError(405, 'METHOD_NOT_ALLOWED', 'Method not allowed');
	return loyverseError(404, 'NOT_FOUND', 'Not found');
};
