import { serialization } from 'square';
import { nodeHttpSend } from '../../../../lib/http/nodeHttpSend';
import { squareRouteFor } from '../../../../simulator/pos/flavours/square';
import { PosSimulator, type PosSimulatorOptions } from '../../../../simulator/pos/posSimulator';

export type Json = Record<string, any>;

export interface SquareReply {
	status: number;
	json: Json;
}

/** A Square simulator on a free port with an injected clock the test moves by hand. */
export async function startSquare(options: PosSimulatorOptions = {}): Promise<{ sim: PosSimulator; clock: { now: number }; api: SquareApi }> {
	const clock = { now: Date.parse('2026-12-01T10:00:00Z') };
	const sim = new PosSimulator({ now: () => clock.now, ...options });
	await sim.start();
	return { sim, clock, api: new SquareApi(sim) };
}

/** Square's API over HTTP, as a client would call it. */
export class SquareApi {
	constructor(private readonly sim: PosSimulator) {}

	private async send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<SquareReply> {
		const text = body === undefined ? undefined : JSON.stringify(body);
		const response = await nodeHttpSend({ method, url: `${this.sim.origin}${path}`, headers: text ? { 'content-type': 'application/json' } : {}, body: text });
		return { status: response.status, json: JSON.parse(response.body) as Json };
	}

	post = (path: string, body: unknown) => this.send('POST', path, body);
	get = (path: string) => this.send('GET', path);

	/** Every page of a paged POST search, following `cursor`. */
	async allPages(path: string, body: Json, listKey: string): Promise<{ items: Json[]; pages: number }> {
		const items: Json[] = [];
		let cursor: string | undefined;
		let pages = 0;
		do {
			const reply = await this.post(path, cursor ? { ...body, cursor } : body);
			expect(reply.status).toBe(200);
			items.push(...((reply.json[listKey] as Json[] | undefined) ?? []));
			cursor = reply.json.cursor as string | undefined;
			pages++;
		} while (cursor);
		return { items, pages };
	}
}

const strict = { unrecognizedObjectKeys: 'fail' as const };
type Schema = { parse(raw: unknown, options: typeof strict): { ok: boolean; errors?: unknown } };

/**
 * Every request the simulator logged under /v2/ passes the SDK request schema of its route, and every
 * answer passes the route's response schema. Returns the routes seen, so a test can ask for coverage.
 */
export function expectSquareContract(sim: PosSimulator): Set<string> {
	const seen = new Set<string>();
	for (const logged of sim.requests.filter((request) => request.path.startsWith('/v2/'))) {
		const path = logged.path.split('?')[0];
		const route = squareRouteFor(logged.method, path);
		if (!route) continue;
		seen.add(`${logged.method} ${route.response}`);
		if (route.request && typeof logged.outcome === 'number' && logged.outcome < 300) {
			const parsed = (serialization[route.request as keyof typeof serialization] as unknown as Schema).parse(JSON.parse(logged.body), strict);
			expect({ route: `${logged.method} ${path}`, ...parsed }).toMatchObject({ ok: true });
		}
		const answer = (serialization[route.response as keyof typeof serialization] as unknown as Schema).parse(JSON.parse(logged.responseBody ?? 'null'), strict);
		expect({ route: `${logged.method} ${path}`, status: logged.outcome, ...answer }).toMatchObject({ ok: true });
	}
	return seen;
}

export function inventoryAdjustment(catalogObjectId: string, locationId: string, quantity: string, from = 'IN_STOCK', to = 'SOLD', extra: Json = {}): Json {
	return { type: 'ADJUSTMENT', adjustment: { catalog_object_id: catalogObjectId, from_location_id: locationId, to_location_id: locationId, from_state: from, to_state: to, quantity, occurred_at: '2026-12-01T09:00:00Z', ...extra } };
}

export function physicalCount(catalogObjectId: string, locationId: string, quantity: string): Json {
	return { type: 'PHYSICAL_COUNT', physical_count: { catalog_object_id: catalogObjectId, location_id: locationId, state: 'IN_STOCK', quantity, occurred_at: '2026-12-01T09:00:00Z' } };
}
