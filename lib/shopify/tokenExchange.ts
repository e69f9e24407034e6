import type { HttpSend } from '../http/types';
import { NetworkError } from '../http/types';
import { ShopifyApiError, redactSecrets } from './errors';

export interface IssuedToken {
	accessToken: string;
	/** Seconds; Shopify issues 86399 (24 h) for the client credentials grant. */
	expiresIn: number;
	scope?: string;
}

/** What the shop owner can do about each refusal of the token endpoint. */
const TOKEN_ERROR_ADVICE: Record<string, string> = {
	app_not_installed:
		'The app is not installed on this store. In the Dev Dashboard open the app, choose "Install app" and pick this store, then test the credential again.',
	shop_not_permitted:
		'Client credentials only work for a store in the same Shopify organization as the app. Install the app on a store of its own organization, or create a custom app in this store\'s admin and use its Admin API access token instead.',
	invalid_client:
		'Shopify did not accept the Client ID and Client Secret. Copy both again from the Dev Dashboard → your app → Settings.',
	invalid_request:
		'Shopify refused the token request. Check the Client ID and Client Secret (Dev Dashboard → your app → Settings).',
};

function tokenErrorCode(status: number, body: string): string {
	for (const code of Object.keys(TOKEN_ERROR_ADVICE)) if (body.includes(code)) return code;
	if (status === 401 || status === 403) return 'invalid_client';
	return `HTTP_${status}`;
}

/** A 200 answer's token; an answer without one says the Shop field points elsewhere. */
function issuedToken(body: string, origin: string, requestId: string | undefined): IssuedToken {
	let parsed: { access_token?: unknown; expires_in?: unknown; scope?: unknown };
	try {
		parsed = JSON.parse(body) as typeof parsed;
	} catch {
		parsed = {};
	}
	if (typeof parsed.access_token !== 'string' || parsed.access_token === '') {
		throw new ShopifyApiError(`${origin} answered the token request without an access token.`, {
			code: 'INVALID_TOKEN_RESPONSE',
			operationName: 'clientCredentialsGrant',
			requestId,
			status: 200,
			advice: 'Check that the Shop field is the store\'s myshopify.com address and not a proxy or another site.',
		});
	}
	return {
		accessToken: parsed.access_token,
		expiresIn: typeof parsed.expires_in === 'number' && parsed.expires_in > 0 ? parsed.expires_in : 86399,
		scope: typeof parsed.scope === 'string' ? parsed.scope : undefined,
	};
}

/**
 * The client credentials grant of a Dev Dashboard app: `POST {shop}/admin/oauth/access_token` with a form
 * body → `{access_token, scope, expires_in}`. No refresh token exists; a new grant replaces an expired token.
 */
export async function requestClientCredentialsToken(
	send: HttpSend,
	origin: string,
	clientId: string,
	clientSecret: string,
): Promise<IssuedToken> {
	const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
	let response;
	try {
		response = await send({
			method: 'POST',
			url: `${origin}/admin/oauth/access_token`,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body: form.toString(),
		});
	} catch (error) {
		const code = error instanceof NetworkError ? error.code : 'NETWORK';
		throw new ShopifyApiError(`Could not reach ${origin} to get an access token (${code}).`, {
			code: 'NETWORK',
			operationName: 'clientCredentialsGrant',
			advice: `Check the Shop field and that this n8n can reach ${origin} (DNS, firewall, proxy).`,
			retryable: true,
		});
	}
	const requestId = response.headers['x-request-id'];
	if (response.status === 200) return issuedToken(response.body, origin, requestId);
	if (response.status === 404) {
		throw new ShopifyApiError(`No Shopify store answers at ${origin} (404).`, {
			code: 'SHOP_NOT_FOUND',
			operationName: 'clientCredentialsGrant',
			requestId,
			status: 404,
			advice: 'Check the Shop field: use the myshopify.com address from Shopify admin → Settings → Domains.',
		});
	}
	const code = tokenErrorCode(response.status, response.body);
	const shopifySaid = redactSecrets(response.body.slice(0, 300), [clientSecret]);
	throw new ShopifyApiError(`Shopify refused the client credentials (${response.status} ${code}): ${shopifySaid}`, {
		code,
		operationName: 'clientCredentialsGrant',
		requestId,
		status: response.status,
		advice: TOKEN_ERROR_ADVICE[code] ?? 'Check the Client ID and Client Secret (Dev Dashboard → your app → Settings).',
		retryable: response.status === 429 || response.status >= 500,
	});
}
