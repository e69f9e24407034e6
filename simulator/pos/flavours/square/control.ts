import { isObject, type Reply } from '../../routeContext';
import type { SquareItemSeed } from './catalog';
import type { SquareLocationSeed } from './locations';
import { SquareRegister, type RegisterSaleLine } from './register';
import type { SquareSimulation } from './simulation';
import type { SquareWebhookKnobs } from './webhooks';

type Json = Record<string, unknown>;

const ok = (body: unknown): Reply => ({ status: 200, body });

function registerActivity(register: SquareRegister, action: string, json: Json): Reply | null {
	const location = json.location_id as string;
	switch (action) {
		case 'sale':
			return register.sale(location, (json.lines as RegisterSaleLine[]) ?? []);
		case 'recount':
			return register.recount(location, json.catalog_object_id as string, json.quantity as string);
		case 'receive':
			return register.receive(location, json.catalog_object_id as string, json.quantity as string);
		case 'damage':
			return register.damage(location, json.catalog_object_id as string, json.quantity as string);
		default:
			return null;
	}
}

/**
 * The Square part of the simulator's control API (tests and demos; not Square's):
 *   POST /_pos/square/catalog                 {items: SquareItemSeed[]}
 *   POST /_pos/square/locations               {locations: SquareLocationSeed[]}
 *   POST /_pos/square/register/{sale|recount|receive|damage}
 *                                            {location_id, lines:[{catalog_object_id | sku, quantity}]} | {location_id, catalog_object_id, quantity}
 *   POST /_pos/square/webhooks/subscriptions  {id?, url, signatureKey, eventTypes?}
 *   PUT  /_pos/square/webhooks/knobs          Partial<SquareWebhookKnobs>
 *   POST /_pos/square/webhooks/deliver        sends what is due now
 *   GET  /_pos/square/webhooks/deliveries
 */
export function squareControl(sim: SquareSimulation, method: string, path: string, json: unknown): Reply | null {
	if (!path.startsWith('/_pos/square/')) return null;
	const body = isObject(json) ? json : {};
	const route = `${method} ${path.slice('/_pos/square'.length)}`;
	const register = /^POST \/register\/(\w+)$/.exec(route);
	if (register) return registerActivity(new SquareRegister(sim), register[1], body);
	switch (route) {
		case 'POST /catalog':
			return ok({ objects: sim.catalog.seed((body.items as SquareItemSeed[]) ?? []) });
		case 'POST /locations':
			return ok({ locations: sim.locations.seed((body.locations as SquareLocationSeed[]) ?? []) });
		case 'POST /webhooks/subscriptions':
			if (typeof body.url !== 'string' || typeof body.signatureKey !== 'string') return { status: 400, body: { message: 'Send {url, signatureKey, eventTypes?}' } };
			return ok(sim.webhooks.subscribe({ id: (body.id as string | undefined) ?? `wbhk_${sim.ids.uid()}`, url: body.url, signatureKey: body.signatureKey, eventTypes: body.eventTypes as string[] | undefined }));
		case 'PUT /webhooks/knobs':
			return ok(sim.webhooks.configure(body as Partial<SquareWebhookKnobs>));
		case 'GET /webhooks/deliveries':
			return ok({ deliveries: sim.webhooks.deliveries() });
		default:
			return null;
	}
}

export async function deliverDueWebhooks(sim: SquareSimulation): Promise<Reply> {
	const attempted = await sim.webhooks.deliverDue();
	return ok({ attempted: attempted.map((delivery) => ({ id: delivery.id, eventId: delivery.eventId, kind: delivery.kind, status: delivery.status, outcome: delivery.attempts.at(-1)?.outcome })) });
}
