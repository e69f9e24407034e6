import { isObject, type Reply } from '../../routeContext';
import type { LoyverseItemSeed } from './catalog';
import { invalid, missing, notFound } from './errors';
import { LoyverseRegister } from './register';
import { settingsProblem, type LoyverseSettings } from './settings';
import type { LoyverseSimulation } from './simulation';

type Json = Record<string, unknown>;

const ok = (body: unknown): Reply => ({ status: 200, body });

function registerActivity(sim: LoyverseSimulation, action: string, json: Json): Reply | null {
	const register = new LoyverseRegister(sim);
	switch (action) {
		case 'sale':
			return register.sale(json);
		case 'refund':
			return register.refund(json);
		default:
			return null;
	}
}

/**
 * The Loyverse part of the simulator's control API (tests and demos; not Loyverse's):
 *   POST   /_pos/loyverse/items              {items: [{name, variants: [{sku, price, stock?, barcode?, option1_value?}]}]}
 *   DELETE /_pos/loyverse/items/{id}         an item (with its variants) or one variant, by id
 *   POST   /_pos/loyverse/stores             {stores: [{name}]}
 *   POST   /_pos/loyverse/register/sale      {lines: [{sku | variantId, quantity}], storeId?}
 *   POST   /_pos/loyverse/register/refund    {receiptNumber, lines?: [{sku | variantId, quantity}]}
 *   POST   /_pos/loyverse/recount            {counts: [{sku | variantId, count}], storeId?}
 *   PUT    /_pos/loyverse/settings           Partial<LoyverseSettings>
 *   POST   /_pos/loyverse/webhooks/deliver   sends what is due now
 *   GET    /_pos/loyverse/state
 */
export function loyverseControl(sim: LoyverseSimulation, method: string, path: string, json: unknown): Reply | null {
	if (!path.startsWith('/_pos/loyverse/')) return null;
	const body = isObject(json) ? json : {};
	const route = `${method} ${path.slice('/_pos/loyverse'.length)}`;
	const register = /^POST \/register\/(\w+)$/.exec(route);
	if (register) return registerActivity(sim, register[1], body);
	const deleted = /^DELETE \/items\/([^/]+)$/.exec(route);
	if (deleted) {
		const item = sim.deleteFromCatalog(decodeURIComponent(deleted[1]));
		return item ? ok({ item }) : notFound(`No item or variant ${deleted[1]}`, 'id');
	}
	switch (route) {
		case 'POST /items':
			if (!Array.isArray(body.items)) return missing('items');
			return ok({ items: sim.seedItems(body.items as LoyverseItemSeed[]) });
		case 'POST /stores':
			if (!Array.isArray(body.stores)) return missing('stores');
			return ok({ stores: (body.stores as Array<{ name: string }>).map((store) => sim.stores.add(store.name)) });
		case 'POST /recount':
			return new LoyverseRegister(sim).recount(body);
		case 'PUT /settings': {
			const problem = settingsProblem(body);
			if (problem) return invalid(problem.split(':')[0], problem);
			return ok(sim.configure(body as Partial<LoyverseSettings>));
		}
		case 'GET /state':
			return ok(sim.state());
		default:
			return null;
	}
}

export async function deliverLoyverseWebhooks(sim: LoyverseSimulation): Promise<Reply> {
	const attempted = await sim.webhooks.deliverDue();
	return ok({ attempted: attempted.map((delivery) => ({ id: delivery.id, type: delivery.type, kind: delivery.kind, url: delivery.url, status: delivery.status, outcome: delivery.attempts.at(-1)?.outcome })) });
}
