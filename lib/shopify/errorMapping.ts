import { ShopifyApiError, scopesIn } from './errors';

export interface GraphqlErrorEntry {
	message?: string;
	path?: Array<string | number>;
	extensions?: { code?: string; requiredAccess?: string; cost?: number; maxCost?: number; [key: string]: unknown };
}

interface Context {
	operationName?: string;
	requestId?: string;
	status?: number;
	origin: string;
	authentication: 'accessToken' | 'clientCredentials';
}

const SCOPE_ADVICE =
	'Add the scope to the app (custom app: Configuration → Admin API integration; Dev Dashboard app: a new version with the scope, then approve it in the store), then test the credential again.';

/** A non-2xx answer from the GraphQL endpoint, once retries are exhausted or when retrying cannot help. */
export function httpStatusError(status: number, body: string, ctx: Context): ShopifyApiError {
	const base = { operationName: ctx.operationName, requestId: ctx.requestId, status };
	const op = ctx.operationName ? ` (${ctx.operationName})` : '';
	switch (status) {
		case 401:
			return new ShopifyApiError(`Shopify rejected the access token${op}: 401 Unauthorized.`, {
				...base,
				code: 'HTTP_401',
				advice:
					ctx.authentication === 'accessToken'
						? 'Copy the Admin API access token again (it starts with shpat_). A token stops working when the app is uninstalled or the token is revoked.'
						: 'Shopify refused a freshly issued token. Check that the app is still installed on this store and that the Client Secret was not rotated.',
			});
		case 402:
			return new ShopifyApiError(`The store is frozen${op}: 402 Payment Required.`, {
				...base,
				code: 'HTTP_402',
				advice: 'Shopify blocks the API while the store has an unpaid bill. Settle it in Shopify admin → Settings → Billing.',
			});
		case 403:
			return new ShopifyApiError(`Shopify refused access${op}: 403 Forbidden.`, {
				...base,
				code: 'HTTP_403',
				advice: 'Check that the app is installed on this store and has the scopes it needs.',
			});
		case 404:
			return new ShopifyApiError(`No Shopify Admin API answers at ${ctx.origin}${op}: 404 Not Found.`, {
				...base,
				code: 'SHOP_NOT_FOUND',
				advice:
					'Check the Shop field (the myshopify.com address from Shopify admin → Settings → Domains) and the API Version.',
			});
		case 423:
			return new ShopifyApiError(`The store is locked${op}: 423 Locked.`, {
				...base,
				code: 'HTTP_423',
				advice: 'Shopify locked this store (for example for a fraud review). Contact Shopify support.',
			});
		default:
			return new ShopifyApiError(`Shopify answered ${status}${op}: ${body.slice(0, 200)}`, {
				...base,
				code: `HTTP_${status}`,
				retryable: status === 429 || status >= 500,
				advice: status >= 500 ? 'Shopify had a problem; n8n will succeed on a later run. Check status.shopify.com if it persists.' : undefined,
			});
	}
}

/** Top-level GraphQL `errors` of a 200 response (THROTTLED is handled by the caller before this). */
export function graphqlErrorsError(errors: GraphqlErrorEntry[], ctx: Context): ShopifyApiError {
	const first = errors[0] ?? {};
	const code = first.extensions?.code ?? 'GRAPHQL_ERROR';
	const base = { operationName: ctx.operationName, requestId: ctx.requestId, status: ctx.status, shopifyErrors: errors };
	const op = ctx.operationName ?? 'the request';
	if (code === 'ACCESS_DENIED') {
		const scopes = [...new Set(errors.flatMap((e) => scopesIn(e.extensions?.requiredAccess ?? e.message)))];
		const named = scopes.length > 0 ? scopes.join(', ') : 'a scope Shopify did not name';
		return new ShopifyApiError(`Shopify denied ${op}: the app lacks ${named}.`, {
			...base,
			code,
			requiredScopes: scopes,
			advice: `${scopes.length > 0 ? `Add ${scopes.join(', ')}. ` : ''}${SCOPE_ADVICE}`,
		});
	}
	if (code === 'MAX_COST_EXCEEDED') {
		const cost = first.extensions?.cost;
		return new ShopifyApiError(
			`${op} asks for ${cost ?? 'more than 1000'} cost points; Shopify refuses any single query above ${first.extensions?.maxCost ?? 1000}.`,
			{ ...base, code, advice: 'Request fewer items per page (a smaller limit), or use bulk mode for large exports.' },
		);
	}
	const messages = errors.map((e) => e.message ?? 'unknown error').join('; ');
	return new ShopifyApiError(`Shopify rejected ${op}: ${messages}`, {
		...base,
		code,
		retryable: code === 'INTERNAL_SERVER_ERROR',
	});
}
