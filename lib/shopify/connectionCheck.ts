import type { HttpSend } from '../http/types';
import type { ShopifyAuth } from './accessToken';
import { ShopifyClient, type ShopifyLog } from './client';
import { ShopifyApiError, redactSecrets } from './errors';
import { SHOP_NAME } from './operations/shop';
import { ShopAddressError } from './shopUrl';

export type ConnectionCheckResult =
	| { ok: true; shopName: string; domain: string; servedApiVersion: string; message: string }
	| { ok: false; code: string; message: string };

/**
 * What the credential test runs: normalise the shop, get a token (client credentials), then
 * `{ shop { name } }`. Each failure comes back as one sentence of what happened and what to do.
 */
export async function checkShopifyConnection(input: {
	shop: string;
	apiVersion: string;
	credentials: ShopifyAuth;
	send: HttpSend;
	log?: ShopifyLog;
}): Promise<ConnectionCheckResult> {
	const secrets =
		input.credentials.authentication === 'accessToken' ? [input.credentials.accessToken] : [input.credentials.clientSecret];
	try {
		const missing = missingCredentialField(input.credentials);
		if (missing) return { ok: false, code: 'MISSING_FIELD', message: missing };
		const client = new ShopifyClient({
			...input,
			// A credential test should answer in seconds, not wait out a long backoff.
			retryLimits: { maxServerErrorAttempts: 2, maxThrottleAttempts: 3, maxThrottleWaitMs: 10_000, baseDelayMs: 300 },
		});
		const response = await client.request<{ shop: { name: string; myshopifyDomain: string } }>(SHOP_NAME);
		const versionNote =
			response.apiVersion !== client.apiVersion
				? ` Note: Shopify served API version ${response.apiVersion}, not ${client.apiVersion}; choose a supported version.`
				: '';
		return {
			ok: true,
			shopName: response.data.shop.name,
			domain: response.data.shop.myshopifyDomain,
			servedApiVersion: response.apiVersion,
			message: `Connected to "${response.data.shop.name}" (${response.data.shop.myshopifyDomain}).${versionNote}`,
		};
	} catch (error) {
		if (error instanceof ShopAddressError) return { ok: false, code: 'INVALID_SHOP', message: error.message };
		if (error instanceof ShopifyApiError) {
			return { ok: false, code: error.code, message: redactSecrets([error.message, error.advice].filter(Boolean).join(' '), secrets) };
		}
		const message = error instanceof Error ? error.message : String(error);
		return { ok: false, code: 'UNEXPECTED', message: redactSecrets(message, secrets) };
	}
}

function missingCredentialField(credentials: ShopifyAuth): string | undefined {
	if (credentials.authentication === 'accessToken') {
		return credentials.accessToken?.trim() ? undefined : 'Access Token is empty: paste the Admin API access token of your custom app (starts with shpat_).';
	}
	if (!credentials.clientId?.trim()) return 'Client ID is empty: copy it from the Dev Dashboard → your app → Settings.';
	if (!credentials.clientSecret?.trim()) return 'Client Secret is empty: copy it from the Dev Dashboard → your app → Settings.';
	return undefined;
}
