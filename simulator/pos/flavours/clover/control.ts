import { isObject, type Reply } from '../../routeContext';
import { cloverError } from './errors';
import type { CloverItemSeed } from './items';
import { CloverRegister, type CloverRegisterLine } from './register';
import type { CloverSettings } from './settings';
import type { CloverSimulation } from './simulation';

type Json = Record<string, unknown>;

const ok = (body: unknown): Reply => ({ status: 200, body });

const SETTING_NAMES = Object.keys({
	itemSkuFilter: 0,
	apiOrdersMoveStock: 0,
	updateStockOnSale: 0,
	itemStockEvents: 0,
	stockTouchesItem: 0,
	checkMerchantId: 0,
	rateLimits: 0,
	autoDeliver: 0,
	dropShare: 0,
	duplicateShare: 0,
	forgeShare: 0,
	seed: 0,
	retryScheduleMinutes: 0,
} satisfies Record<keyof CloverSettings, 0>);

function settings(sim: CloverSimulation, body: Json): Reply {
	const unknown = Object.keys(body).find((name) => !SETTING_NAMES.includes(name));
	if (unknown) return cloverError(400, `Unknown setting ${unknown}; known: ${SETTING_NAMES.join(', ')}`);
	if (body.itemStockEvents !== undefined && !['I', 'IS', 'both'].includes(body.itemStockEvents as string)) return cloverError(400, 'itemStockEvents is I, IS or both');
	return ok(sim.configure(body as Partial<CloverSettings>));
}

function activity(sim: CloverSimulation, route: string, body: Json): Reply | null {
	const register = new CloverRegister(sim);
	switch (route) {
		case 'POST /register/sale':
			return register.sale(body.lines as CloverRegisterLine[]);
		case 'POST /register/refund':
			if (typeof body.orderId !== 'string') return cloverError(400, 'Send {orderId, lineItemIds?}');
			return register.refund(body.orderId, body.lineItemIds as string[] | undefined);
		case 'POST /recount':
			return register.recount(body.counts as CloverRegisterLine[]);
		default:
			return null;
	}
}

/**
 * The Clover part of the simulator's control API (tests and demos; not Clover's):
 *   POST /_pos/clover/items             {items: [{name, sku?, code?, price, stock?}]} → {elements: items}
 *   POST /_pos/clover/register/sale     {lines: [{sku | itemId, quantity}]} → the order (lineItems expanded)
 *   POST /_pos/clover/register/refund   {orderId, lineItemIds?} → the order
 *   POST /_pos/clover/recount           {counts: [{sku | itemId, quantity}]} → {elements: item stocks}
 *   PUT  /_pos/clover/settings          Partial<CloverSettings> → the settings
 *   GET  /_pos/clover/state             merchant, settings, items, stocks, orders, webhook, deliveries
 *   POST /_pos/clover/webhooks          {url}: sets the URL and POSTs a verification code to it
 *   POST /_pos/clover/webhooks/verify   {code}: completes verification (another code: 400)
 *   POST /_pos/clover/webhooks/deliver  sends what is due now
 */
export async function cloverControl(sim: CloverSimulation, method: string, path: string, json: unknown): Promise<Reply | null> {
	if (!path.startsWith('/_pos/clover/')) return null;
	const body = isObject(json) ? json : {};
	const route = `${method} ${path.slice('/_pos/clover'.length)}`;
	switch (route) {
		case 'POST /items':
			if (!Array.isArray(body.items)) return cloverError(400, 'Send {items: [{name, sku?, code?, price, stock?}]}');
			return ok({ elements: sim.seedItems(body.items as CloverItemSeed[]) });
		case 'PUT /settings':
			return settings(sim, body);
		case 'GET /state':
			return ok(sim.state());
		case 'POST /webhooks':
			if (typeof body.url !== 'string') return cloverError(400, 'Send {url}');
			return ok(await sim.webhooks.setUrl(body.url));
		case 'POST /webhooks/verify':
			return sim.webhooks.verify(body.code) ? ok({ verified: true, authCode: sim.webhooks.authCode }) : cloverError(400, 'Wrong verification code');
		case 'POST /webhooks/deliver': {
			const attempted = await sim.webhooks.deliverDue();
			return ok({ attempted: attempted.map((delivery) => ({ id: delivery.id, kind: delivery.kind, status: delivery.status, outcome: delivery.attempts.at(-1)?.outcome })) });
		}
		default:
			return activity(sim, route, body);
	}
}
