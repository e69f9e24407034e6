import { createAdminApiClient, type AdminApiClient } from '@shopify/admin-api-client';
import { equalJitterBackoffMs } from '../http/backoff';
import { retryAfterMs } from '../http/retryAfter';
import { NetworkError, type HttpSend } from '../http/types';
import { accessTokenSource, type AccessTokenSource, type ShopifyAuth } from './accessToken';
import { assertApiVersion } from './apiVersions';
import { ShopifyApiError, redactSecrets } from './errors';
import { graphqlErrorsError, httpStatusError, type GraphqlErrorEntry } from './errorMapping';
import { DEFAULT_RETRY_LIMITS, isRetryableStatus, throttledRetryDelayMs, type RetryLimits } from './retryPolicy';
import { RequestBudget } from './requestBudget';
import { normalizeShop, type ShopAddress } from './shopUrl';
import {
	MAX_QUERY_COST,
	ThrottleState,
	waitAfterThrottled,
	type QueryCost,
	type ThrottleStatus,
} from './throttle';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type ShopifyLog = (level: LogLevel, message: string, meta?: Record<string, unknown>) => void;

export interface ShopifyClientOptions {
	shop: string;
	apiVersion: string;
	credentials: ShopifyAuth;
	send: HttpSend;
	log?: ShopifyLog;
	retryLimits?: Partial<RetryLimits>;
	/** Injected for tests: the clock, the wait and the jitter source. */
	now?: () => number;
	sleep?: (ms: number) => Promise<void>;
	random?: () => number;
}

export interface RequestOptions {
	/**
	 * The query's requested cost, when the caller computed it (e.g. a page size × per-item cost). Otherwise the
	 * client uses what Shopify reported for the same operation last time. Used to wait BEFORE sending, so
	 * THROTTLED stays the exception.
	 */
	estimatedCost?: number;
	/**
	 * For a caller that can ask for less (a smaller batch, a shorter page): give up after this many THROTTLED
	 * answers (error code THROTTLED) instead of waiting minutes. Where several clients share the bucket, a
	 * request that needs more points than theirs loses every race for the refill to their smaller ones;
	 * asking for less is what gets it through.
	 */
	maxThrottleAttempts?: number;
}

export interface ShopifyResponse<TData> {
	data: TData;
	extensions?: { cost?: QueryCost; [key: string]: unknown };
	/** The version Shopify actually served (`X-Shopify-API-Version`). */
	apiVersion: string;
	requestId?: string;
	/** Shopify's clock when it answered (the `Date` header, whole seconds), in ms; absent when not sent. */
	serverTime?: number;
}

/** Per-store bucket estimates of this process, shared by every client for that store. */
const throttleStates = new Map<string, ThrottleState>();
/** Requested cost Shopify reported per operation name, to pace the next call of the same operation. */
const learnedCosts = new Map<string, number>();

export function resetShopifyClientState(): void {
	throttleStates.clear();
	learnedCosts.clear();
}

function operationNameOf(document: string): string | undefined {
	return /\b(?:query|mutation)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(document)?.[1];
}

/** Internal marker tying a transport failure to its attempt; stripped before sending. */
const ATTEMPT_HEADER = 'x-n8n-shopify-attempt';

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The only door to Shopify's Admin GraphQL API. Built on @shopify/admin-api-client (URL, headers, body) with
 * its retries off: it treats Retry-After as milliseconds and never retries THROTTLED, so pacing and retries
 * are ours. Its fetch is the HttpSend we are given (n8n's http helper inside n8n).
 */
export class ShopifyClient {
	readonly address: ShopAddress;
	readonly apiVersion: string;
	private readonly tokens: AccessTokenSource;
	private readonly send: HttpSend;
	private readonly log: ShopifyLog;
	private readonly limits: RetryLimits;
	private readonly now: () => number;
	private readonly sleep: (ms: number) => Promise<void>;
	private readonly random: () => number;
	private readonly throttle: ThrottleState;
	private readonly secrets: string[];
	private readonly authentication: ShopifyAuth['authentication'];
	private adminClient?: { token: string; client: AdminApiClient };
	private versionWarned = false;
	/** graphql-client rewraps transport failures as plain Errors; keep ours (with Node's code) per attempt. */
	private readonly transportFailures = new Map<string, NetworkError>();
	private attemptCounter = 0;

	constructor(options: ShopifyClientOptions) {
		this.address = normalizeShop(options.shop);
		this.apiVersion = assertApiVersion(options.apiVersion);
		this.send = options.send;
		this.log = options.log ?? (() => undefined);
		this.limits = { ...DEFAULT_RETRY_LIMITS, ...options.retryLimits };
		this.now = options.now ?? Date.now;
		this.sleep = options.sleep ?? defaultSleep;
		this.random = options.random ?? Math.random;
		this.authentication = options.credentials.authentication;
		this.tokens = accessTokenSource(options.credentials, this.send, this.address.origin, this.now);
		this.secrets =
			options.credentials.authentication === 'accessToken'
				? [options.credentials.accessToken]
				: [options.credentials.clientSecret];
		let state = throttleStates.get(this.address.origin);
		if (!state) {
			state = new ThrottleState();
			throttleStates.set(this.address.origin, state);
		}
		this.throttle = state;
	}

	/** The bucket as Shopify last reported it (before this process's own reservations). */
	get throttleStatus(): ThrottleStatus | undefined {
		return this.throttle.last;
	}

	async request<TData = Record<string, unknown>>(
		document: string,
		variables?: Record<string, unknown>,
		options: RequestOptions = {},
	): Promise<ShopifyResponse<TData>> {
		const operationName = operationNameOf(document);
		const costKey = `${this.address.origin}|${operationName ?? document}`;
		const cost = this.plannedCost(costKey, operationName, options.estimatedCost);
		const budget = new RequestBudget(this.limits, options.maxThrottleAttempts);
		let renewedToken = false;
		for (;;) {
			const wait = this.throttle.reserve(cost, this.now());
			if (wait > 0) {
				this.log('debug', `Shopify: waiting ${wait} ms for ${cost} cost points before ${operationName ?? 'query'}`);
				await this.sleep(wait);
			}
			const token = await this.tokens.token();
			const response = await this.sendAttempt(document, variables, token);
			if (typeof response === 'string') {
				await this.retryAfterNoResponse(response, budget, operationName);
				continue;
			}
			const requestId = response.headers.get('x-request-id') ?? undefined;
			const servedVersion = response.headers.get('x-shopify-api-version') ?? this.apiVersion;
			this.warnOnVersionChange(servedVersion);
			const body = await response.text();
			if (response.status === 401 && !renewedToken && this.tokens.invalidate(token)) {
				renewedToken = true;
				this.log('info', 'Shopify: access token refused (401); requesting a new one and retrying once');
				continue;
			}
			const retryDelay = this.httpRetryDelay(response, budget, operationName);
			if (retryDelay !== undefined) {
				await this.sleep(retryDelay);
				continue;
			}
			if (response.status !== 200) {
				const ctx = { operationName, requestId, status: response.status, origin: this.address.origin, authentication: this.authentication };
				throw this.sanitize(httpStatusError(response.status, body, ctx));
			}
			const payload = this.parsePayload<TData>(body, operationName, requestId, response.status);
			const queryCost = payload.extensions?.cost;
			this.throttle.observe(queryCost?.throttleStatus, this.now());
			if (typeof queryCost?.requestedQueryCost === 'number') learnedCosts.set(costKey, queryCost.requestedQueryCost);
			const errors = Array.isArray(payload.errors) ? payload.errors : [];
			if (errors.some((e) => e.extensions?.code === 'THROTTLED')) {
				const delay = throttledRetryDelayMs(waitAfterThrottled(queryCost, cost), this.random());
				if (!budget.throttled(delay)) throw this.keptThrottling(operationName, requestId, budget);
				this.log('debug', `Shopify: THROTTLED on ${operationName ?? 'request'}; waiting ${delay} ms`);
				await this.sleep(delay);
				continue;
			}
			if (errors.length > 0) {
				throw this.sanitize(graphqlErrorsError(errors, { operationName, requestId, status: response.status, origin: this.address.origin, authentication: this.authentication }));
			}
			const serverTime = Date.parse(response.headers.get('date') ?? '');
			return { data: payload.data as TData, extensions: payload.extensions, apiVersion: servedVersion, requestId, serverTime: Number.isNaN(serverTime) ? undefined : serverTime };
		}
	}

	/** The points the query is expected to cost: the caller's estimate, or what Shopify said last time. */
	private plannedCost(costKey: string, operationName: string | undefined, estimatedCost: number | undefined): number {
		const cost = estimatedCost ?? learnedCosts.get(costKey) ?? 0;
		if (cost > MAX_QUERY_COST) {
			throw new ShopifyApiError(
				`${operationName ?? 'The query'} would cost ${cost} points; Shopify refuses any single query above ${MAX_QUERY_COST}.`,
				{ code: 'MAX_COST_EXCEEDED', operationName, advice: 'Request fewer items per page, or use bulk mode.' },
			);
		}
		return cost;
	}

	/** One attempt: Shopify's answer, or the network error code when none came. */
	private async sendAttempt(document: string, variables: Record<string, unknown> | undefined, token: string): Promise<Response | string> {
		const attempt = String(++this.attemptCounter);
		try {
			return await this.adminClientFor(token).fetch(document, { variables, headers: { [ATTEMPT_HEADER]: attempt } });
		} catch (error) {
			const failure = this.transportFailures.get(attempt) ?? error;
			this.transportFailures.delete(attempt);
			return failure instanceof NetworkError ? failure.code : 'NETWORK';
		}
	}

	/** Waits before the next attempt after one without an answer, or throws when the attempts are spent. */
	private async retryAfterNoResponse(code: string, budget: RequestBudget, operationName: string | undefined): Promise<void> {
		if (!budget.serverFailed()) {
			throw new ShopifyApiError(this.redact(`Could not reach ${this.address.origin} (${code}) after ${budget.serverAttempts} attempts.`), {
				code: 'NETWORK',
				operationName,
				retryable: true,
				advice: `Check the Shop field and that this n8n can reach ${this.address.origin} (DNS, firewall, proxy).`,
			});
		}
		const delay = equalJitterBackoffMs(budget.serverAttempts, this.limits.baseDelayMs, this.limits.maxDelayMs, this.random());
		this.log('warn', `Shopify: ${operationName ?? 'request'} got no response (${code}); retry ${budget.serverAttempts} in ${delay} ms`);
		await this.sleep(delay);
	}

	/** How long to wait before asking again after a 429 or a server error; undefined: do not ask again. */
	private httpRetryDelay(response: Response, budget: RequestBudget, operationName: string | undefined): number | undefined {
		const asked = retryAfterMs(response.headers.get('retry-after') ?? undefined, this.now());
		if (response.status === 429) {
			const delay = asked ?? 1000;
			if (!budget.throttled(delay)) return undefined;
			this.log('debug', `Shopify: 429 on ${operationName ?? 'request'}; waiting ${delay} ms (Retry-After)`);
			return delay;
		}
		if (!isRetryableStatus(response.status) || !budget.serverFailed()) return undefined;
		const delay = asked ?? equalJitterBackoffMs(budget.serverAttempts, this.limits.baseDelayMs, this.limits.maxDelayMs, this.random());
		this.log('warn', `Shopify: ${response.status} on ${operationName ?? 'request'}; retry ${budget.serverAttempts} in ${delay} ms`);
		return delay;
	}

	private parsePayload<TData>(body: string, operationName: string | undefined, requestId: string | undefined, status: number): { data?: TData; errors?: GraphqlErrorEntry[]; extensions?: { cost?: QueryCost } } {
		try {
			return JSON.parse(body) as { data?: TData; errors?: GraphqlErrorEntry[]; extensions?: { cost?: QueryCost } };
		} catch {
			throw new ShopifyApiError(`${this.address.origin} did not answer with JSON (${operationName ?? 'request'}).`, {
				code: 'INVALID_RESPONSE',
				operationName,
				requestId,
				status,
				advice: 'Check that the Shop field is the store\'s myshopify.com address and not a proxy or another site.',
			});
		}
	}

	private keptThrottling(operationName: string | undefined, requestId: string | undefined, budget: RequestBudget): ShopifyApiError {
		return new ShopifyApiError(
			`Shopify kept throttling ${operationName ?? 'the request'} for ${Math.round(budget.throttleWaitedMs / 1000)} s (${budget.throttleAttempts} attempts).`,
			{
				code: 'THROTTLED',
				operationName,
				requestId,
				retryable: true,
				advice: 'Other apps may be using this store\'s API budget. Run the workflow less often or with smaller pages.',
			},
		);
	}

	private adminClientFor(token: string): AdminApiClient {
		if (this.adminClient?.token === token) return this.adminClient.client;
		const { origin, domain, isLocal } = this.address;
		const client = createAdminApiClient({
			storeDomain: domain,
			apiVersion: this.apiVersion,
			accessToken: token,
			retries: 0,
			userAgentPrefix: 'n8n-nodes-shopify-pos',
			// Its version list is computed from today's date; our own check reads what Shopify actually served.
			logger: (entry: { type: string }) => this.log('debug', `admin-api-client: ${entry.type}`),
			customFetchApi: async (url: string, init?: RequestInit) => {
				// admin-api-client always builds https://<domain>; a loopback simulator or proxy keeps its own scheme.
				const target = isLocal ? url.replace(`https://${domain}`, origin) : url;
				const headers: Record<string, string> = {};
				new Headers(init?.headers).forEach((value, name) => {
					headers[name] = value;
				});
				const attempt = headers[ATTEMPT_HEADER];
				delete headers[ATTEMPT_HEADER];
				let result;
				try {
					result = await this.send({
						method: 'POST',
						url: target,
						headers,
						body: typeof init?.body === 'string' ? init.body : undefined,
					});
				} catch (error) {
					if (attempt && error instanceof NetworkError) this.transportFailures.set(attempt, error);
					throw error;
				}
				return new Response(result.status === 204 ? null : result.body, { status: result.status, headers: result.headers });
			},
		});
		this.adminClient = { token, client };
		return client;
	}

	private warnOnVersionChange(served: string): void {
		if (served === this.apiVersion || this.versionWarned) return;
		this.versionWarned = true;
		this.log(
			'warn',
			`Shopify served API version ${served} instead of ${this.apiVersion}: ${this.apiVersion} is retired or not yet released. Choose a supported version in the credential.`,
		);
	}

	private redact(text: string): string {
		return redactSecrets(text, this.secrets);
	}

	private sanitize(error: ShopifyApiError): ShopifyApiError {
		error.message = this.redact(error.message);
		return error;
	}
}
