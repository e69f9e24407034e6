import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';
import { DEFAULT_API_VERSION, SUPPORTED_API_VERSIONS } from '../lib/shopify/apiVersions';

/**
 * One Shopify store. Tested by the Shopify nodes' `shopifyAdminApiConnectionTest` (testedBy): it runs the
 * client-credentials exchange when needed and turns each failure into advice, which a declarative test cannot.
 */
export class ShopifyAdminApi implements ICredentialType {
	name = 'shopifyAdminApi';

	displayName = 'Shopify Admin API';

	icon: Icon = { light: 'file:shopify.svg', dark: 'file:shopify.dark.svg' };

	documentationUrl = 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/generate-app-access-tokens-admin';

	properties: INodeProperties[] = [
		{
			displayName: 'Shop',
			name: 'shop',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'my-store.myshopify.com',
			description:
				'Your store\'s myshopify.com address (Shopify admin → Settings → Domains): "my-store", "my-store.myshopify.com" or "https://my-store.myshopify.com". Not your own storefront domain.',
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'options',
			options: SUPPORTED_API_VERSIONS.map((version) => ({ name: version === DEFAULT_API_VERSION ? `${version} (Recommended)` : version, value: version })),
			default: DEFAULT_API_VERSION,
			description: 'Shopify Admin API version. Each is supported for 12 months after release.',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'Access Token (Custom App)',
					value: 'accessToken',
					description: 'An Admin API access token (shpat_…) from a custom app made in the store admin. It never expires.',
				},
				{
					name: 'Client ID and Secret (Dev Dashboard App)',
					value: 'clientCredentials',
					description: 'A Dev Dashboard app installed on the store. Exchanged for 24-hour tokens, renewed automatically.',
				},
			],
			default: 'accessToken',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['accessToken'] } },
			description: 'Shopify admin → Settings → Apps → Develop apps → your app → API credentials → Admin API access token',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['clientCredentials'] } },
			description: 'Dev Dashboard → your app → Settings → Client ID',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['clientCredentials'] } },
			description: 'Dev Dashboard → your app → Settings → Secret',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Key Shopify signs webhooks with (the app\'s client secret / API secret key). Leave empty to use the Client Secret above.',
		},
	];
}
