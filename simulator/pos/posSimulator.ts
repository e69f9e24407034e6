import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DEFAULT_CONFIG, type PosSimulatorConfig, type SimulatedAuth } from './config';
import { PosFaultPlan, type OutageSpec, type PosFaultSpec } from './faults';
import { OAuth2Server } from './oauth2Server';
import { genericRoutes } from './flavours/generic';
import { cloverRoutes } from './flavours/clover';
import { cloverControl } from './flavours/clover/control';
import { CloverSimulation, type CloverSimulationOptions } from './flavours/clover/simulation';
import { answersOwnJsonErrors, isLightspeedPath, lightspeedXRoutes } from './flavours/lightspeedX';
import { deliverLightspeedWebhooks, lightspeedControl } from './flavours/lightspeedX/control';
import { TOO_MANY_REQUESTS } from './flavours/lightspeedX/errors';
import { LightspeedSimulation, type LightspeedSimulationOptions } from './flavours/lightspeedX/simulation';
import { loyverseRoutes } from './flavours/loyverse';
import { deliverLoyverseWebhooks, loyverseControl } from './flavours/loyverse/control';
import { LoyverseSimulation, type LoyverseSimulationOptions } from './flavours/loyverse/simulation';
import { squareRoutes } from './flavours/square';
import { deliverDueWebhooks, squareControl } from './flavours/square/control';
import { SquareSimulation, type SquareSimulationOptions } from './flavours/square/simulation';
import { parseJson, readBody, sendJson } from './http';
import { header, isObject, type FlavourRoutes, type Reply, type RouteContext } from './routeContext';
import { PosStore, type CatalogVariation } from './store';

export interface PosSimulatorOptions {
	config?: Partial<PosSimulatorConfig>;
	/** Clock for outage windows, rate limits and timestamps (default Date.now). */
	now?: () => number;
	host?: string;
	port?: number;
	/** The simulated Square seller's seed and application. */
	square?: SquareSimulationOptions;
	/** The simulated Clover merchant's seed, merchant id and app id. */
	clover?: CloverSimulationOptions;
	/** The simulated Lightspeed X-Series retailer's seed and domain prefix. */
	lightspeed?: LightspeedSimulationOptions;
	/** The simulated Loyverse merchant's seed. */
	loyverse?: LoyverseSimulationOptions;
}

export interface LoggedRequest {
	method: string;
	path: string;
	headers: Record<string, string>;
	body: string;
	/** The status answered, or what happened instead. */
	outcome: number | 'dropped' | 'committedThenDropped';
	/** The body answered (absent when the connection was dropped). */
	responseBody?: string;
}

const FLAVOURS: FlavourRoutes[] = [squareRoutes, cloverRoutes, loyverseRoutes, lightspeedXRoutes, genericRoutes];

function authorized(auth: SimulatedAuth, context: RouteContext, oauth2: OAuth2Server): boolean {
	switch (auth.type) {
		case 'oauth2':
			return oauth2.accepts(header(context, 'authorization'));
		case 'none':
			return true;
		case 'bearer':
			return header(context, 'authorization') === `Bearer ${auth.token}`;
		case 'header':
			return header(context, auth.name) === auth.value;
		case 'basic':
			return header(context, 'authorization') === `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
	}
}

function unauthorized(path: string): Reply {
	if (path.startsWith('/v2/')) {
		return { status: 401, body: { errors: [{ category: 'AUTHENTICATION_ERROR', code: 'UNAUTHORIZED', detail: 'This request could not be authorized.' }] } };
	}
	return { status: 401, body: { message: 'Unauthorized' } };
}

/**
 * A local point-of-sale server for tests, benchmarks and demos: a generic REST POS and Square and Lightspeed
 * X-Series retailers, Clover- and Loyverse-like paths side by side, faults on demand, and a control API under `/_pos/`:
 *   GET  /_pos/state            orders, stock, catalog, Square's locations and counts, the Lightspeed retailer
 *   GET  /_pos/requests         the request log (DELETE clears it)
 *   GET  /_pos/oauth2           the OAuth2 servers' log (codes, refreshes, refused refreshes and tokens)
 *   POST /_pos/oauth2/expire    every access token issued so far expires now
 *   POST /_pos/oauth2/hold      {refused: n}: token answers wait until n more API calls were refused for their token
 *   PUT  /_pos/config           partial PosSimulatorConfig
 *   POST /_pos/faults           a PosFaultSpec or a list (DELETE clears faults and outages)
 *   POST /_pos/outage           an OutageSpec → {from, until} (null until it starts)
 *   GET  /_pos/outage           {active: kind | null, endsAt: when the last scheduled outage ends}
 *   PUT  /_pos/stock            {locationId, item, quantity}
 *   POST /_pos/catalog          {variations: CatalogVariation[]} (Square catalog, one item each)
 *   /_pos/square/...            Square: catalog, locations, register activity, webhooks (flavours/square/control.ts)
 *   /_pos/clover/...            Clover: items, register sales and refunds, recounts, settings, webhook (flavours/clover/control.ts)
 *   /_pos/lightspeed/...        Lightspeed X: products, register sales, voids, stocktakes, webhooks (flavours/lightspeedX/control.ts)
 *   /_pos/loyverse/...          Loyverse: items, register sales and refunds, recounts, settings, webhooks (flavours/loyverse/control.ts)
 *   POST /_pos/reset            forget everything but the config
 */
export class PosSimulator {
	readonly store: PosStore;
	readonly square: SquareSimulation;
	readonly clover: CloverSimulation;
	readonly lightspeed: LightspeedSimulation;
	readonly loyverse: LoyverseSimulation;
	readonly faults: PosFaultPlan;
	readonly config: PosSimulatorConfig;
	/** The vendors' OAuth2 servers, when `config.auth` is an OAuth2 application. */
	readonly oauth2: OAuth2Server;
	readonly requests: LoggedRequest[] = [];
	readonly now: () => number;
	origin = '';
	private server: http.Server | null = null;
	private readonly sockets = new Set<Socket>();
	private recentRequests: number[] = [];

	constructor(private readonly options: PosSimulatorOptions = {}) {
		this.now = options.now ?? Date.now;
		this.store = new PosStore(this.now);
		this.square = new SquareSimulation(this.now, this.store, options.square);
		this.clover = new CloverSimulation(this.now, this.store, options.clover);
		this.lightspeed = new LightspeedSimulation(this.now, this.store, options.lightspeed);
		this.loyverse = new LoyverseSimulation(this.now, this.store, options.loyverse);
		this.faults = new PosFaultPlan(this.now);
		this.config = { ...DEFAULT_CONFIG, ...(options.config ?? {}) };
		this.oauth2 = new OAuth2Server(() => (this.config.auth.type === 'oauth2' ? this.config.auth : undefined), this.now);
	}

	async start(): Promise<string> {
		this.server = http.createServer((request, response) => {
			this.handle(request, response).catch((error: Error) => {
				if (!response.headersSent) sendJson(response, 500, { message: `simulator error: ${error.message}` });
			});
		});
		// As the Shopify simulator: idle keep-alive sockets are closed by the client first, never raced by the server.
		this.server.keepAliveTimeout = 65_000;
		this.server.headersTimeout = 66_000;
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => this.server!.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', resolve));
		const address = this.server.address() as AddressInfo;
		this.origin = `http://${address.address}:${address.port}`;
		return this.origin;
	}

	async stop(): Promise<void> {
		this.square.webhooks.stopTimer();
		this.clover.webhooks.stopTimer();
		this.lightspeed.webhooks.stopTimer();
		this.loyverse.webhooks.stopTimer();
		if (!this.server) return;
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = null;
	}

	private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
		const url = new URL(request.url ?? '/', 'http://simulator');
		const body = await readBody(request);
		if (url.pathname.startsWith('/_pos/')) return await this.control(request.method ?? 'GET', url, body, response);

		const method = (request.method ?? 'GET').toUpperCase();
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
		const logged: LoggedRequest = { method, path: `${url.pathname}${url.search}`, headers, body: body.toString('utf8'), outcome: 0 };
		this.requests.push(logged);
		const drop = (outcome: LoggedRequest['outcome']) => {
			logged.outcome = outcome;
			request.socket.destroy();
		};

		await this.oauth2.tokenRequestMayProceed(url);
		const signIn = this.oauth2.route(method, url, body, headers['content-type']);
		if (signIn) return this.answer(response, logged, signIn);

		const outage = this.faults.outageFor();
		if (outage === 'drop') return drop('dropped');
		if (outage === 'http503') return this.answer(response, logged, { status: 503, body: { message: 'Service temporarily unavailable' }, headers: {} });

		const context: RouteContext = { method, path: url.pathname, url, headers: request.headers, json: parseJson(body), store: this.store, square: this.square, clover: this.clover, lightspeed: this.lightspeed, loyverse: this.loyverse, config: this.config };
		if (!authorized(this.config.auth, context, this.oauth2)) return this.answer(response, logged, unauthorized(url.pathname));
		const cloverLimited = this.clover.rateLimit.admit(url.pathname, header(context, 'authorization'), response);
		if (cloverLimited) return this.answer(response, logged, cloverLimited);

		const lightspeed = isLightspeedPath(url.pathname);
		if (lightspeed) this.lightspeed.rateLimit.count();
		/** Lightspeed's answers carry its rate-limit headers. */
		const reply = (answer: Reply) => this.answer(response, logged, lightspeed ? { ...answer, headers: { ...this.lightspeed.rateLimit.headers(), ...answer.headers } } : answer);
		if (this.overRateLimit()) return reply(this.tooManyRequests(lightspeed ? 'lightspeed' : 'seconds', 1));

		const fault = this.faults.take(method, url.pathname);
		if (fault?.kind === 'drop') return drop('dropped');
		if (fault?.kind === 'http429') return reply(this.tooManyRequests(lightspeed ? 'lightspeed' : (fault.retryAfterForm ?? 'seconds'), fault.retryAfterSeconds ?? 1));
		if (fault?.kind === 'http500') return reply({ status: 500, body: { message: 'Internal Server Error' } });
		if (fault?.kind === 'http503') return reply({ status: 503, body: { message: 'Service Unavailable' } });
		if (fault?.kind === 'latency') await new Promise((resolve) => setTimeout(resolve, fault.latencyMs ?? 1000));

		let routed: Reply | null = null;
		if (context.json instanceof Error && !url.pathname.startsWith('/v2/') && !answersOwnJsonErrors(url.pathname)) {
			routed = { status: 400, body: { message: `Body is not valid JSON: ${context.json.message}` } };
		}
		for (const routes of FLAVOURS) {
			if (routed) break;
			routed = routes(context);
		}
		if (fault?.kind === 'commitThenDrop') return drop('committedThenDropped');
		return reply(routed ?? { status: 404, body: { message: `No route ${method} ${url.pathname}` } });
	}

	private answer(response: http.ServerResponse, logged: LoggedRequest, reply: Reply): void {
		reply = this.loyverse.rateLimit.shape(logged.path, reply);
		logged.outcome = reply.status;
		logged.responseBody = JSON.stringify(reply.body);
		sendJson(response, reply.status, reply.body, reply.headers);
	}

	private overRateLimit(): boolean {
		if (!(this.config.rateLimitPerSecond > 0)) return false;
		const now = this.now();
		this.recentRequests = this.recentRequests.filter((at) => at > now - 1000);
		if (this.recentRequests.length >= this.config.rateLimitPerSecond) return true;
		this.recentRequests.push(now);
		return false;
	}

	/**
	 * 429 with Retry-After as delay-seconds, or as an HTTP date (second resolution, so rounded up); Lightspeed's
	 * is always the date, with its own body and no request left in the window.
	 */
	private tooManyRequests(form: 'seconds' | 'date' | 'lightspeed', seconds: number): Reply {
		const retryAfter = form === 'seconds' ? String(seconds) : new Date(Math.ceil((this.now() + seconds * 1000) / 1000) * 1000).toUTCString();
		if (form === 'lightspeed') return { status: 429, body: TOO_MANY_REQUESTS, headers: { 'retry-after': retryAfter, 'x-ratelimit-remaining': '0' } };
		return { status: 429, body: { message: 'Too many requests' }, headers: { 'retry-after': retryAfter } };
	}

	private async control(method: string, url: URL, body: Buffer, response: http.ServerResponse): Promise<void> {
		const json = parseJson(body);
		const route = `${method.toUpperCase()} ${url.pathname}`;
		const clover = await cloverControl(this.clover, method.toUpperCase(), url.pathname, json);
		if (clover) return sendJson(response, clover.status, clover.body);
		if (route === 'POST /_pos/square/webhooks/deliver') {
			const delivered = await deliverDueWebhooks(this.square);
			return sendJson(response, delivered.status, delivered.body);
		}
		if (route === 'POST /_pos/loyverse/webhooks/deliver') {
			const delivered = await deliverLoyverseWebhooks(this.loyverse);
			return sendJson(response, delivered.status, delivered.body);
		}
		const loyverse = loyverseControl(this.loyverse, method.toUpperCase(), url.pathname, json);
		if (loyverse) return sendJson(response, loyverse.status, loyverse.body);
		if (route === 'POST /_pos/lightspeed/webhooks/deliver') {
			const delivered = await deliverLightspeedWebhooks(this.lightspeed);
			return sendJson(response, delivered.status, delivered.body);
		}
		const vendor = squareControl(this.square, method.toUpperCase(), url.pathname, json) ?? lightspeedControl(this.lightspeed, method.toUpperCase(), url.pathname, json);
		if (vendor) return sendJson(response, vendor.status, vendor.body);
		switch (route) {
			case 'GET /_pos/state':
				return sendJson(response, 200, this.state());
			case 'GET /_pos/oauth2':
				return sendJson(response, 200, this.oauth2.log);
			case 'POST /_pos/oauth2/hold':
				this.oauth2.holdTokenRequests(isObject(json) && typeof json.refused === 'number' ? json.refused : 1);
				return sendJson(response, 200, { ok: true });
			case 'POST /_pos/oauth2/expire':
				this.oauth2.expireAccessTokens();
				return sendJson(response, 200, { ok: true });
			case 'GET /_pos/requests':
				return sendJson(response, 200, { requests: this.requests });
			case 'DELETE /_pos/requests':
				this.requests.length = 0;
				return sendJson(response, 200, { ok: true });
			case 'PUT /_pos/config':
				if (!isObject(json)) return sendJson(response, 400, { message: 'Send a JSON object' });
				Object.assign(this.config, json);
				return sendJson(response, 200, this.config);
			case 'POST /_pos/faults':
				for (const spec of Array.isArray(json) ? json : [json]) this.faults.add(spec as PosFaultSpec);
				return sendJson(response, 200, { pending: this.faults.pending() });
			case 'DELETE /_pos/faults':
				this.faults.clear();
				return sendJson(response, 200, { ok: true });
			case 'POST /_pos/outage': {
				if (!isObject(json)) return sendJson(response, 400, { message: 'Send an outage as a JSON object' });
				try {
					const outage = this.faults.addOutage(json as OutageSpec);
					return sendJson(response, 200, { from: outage.from ?? null, until: outage.until ?? null });
				} catch (error) {
					return sendJson(response, 400, { message: (error as Error).message });
				}
			}
			case 'GET /_pos/outage':
				return sendJson(response, 200, { active: this.faults.outageNow(), endsAt: this.faults.outagesEnd() });
			case 'PUT /_pos/stock': {
				const { locationId, item, quantity } = json as { locationId: string; item: string; quantity: number };
				this.store.setQuantity(locationId, item, quantity);
				return sendJson(response, 200, { locationId, item, quantity });
			}
			case 'POST /_pos/catalog': {
				const variations = (json as { variations?: CatalogVariation[] }).variations ?? [];
				const objects = this.square.catalog.seed(
					variations.map((variation) => ({ name: variation.name, variations: [{ id: variation.id, name: variation.name, sku: variation.sku, priceAmount: variation.priceAmount, currency: variation.currency, trackInventory: variation.trackInventory }] })),
				);
				return sendJson(response, 200, { objects });
			}
			case 'POST /_pos/reset':
				this.store.reset();
				this.square.reset();
				this.clover.reset();
				this.lightspeed.reset();
				this.loyverse.reset();
				this.faults.clear();
				this.requests.length = 0;
				this.recentRequests = [];
				return sendJson(response, 200, { ok: true });
			default:
				return sendJson(response, 404, { message: `No control route ${route}` });
		}
	}

	state() {
		const stock: Record<string, Record<string, number>> = {};
		for (const [location, items] of this.store.stock) stock[location] = Object.fromEntries(items);
		const catalog = this.square.catalog.allVariations().map((variation) => ({ id: variation.id, sku: variation.sku, name: variation.name, priceAmount: variation.price?.amount ?? null, currency: variation.price?.currency ?? null, trackInventory: variation.trackInventory }));
		return { orders: this.store.orders, stock, catalog, square: { locations: this.square.locations.knownIds(), counts: this.square.inventory.allCounts() }, clover: this.clover.state(), lightspeed: this.lightspeed.state(), loyverse: this.loyverse.state() };
	}
}
