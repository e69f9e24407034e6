import type { IncomingHttpHeaders } from 'node:http';
import type { PosSimulatorConfig } from './config';
import type { CloverSimulation } from './flavours/clover/simulation';
import type { LightspeedSimulation } from './flavours/lightspeedX/simulation';
import type { LoyverseSimulation } from './flavours/loyverse/simulation';
import type { SquareSimulation } from './flavours/square/simulation';
import type { PosStore } from './store';

/** One API request as the flavours see it. */
export interface RouteContext {
	method: string;
	path: string;
	url: URL;
	headers: IncomingHttpHeaders;
	/** Parsed JSON body; undefined when empty, an Error when malformed. */
	json: unknown;
	store: PosStore;
	/** The simulated Square seller (catalog, inventory, orders, webhooks). */
	square: SquareSimulation;
	/** The simulated Lightspeed X-Series retailer (setup, products, inventory, sales, webhooks). */
	lightspeed: LightspeedSimulation;
	/** The simulated Loyverse merchant (stores, items, inventory, receipts, webhooks). */
	loyverse: LoyverseSimulation;
	/** The simulated Clover merchant (items, item stocks, orders, webhook, rate limits). */
	clover: CloverSimulation;
	config: PosSimulatorConfig;
}

/** What a flavour answers; the server writes it, or drops the connection after a "commit then drop" fault. */
export interface Reply {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

/** A flavour's routes: a reply when the request is one of its paths, null otherwise. */
export type FlavourRoutes = (context: RouteContext) => Reply | null;

export function header(context: RouteContext, name: string): string | undefined {
	const value = context.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

export function isObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Error);
}
