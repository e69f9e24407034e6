import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, getNamedType, type DocumentNode, type ExecutionResult, type GraphQLFieldResolver } from 'graphql';
import { accessDenied, ALL_SCOPES, FIELD_SCOPES, hasScope } from './auth/accessScopes';
import { TokenRegistry } from './auth/tokenRegistry';
import type { RequestContext, ResolverMap } from './graphql/context';
import { prepareRequest, resolverFor, runPrepared, type GraphQLRequestBody } from './graphql/executeRequest';
import { IdempotencyRecords } from './graphql/idempotency';
import { LeakyBucket } from './graphql/leakyBucket';
import { actualQueryCost, operationFragments, requestedQueryCost } from './graphql/queryCost';
import { catalogResolvers } from './graphql/resolvers/catalogResolvers';
import { inventoryMutationResolvers } from './graphql/resolvers/inventoryMutations';
import { inventoryReadResolvers } from './graphql/resolvers/inventoryReadResolvers';
import { InventorySchedule, inventoryScheduleRoute } from './control/inventorySchedule';
import { orderResolvers } from './graphql/resolvers/orderResolvers';
import { queryResolvers } from './graphql/resolvers/queryResolvers';
import { FaultPlan, type FaultSpec } from './faults';
import { parseFormOrJson, readBody, sendJson } from './http/jsonResponse';
import { RequestLog } from './requestLog';
import { adminSchema, servedApiVersion, SIMULATED_API_VERSIONS } from './schemas';
import type { Clock } from './store/clock';
import { seedStore, type SeedOptions } from './store/seed';
import { webhookResolvers } from './webhooks/webhookResolvers';
import { BulkOperations, bulkResolvers } from './bulk/bulkOperations';
import { isConnectionTypeName } from './bulk/bulkJsonl';
import { READ_TO_END } from './graphql/connection';
import { WebhookService } from './webhooks/webhookService';
import { ShopStore } from './store/shopStore';

export const MAX_QUERY_COST = 1000;
const INVALID_TOKEN_BODY = { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' };
const RATE_LIMIT_DOCS = 'https://shopify.dev/api/usage/limits#rate-limits';

export interface SimulatorOptions {
	/** seed the store on start (default: a small store, seed 1); false = empty shop */
	seed?: SeedOptions | false;
	accessToken?: string;
	clientId?: string;
	clientSecret?: string;
	scopes?: readonly string[];
	clock?: Clock;
	maximumAvailable?: number;
	restoreRate?: number;
	tokenLifetimeSeconds?: number;
	host?: string;
	port?: number;
}

/** Settings a test may change while the simulator runs (control API `PUT /_sim/config`). */
export interface SimulatorConfig {
	scopes: string[];
	tokenLifetimeSeconds: number;
	/** make the client-credentials endpoint refuse, as Shopify does for these cases */
	oauthFailure: null | 'app_not_installed' | 'shop_not_permitted';
	maximumAvailable: number;
	restoreRate: number;
}

/** Extra request handlers mounted by feature modules (control API, bulk downloads). */
export type RouteHandler = (
	request: http.IncomingMessage,
	response: http.ServerResponse,
	url: URL,
	body: Buffer,
) => Promise<boolean> | boolean;

export class ShopifySimulator {
	readonly clock: Clock;
	readonly store: ShopStore;
	readonly tokens: TokenRegistry;
	readonly bucket: LeakyBucket;
	readonly faults = new FaultPlan();
	readonly idempotency = new IdempotencyRecords();
	readonly webhooks: WebhookService;
	readonly bulk: BulkOperations;
	/** stock changes a test scheduled on a counted request (control API `/_sim/inventory/scheduled`) */
	readonly inventorySchedule: InventorySchedule;
	readonly log = new RequestLog();
	readonly accessToken: string;
	readonly clientId: string;
	readonly clientSecret: string;
	readonly config: SimulatorConfig;
	readonly resolvers: ResolverMap;
	readonly services: Record<string, unknown> = {};
	private readonly routes: RouteHandler[] = [];
	private readonly fieldResolver: GraphQLFieldResolver<unknown, RequestContext>;
	private server: http.Server | null = null;
	private readonly sockets = new Set<import('node:net').Socket>();
	origin = '';

	constructor(options: SimulatorOptions = {}) {
		this.clock = options.clock ?? Date.now;
		this.store = new ShopStore(this.clock);
		this.accessToken = options.accessToken ?? 'shpat_simulator_0123456789abcdef0123456789';
		this.clientId = options.clientId ?? 'sim-client-id-0123456789abcdef';
		this.clientSecret = options.clientSecret ?? 'sim-client-secret-0123456789abcdef';
		this.config = {
			scopes: [...(options.scopes ?? ALL_SCOPES)],
			tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 86399,
			oauthFailure: null,
			maximumAvailable: options.maximumAvailable ?? 2000,
			restoreRate: options.restoreRate ?? 100,
		};
		this.bucket = new LeakyBucket(this.clock, this.config.maximumAvailable, this.config.restoreRate);
		this.tokens = new TokenRegistry(this.clock);
		this.tokens.addPermanent(this.accessToken, this.config.scopes);
		this.resolvers = mergeResolvers([queryResolvers, orderResolvers, catalogResolvers, inventoryMutationResolvers, inventoryReadResolvers, webhookResolvers, bulkResolvers]);
		// deliveries are signed with the app's client secret, as Shopify signs them
		this.webhooks = new WebhookService(this.store, () => this.clientSecret);
		this.services.webhooks = this.webhooks;
		this.bulk = new BulkOperations(this.store, (version, document, scopes) => this.runDocument(version, document, scopes), () => this.origin);
		this.services.bulk = this.bulk;
		this.addRoute((request, response, url) => {
			const download = /^\/_sim\/bulk\/(\d+)\.jsonl$/.exec(url.pathname);
			if (!download || request.method !== 'GET') return false;
			const operation = this.bulk.operations.get(`gid://shopify/BulkOperation/${download[1]}`);
			if (!operation || operation.url === null) {
				sendJson(response, 404, { errors: 'Not Found' });
				return true;
			}
			response.writeHead(200, { 'content-type': 'application/jsonl', 'content-length': Buffer.byteLength(operation.jsonl) });
			response.end(operation.jsonl);
			return true;
		});
		this.services.idempotency = this.idempotency;
		this.inventorySchedule = new InventorySchedule(this.store);
		this.addRoute(inventoryScheduleRoute(this.inventorySchedule));
		const baseResolver = resolverFor(this.resolvers);
		this.fieldResolver = (source, args, context, info) => {
			const scope = FIELD_SCOPES[`${info.parentType.name}.${info.fieldName}`];
			const granted = (context.services.grantedScopes as readonly string[] | undefined) ?? [];
			if (scope && !hasScope(granted, scope)) throw accessDenied(info.fieldName, scope);
			return baseResolver(source, args, context, info);
		};
		if (options.seed !== false) seedStore(this.store, options.seed ?? {});
	}

	/** Adds resolvers (mutations, extra types) from a feature module. */
	extendResolvers(extra: ResolverMap): void {
		for (const [typeName, fields] of Object.entries(extra))
			this.resolvers[typeName] = { ...(this.resolvers[typeName] ?? {}), ...fields };
	}

	addRoute(handler: RouteHandler): void {
		this.routes.push(handler);
	}

	applyConfig(change: Partial<SimulatorConfig>): SimulatorConfig {
		Object.assign(this.config, change);
		if (change.scopes) this.tokens.setScopes(this.config.scopes);
		if (change.maximumAvailable !== undefined || change.restoreRate !== undefined)
			this.bucket.configure(this.config.maximumAvailable, this.config.restoreRate);
		return this.config;
	}

	async listen(port = 0, host = '127.0.0.1'): Promise<string> {
		this.server = http.createServer((request, response) => {
			this.handle(request, response).catch((error: unknown) => {
				if (!response.headersSent)
					sendJson(response, 500, { errors: [{ message: `simulator failure: ${(error as Error).message}` }] });
				else response.destroy();
			});
		});
		// Idle keep-alive sockets are closed by the client (undici: after about 3 s), never by the server first: on a
		// loaded machine a server closing at 5 s can race a client reusing the socket, which then reads ECONNRESET.
		this.server.keepAliveTimeout = 65_000;
		this.server.headersTimeout = 66_000;
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
		const address = this.server.address() as AddressInfo;
		this.origin = `http://${host}:${address.port}`;
		return this.origin;
	}

	async close(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = null;
		this.webhooks.reset();
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
		const url = new URL(request.url ?? '/', 'http://simulator.invalid');
		const body = await readBody(request);
		const graphqlPath = /^\/admin\/api\/([^/]+)\/graphql\.json$/.exec(url.pathname);
		if (graphqlPath && request.method === 'POST') return this.handleGraphQL(request, response, graphqlPath[1], body);
		if (url.pathname === '/admin/oauth/access_token' && request.method === 'POST')
			return this.handleAccessToken(request, response, body);
		for (const route of this.routes) if (await route(request, response, url, body)) return;
		sendJson(response, 404, { errors: 'Not Found' });
	}

	private async applyTransportFault(
		fault: FaultSpec | null,
		response: http.ServerResponse,
		headers: Record<string, string>,
	): Promise<'handled' | 'continue'> {
		if (!fault) return 'continue';
		switch (fault.kind) {
			case 'latency':
				await new Promise((resolve) => setTimeout(resolve, fault.latencyMs ?? 1000));
				return 'continue';
			case 'drop':
				response.socket?.destroy();
				return 'handled';
			case 'http429':
				sendJson(response, 429, { errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' }, {
					...headers,
					'retry-after': String(fault.retryAfterSeconds ?? 2),
				});
				return 'handled';
			case 'http500':
				sendJson(response, 500, { errors: 'Internal Server Error' }, headers);
				return 'handled';
			case 'http503':
				sendJson(response, 503, { errors: 'Service Unavailable' }, headers);
				return 'handled';
			case 'unauthorized':
				sendJson(response, 401, INVALID_TOKEN_BODY, headers);
				return 'handled';
			default:
				return 'continue';
		}
	}

	private async handleGraphQL(
		request: http.IncomingMessage,
		response: http.ServerResponse,
		requestedVersion: string,
		rawBody: Buffer,
	): Promise<void> {
		const requestId = randomUUID();
		const apiVersion = servedApiVersion(requestedVersion);
		// Shopify's clock, as the `Date` header every answer carries; the store's own clock, so an injected one holds.
		const headers = { 'x-request-id': requestId, 'x-shopify-api-version': apiVersion, date: new Date(this.clock()).toUTCString() };
		let body: GraphQLRequestBody = {};
		try {
			body = JSON.parse(rawBody.toString('utf8') || '{}') as GraphQLRequestBody;
		} catch {
			body = {};
		}
		const operationNameHint = typeof body.operationName === 'string' ? body.operationName : guessOperationName(body.query);
		const entry = {
			at: this.store.nowIso(),
			method: 'POST',
			path: `/admin/api/${requestedVersion}/graphql.json`,
			endpoint: 'graphql' as const,
			requestId,
			apiVersion,
			operationName: operationNameHint,
			operationType: null as string | null,
			variables: body.variables ?? null,
			requestedCost: null as number | null,
			actualCost: null as number | null,
			outcome: 'ok',
			status: 200,
			idempotencyKey: null as string | null,
		};
		const finish = (status: number, outcome: string): void => {
			entry.status = status;
			entry.outcome = outcome;
			this.log.add(entry, rawBody.length);
		};

		const grant = this.tokens.check(headerValue(request, 'x-shopify-access-token'));
		if (!grant) {
			sendJson(response, 401, INVALID_TOKEN_BODY, headers);
			return finish(401, 'invalid_token');
		}
		const fault = this.faults.take('graphql', operationNameHint);
		if ((await this.applyTransportFault(fault, response, headers)) === 'handled')
			return finish(response.statusCode || 0, fault!.kind);

		const schema = adminSchema(apiVersion);
		const preparedOrErrors = prepareRequest(schema, body);
		if ('errors' in preparedOrErrors) {
			sendJson(response, 200, { errors: preparedOrErrors.errors.map((e) => e.toJSON()) }, headers);
			return finish(200, 'invalid_document');
		}
		const prepared = preparedOrErrors.prepared;
		entry.operationType = prepared.operation.operation;
		entry.operationName = prepared.operationName;
		const costInput = {
			schema,
			operation: prepared.operation,
			fragments: operationFragments(prepared.document),
			variables: prepared.variables,
		};
		const requested = requestedQueryCost(costInput);
		entry.requestedCost = requested;

		if (requested > MAX_QUERY_COST) {
			sendJson(
				response,
				200,
				{
					errors: [
						{
							message: `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/api/usage/bulk-operations/queries for usage details.\n`,
							extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: MAX_QUERY_COST, documentation: RATE_LIMIT_DOCS },
						},
					],
					extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: this.bucket.status() } },
				},
				headers,
			);
			return finish(200, 'MAX_COST_EXCEEDED');
		}
		if (fault?.kind === 'throttled' || !this.bucket.take(requested)) {
			sendJson(
				response,
				200,
				{
					errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: RATE_LIMIT_DOCS } }],
					extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: this.bucket.status() } },
				},
				headers,
			);
			return finish(200, 'THROTTLED');
		}

		const context: RequestContext = {
			store: this.store,
			apiVersion,
			searchWarnings: [],
			idempotencyKey: null,
			services: { ...this.services, grantedScopes: grant.scopes, requestId, operation: prepared.operation, variables: prepared.variables },
		};
		this.inventorySchedule.beforeRequest(prepared.operationName);
		const result = await runPrepared(schema, prepared, context, this.fieldResolver);
		entry.idempotencyKey = context.idempotencyKey;
		const actual = prepared.operation.operation === 'mutation' ? requested : actualQueryCost(costInput, result.data);
		entry.actualCost = actual;
		this.bucket.refund(Math.max(0, requested - actual));
		const extensions: Record<string, unknown> = {
			cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: this.bucket.status() },
		};
		if (context.searchWarnings.length > 0) extensions.search = context.searchWarnings;
		const payload: Record<string, unknown> = {};
		if (result.errors && result.errors.length > 0) payload.errors = result.errors.map((e) => e.toJSON());
		payload.data = result.data ?? null;
		payload.extensions = extensions;
		if (fault?.kind === 'commitThenDrop') {
			response.socket?.destroy();
			return finish(0, 'commitThenDrop');
		}
		sendJson(response, 200, payload, headers);
		const denied = result.errors?.some((e) => e.extensions?.code === 'ACCESS_DENIED');
		finish(200, denied ? 'ACCESS_DENIED' : result.errors?.length ? 'errors' : 'ok');
	}

	private async handleAccessToken(request: http.IncomingMessage, response: http.ServerResponse, rawBody: Buffer): Promise<void> {
		const requestId = randomUUID();
		const headers = { 'x-request-id': requestId };
		const params = parseFormOrJson(rawBody, headerValue(request, 'content-type'));
		const entry = {
			at: this.store.nowIso(),
			method: 'POST',
			path: '/admin/oauth/access_token',
			endpoint: 'oauth' as const,
			requestId,
			apiVersion: null,
			operationName: null,
			operationType: null,
			variables: null,
			requestedCost: null,
			actualCost: null,
			idempotencyKey: null,
		};
		const fault = this.faults.take('oauth', null);
		if ((await this.applyTransportFault(fault, response, headers)) === 'handled') {
			this.log.add({ ...entry, status: response.statusCode || 0, outcome: fault!.kind });
			return;
		}
		const refuse = (status: number, error: string, description: string): void => {
			sendJson(response, status, { error, error_description: description }, headers);
			this.log.add({ ...entry, status, outcome: error });
		};
		if (params.grant_type !== 'client_credentials')
			return refuse(400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server.');
		if (params.client_id !== this.clientId || params.client_secret !== this.clientSecret)
			return refuse(
				400,
				'invalid_client',
				'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
			);
		if (this.config.oauthFailure === 'app_not_installed')
			return refuse(400, 'app_not_installed', 'The application is not installed on this shop.');
		if (this.config.oauthFailure === 'shop_not_permitted')
			return refuse(
				400,
				'shop_not_permitted',
				'Client credentials cannot be performed on this shop. The app and the shop must belong to the same organization.',
			);
		const token = this.tokens.issue(this.config.tokenLifetimeSeconds, this.config.scopes);
		sendJson(
			response,
			200,
			{ access_token: token, scope: this.config.scopes.join(','), expires_in: this.config.tokenLifetimeSeconds },
			headers,
		);
		if (fault?.kind === 'commitThenDrop') response.socket?.destroy();
		this.log.add({ ...entry, status: 200, outcome: 'ok' });
	}

	/** Runs a document outside any HTTP request (bulk operations), with the given scopes. */
	/** Runs one page of a bulk query: nested connections without a size are read to the end. */
	async runDocument(apiVersion: string, document: DocumentNode, scopes: readonly string[]): Promise<ExecutionResult> {
		const context: RequestContext = {
			store: this.store,
			apiVersion,
			searchWarnings: [],
			idempotencyKey: null,
			services: { ...this.services, grantedScopes: scopes },
		};
		const schema = adminSchema(apiVersion);
		const fieldResolver: GraphQLFieldResolver<unknown, RequestContext> = (source, args, ctx, info) => {
			const nested = info.path.prev !== undefined;
			const unsized = args.first === undefined && args.last === undefined;
			if (nested && unsized && isConnectionTypeName(schema, getNamedType(info.returnType).name)) {
				return this.fieldResolver(source, { ...args, first: READ_TO_END }, ctx, info);
			}
			return this.fieldResolver(source, args, ctx, info);
		};
		return execute({ schema, document, contextValue: context, rootValue: {}, fieldResolver });
	}

	apiVersions(): readonly string[] {
		return SIMULATED_API_VERSIONS;
	}
}

function headerValue(request: http.IncomingMessage, name: string): string | undefined {
	const value = request.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

function guessOperationName(query: unknown): string | null {
	if (typeof query !== 'string') return null;
	return /\b(?:query|mutation)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(query)?.[1] ?? null;
}

function mergeResolvers(maps: ResolverMap[]): ResolverMap {
	const merged: ResolverMap = {};
	for (const map of maps)
		for (const [typeName, fields] of Object.entries(map)) merged[typeName] = { ...(merged[typeName] ?? {}), ...fields };
	return merged;
}
