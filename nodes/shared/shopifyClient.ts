import type { ICredentialDataDecryptedObject, IHttpRequestOptions, Logger } from 'n8n-workflow';
import type { ShopifyAuth } from '../../lib/shopify/accessToken';
import { DEFAULT_API_VERSION } from '../../lib/shopify/apiVersions';
import { ShopifyClient, type ShopifyLog } from '../../lib/shopify/client';
import { n8nHttpSend } from '../../lib/http/n8nHttpSend';

/** The fields of the `shopifyAdminApi` credential, as n8n hands them to a node. */
export interface ShopifyCredentialFields {
	shop: string;
	apiVersion: string;
	authentication: 'accessToken' | 'clientCredentials';
	accessToken?: string;
	clientId?: string;
	clientSecret?: string;
	webhookSecret?: string;
}

interface ShopifyContext {
	getCredentials(type: string): Promise<ICredentialDataDecryptedObject>;
	helpers: { httpRequest(options: IHttpRequestOptions): Promise<unknown> };
	logger: Logger;
}

export function readShopifyCredential(data: ICredentialDataDecryptedObject): ShopifyCredentialFields {
	const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string).trim() : undefined);
	return {
		shop: text('shop') ?? '',
		apiVersion: text('apiVersion') || DEFAULT_API_VERSION,
		authentication: data.authentication === 'clientCredentials' ? 'clientCredentials' : 'accessToken',
		accessToken: text('accessToken'),
		clientId: text('clientId'),
		clientSecret: text('clientSecret'),
		webhookSecret: text('webhookSecret'),
	};
}

export function shopifyAuthOf(fields: ShopifyCredentialFields): ShopifyAuth {
	return fields.authentication === 'clientCredentials'
		? { authentication: 'clientCredentials', clientId: fields.clientId ?? '', clientSecret: fields.clientSecret ?? '' }
		: { authentication: 'accessToken', accessToken: fields.accessToken ?? '' };
}

/** HMAC key for webhooks: the explicit webhook secret, else the app's client secret. */
export function webhookSecretOf(fields: ShopifyCredentialFields): string | undefined {
	return fields.webhookSecret || fields.clientSecret || undefined;
}

export function n8nShopifyLog(logger: Logger): ShopifyLog {
	return (level, message, meta) => logger[level](message, meta);
}

export async function shopifyCredentialFor(ctx: ShopifyContext): Promise<ShopifyCredentialFields> {
	return readShopifyCredential(await ctx.getCredentials('shopifyAdminApi'));
}

/** A client for this execution: tokens and the throttle picture are shared process-wide inside lib/. */
export async function shopifyClientFor(ctx: ShopifyContext): Promise<ShopifyClient> {
	const fields = await shopifyCredentialFor(ctx);
	return new ShopifyClient({
		shop: fields.shop,
		apiVersion: fields.apiVersion,
		credentials: shopifyAuthOf(fields),
		send: n8nHttpSend(ctx.helpers),
		log: n8nShopifyLog(ctx.logger),
	});
}
