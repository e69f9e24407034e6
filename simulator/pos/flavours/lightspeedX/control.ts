import { isObject, type Reply } from '../../routeContext';
import { badRequest } from './errors';
import { product20, type LightspeedProductSeed } from './products';
import { LightspeedRegister, type RegisterSaleRequest, type StocktakeRequest } from './register';
import type { LightspeedSimulation } from './simulation';
import { WEBHOOK_TYPES, type LightspeedWebhookSettings, type LightspeedWebhookType } from './webhooks';

type Json = Record<string, unknown>;

const ok = (body: unknown): Reply => ({ status: 200, body });

function addProducts(sim: LightspeedSimulation, body: Json): Reply {
	const seeds = body.products;
	if (!Array.isArray(seeds)) return badRequest('products: must be an array');
	for (const [index, seed] of seeds.entries()) {
		if (!isObject(seed) || typeof seed.sku !== 'string' || seed.sku === '' || typeof seed.name !== 'string' || typeof seed.price !== 'number') {
			return badRequest(`products[${index}]: needs sku (text), name (text) and price (a number, excluding tax)`);
		}
		if (seed.stock !== undefined && typeof seed.stock !== 'number') return badRequest(`products[${index}].stock: must be a number`);
	}
	return ok({ products: sim.addProducts(seeds as LightspeedProductSeed[]).map(product20) });
}

function configure(sim: LightspeedSimulation, body: Json): Reply {
	for (const share of ['dropShare', 'duplicateShare', 'forgeShare'] as const) {
		const value = body[share];
		if (value !== undefined && (typeof value !== 'number' || value < 0 || value > 1)) return badRequest(`${share}: must be a number from 0 to 1`);
	}
	if (body.seed !== undefined && !Number.isInteger(body.seed)) return badRequest('seed: must be a whole number');
	if (body.autoDeliver !== undefined && typeof body.autoDeliver !== 'boolean') return badRequest('autoDeliver: must be true or false');
	return ok(sim.webhooks.configure(body as Partial<LightspeedWebhookSettings>));
}

function subscribe(sim: LightspeedSimulation, body: Json): Reply {
	if (typeof body.url !== 'string' || !URL.canParse(body.url)) return badRequest('url: must be an absolute URL');
	if (!WEBHOOK_TYPES.includes(body.type as LightspeedWebhookType)) return badRequest(`type: must be one of ${WEBHOOK_TYPES.join(', ')}`);
	return ok(sim.webhooks.subscribe(body.url, body.type as LightspeedWebhookType));
}

/**
 * The Lightspeed part of the simulator's control API (tests and demos; not Lightspeed's):
 *   POST   /_pos/lightspeed/products            {products: [{sku, name, price, stock?}]} → {products}
 *   POST   /_pos/lightspeed/register/sale       {lines: [{sku | productId, quantity}], registerId?, note?} → {sale}
 *   POST   /_pos/lightspeed/sales/{id}/void     → {sale}
 *   POST   /_pos/lightspeed/stocktake           {counts: [{sku | productId, count}], outletId?} → {inventory}
 *   POST   /_pos/lightspeed/webhooks            {url, type} → the webhook (Setup → API in Lightspeed)
 *   GET    /_pos/lightspeed/webhooks            → {webhooks}
 *   DELETE /_pos/lightspeed/webhooks            deletes them all
 *   PUT    /_pos/lightspeed/webhooks/settings   Partial<LightspeedWebhookSettings> → the settings
 *   POST   /_pos/lightspeed/webhooks/deliver    sends what is due now (deliverLightspeedWebhooks)
 *   GET    /_pos/lightspeed/state
 */
export function lightspeedControl(sim: LightspeedSimulation, method: string, path: string, json: unknown): Reply | null {
	if (!path.startsWith('/_pos/lightspeed/')) return null;
	const body = isObject(json) ? json : {};
	const route = `${method} ${path.slice('/_pos/lightspeed'.length)}`;
	const register = new LightspeedRegister(sim);
	const voided = /^POST \/sales\/([^/]+)\/void$/.exec(route);
	if (voided) return register.void(decodeURIComponent(voided[1]));
	switch (route) {
		case 'POST /products':
			return addProducts(sim, body);
		case 'POST /register/sale':
			return register.sale(body as unknown as RegisterSaleRequest);
		case 'POST /stocktake':
			return register.stocktake(body as unknown as StocktakeRequest);
		case 'POST /webhooks':
			return subscribe(sim, body);
		case 'GET /webhooks':
			return ok({ webhooks: sim.webhooks.list() });
		case 'DELETE /webhooks':
			sim.webhooks.clear();
			return ok({ ok: true });
		case 'PUT /webhooks/settings':
			return configure(sim, body);
		case 'GET /state':
			return ok(sim.state());
		default:
			return null;
	}
}

/** `POST /_pos/lightspeed/webhooks/deliver`: what was attempted, with each delivery's outcome. */
export async function deliverLightspeedWebhooks(sim: LightspeedSimulation): Promise<Reply> {
	const attempted = await sim.webhooks.deliverDue();
	return ok({ attempted: attempted.map((delivery) => ({ id: delivery.id, type: delivery.type, kind: delivery.kind, url: delivery.url, status: delivery.status, outcome: delivery.attempts.at(-1)?.outcome })) });
}
