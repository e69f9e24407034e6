import type { ICredentialDataDecryptedObject, ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';
import type { PosCredentials } from '../lib/pos/credentials';

/**
 * Where each vendor signs in, takes tokens and serves its API, and what the templates need of it. Sources and
 * what is UNCONFIRMED: README "POS credentials". `{prefix}` is Lightspeed's domain prefix; `{clover}` Clover's
 * regional host part (`clover.com`, `eu.clover.com`, `la.clover.com`).
 */
/** The Square API version the package is built and tested against (the POS API credential's templates name it too). */
const SQUARE_VERSION = '2026-09-16';

const PRESETS = {
	square: {
		authUrl: 'https://connect.squareup.com/oauth2/authorize',
		tokenUrl: 'https://connect.squareup.com/oauth2/token',
		apiUrl: 'https://connect.squareup.com',
		sandboxAuthUrl: 'https://connect.squareupsandbox.com/oauth2/authorize',
		sandboxTokenUrl: 'https://connect.squareupsandbox.com/oauth2/token',
		sandboxApiUrl: 'https://connect.squareupsandbox.com',
		// Each scope on its own: WRITE does not imply READ at Square.
		scope: 'MERCHANT_PROFILE_READ ITEMS_READ INVENTORY_READ INVENTORY_WRITE ORDERS_READ ORDERS_WRITE PAYMENTS_WRITE',
		headers: `Square-Version: ${SQUARE_VERSION}`,
		testPath: '/v2/locations',
	},
	lightspeedX: {
		authUrl: 'https://secure.retail.lightspeed.app/connect',
		tokenUrl: 'https://{prefix}.retail.lightspeed.app/api/1.0/token',
		apiUrl: 'https://{prefix}.retail.lightspeed.app',
		scope: 'outlets:read registers:read users:read payment_types:read taxes:read products:read inventory:read inventory:write sales:read sales:write webhooks',
		headers: 'User-Agent: n8n-nodes-shopify-pos',
		testPath: '/api/2.0/outlets',
	},
	clover: {
		authUrl: 'https://www.{clover}/oauth/v2/authorize',
		tokenUrl: 'https://api.{clover}/oauth/v2/token',
		apiUrl: 'https://api.{clover}',
		sandboxAuthUrl: 'https://sandbox.dev.clover.com/oauth/v2/authorize',
		sandboxTokenUrl: 'https://apisandbox.dev.clover.com/oauth/v2/token',
		sandboxApiUrl: 'https://apisandbox.dev.clover.com',
		// Clover grants what the app's settings name; the authorize request carries no scopes.
		scope: '',
		headers: '',
		testPath: '/v3/merchants/{merchant}',
	},
	loyverse: {
		authUrl: 'https://api.loyverse.com/oauth/authorize',
		tokenUrl: 'https://api.loyverse.com/oauth/token',
		apiUrl: 'https://api.loyverse.com',
		scope: 'STORES_READ ITEMS_READ INVENTORY_READ INVENTORY_WRITE RECEIPTS_READ RECEIPTS_WRITE PAYMENT_TYPES_READ',
		headers: '',
		testPath: '/v1.0/stores',
	},
};

type PresetField = 'authUrl' | 'tokenUrl' | 'apiUrl' | 'scope' | 'headers' | 'testPath';
const URL_FIELDS: ReadonlyArray<PresetField> = ['authUrl', 'tokenUrl', 'apiUrl'];

/**
 * An n8n expression that picks a preset field for the chosen vendor and environment, fills in the domain
 * prefix, Clover's region and merchant, and puts the Address Override in place of the vendor's host. One flat
 * table keyed `vendor.field`, so no `}}` appears inside the expression.
 */
function presetExpression(field: PresetField): string {
	const table: Record<string, string> = {};
	for (const [vendor, preset] of Object.entries(PRESETS) as Array<[string, Record<string, string>]>) {
		table[`${vendor}.${field}`] = preset[field];
		const sandbox = preset[`sandbox${field[0].toUpperCase()}${field.slice(1)}`];
		table[`${vendor}.sandbox.${field}`] = sandbox ?? preset[field];
	}
	const key = `$self.vendor + ($self.environment === 'sandbox' ? '.sandbox.' : '.') + '${field}'`;
	let value = `(${JSON.stringify(table)}[${key}] || '')`;
	value += `.replace('{prefix}', $self.domainPrefix || '').replace('{clover}', $self.cloverRegion || 'clover.com').replace('{merchant}', $self.merchantId || '')`;
	if (URL_FIELDS.includes(field)) value += `.replace(/^https:\\/\\/[^/]+/, ($self.addressOverride || '').trim().replace(/\\/+$/, '') || '$&')`;
	return `={{ ${value} }}`;
}

/** Header lines, the later one winning for a name (case-insensitive): the vendor's, then the user's. */
function mergeHeaderLines(vendorLines: string, userLines: string): string {
	const name = (line: string) => line.slice(0, Math.max(0, line.indexOf(':'))).trim().toLowerCase();
	const user = userLines.split(/\r?\n/).filter((line) => line.trim() !== '');
	const replaced = new Set(user.map(name));
	return [...vendorLines.split(/\r?\n/).filter((line) => line.trim() !== '' && !replaced.has(name(line))), ...user].join('\n');
}

/** The credential's fields as lib/pos reads them: n8n signs each request, so only the address, headers and secrets. */
export function posOAuth2CredentialsFrom(data: ICredentialDataDecryptedObject): PosCredentials {
	const text = (value: unknown) => (typeof value === 'string' ? value : '');
	const tokens = (data.oauthTokenData ?? {}) as Record<string, unknown>;
	return {
		baseUrl: text(data.baseUrl),
		authType: 'oauth2',
		extraHeaders: mergeHeaderLines(text(data.vendorHeaders), text(data.extraHeaders)),
		oauthSecrets: [tokens.access_token, tokens.refresh_token, data.clientSecret].map(text).filter((secret) => secret.length >= 4),
	};
}

/**
 * Sign-in to a POS with OAuth2 through n8n's own machinery: n8n runs the redirect, stores and encrypts the
 * tokens, refreshes them on a 401 (storing a rotated refresh token before it is used again) and, from n8n 2.x,
 * lets one execution refresh at a time. The vendor presets fill in every address and scope.
 */
export class PosOAuth2Api implements ICredentialType {
	name = 'posOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'POS OAuth2 API';

	icon: Icon = { light: 'file:posApi.svg', dark: 'file:posApi.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-shopify-pos#pos-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'POS',
			name: 'vendor',
			type: 'options',
			options: [
				{ name: 'Clover', value: 'clover' },
				{ name: 'Lightspeed X-Series', value: 'lightspeedX' },
				{ name: 'Loyverse', value: 'loyverse' },
				{ name: 'Square', value: 'square' },
			],
			default: 'square',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production' },
				{ name: 'Sandbox', value: 'sandbox' },
			],
			default: 'production',
			displayOptions: { show: { vendor: ['square', 'clover'] } },
		},
		{
			displayName: 'Region',
			name: 'cloverRegion',
			type: 'options',
			options: [
				{ name: 'North America', value: 'clover.com' },
				{ name: 'Europe', value: 'eu.clover.com' },
				{ name: 'Latin America', value: 'la.clover.com' },
			],
			default: 'clover.com',
			displayOptions: { show: { vendor: ['clover'], environment: ['production'] } },
		},
		{
			displayName: 'Merchant ID',
			name: 'merchantId',
			type: 'string',
			default: '',
			required: true,
			description: 'The 13-character merchant ID Clover shows in the merchant dashboard (Account & Setup); the credential test reads that merchant',
			displayOptions: { show: { vendor: ['clover'] } },
		},
		{
			displayName: 'Domain Prefix',
			name: 'domainPrefix',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'my-store',
			description: 'The part before .retail.lightspeed.app in your store\'s address: the token address and the API live there',
			displayOptions: { show: { vendor: ['lightspeedX'] } },
		},
		{
			displayName: 'Extra Headers',
			name: 'extraHeaders',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			placeholder: 'Square-Version: 2026-09-16',
			description: 'Sent with every request, one "Name: value" a line, after the vendor\'s own (Square-Version for Square, a User-Agent for Lightspeed X). A header named here replaces the vendor\'s.',
		},
		{
			displayName: 'Address Override',
			name: 'addressOverride',
			type: 'string',
			default: '',
			placeholder: 'https://proxy.example.com',
			description: 'Leave empty. For a proxy or a test server only: replaces the vendor\'s scheme and host in the sign-in, token and API addresses.',
		},
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'hidden', default: presetExpression('authUrl') },
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'hidden', default: presetExpression('tokenUrl') },
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: presetExpression('scope') },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		// The vendors take the client ID and secret in the token request's body, not as Basic auth.
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
		// n8n's own field name (the status that makes it refresh the token): a number, not a secret.
		// eslint-disable-next-line @n8n/community-nodes/credential-password-field
		{ displayName: 'Token Expired Status Code', name: 'tokenExpiredStatusCode', type: 'hidden', default: 401 },
		{ displayName: 'Ignore SSL Issues', name: 'ignoreSSLIssues', type: 'hidden', default: false },
		{ displayName: 'API Base URL', name: 'baseUrl', type: 'hidden', default: presetExpression('apiUrl') },
		{ displayName: 'Vendor Headers', name: 'vendorHeaders', type: 'hidden', default: presetExpression('headers') },
		{ displayName: 'Test Path', name: 'testPath', type: 'hidden', default: presetExpression('testPath') },
	];

	// One cheap read per vendor, sent through n8n's OAuth2 request (a 401 refreshes the token first).
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '={{$credentials.testPath}}',
			method: 'GET',
			// Square answers in the version the package speaks (the other vendors ignore the header).
			headers: { 'Square-Version': `={{$credentials.vendor === 'square' ? '${SQUARE_VERSION}' : ''}}` },
		},
	};
}
