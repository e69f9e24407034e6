import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';
import { credentialHeaders } from '../lib/pos/authHeaders';
import type { PosAuthType, PosCredentials } from '../lib/pos/credentials';

/** The credential's fields as lib/pos reads them. */
export function posCredentialsFrom(data: ICredentialDataDecryptedObject): PosCredentials {
	const text = (name: string) => (typeof data[name] === 'string' ? (data[name] as string) : undefined);
	return {
		baseUrl: text('baseUrl') ?? '',
		authType: (text('authType') ?? 'none') as PosAuthType,
		token: text('token'),
		headerName: text('headerName'),
		apiKey: text('apiKey'),
		username: text('username'),
		password: text('password'),
		extraHeaders: text('extraHeaders'),
	};
}

/**
 * Any point-of-sale REST API: base URL, one of four ways to authenticate, and fixed headers some vendors
 * require on every call (Square-Version; a User-Agent for Lightspeed X).
 */
export class PosApi implements ICredentialType {
	name = 'posApi';

	displayName = 'POS API';

	icon: Icon = { light: 'file:posApi.svg', dark: 'file:posApi.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-shopify-pos#pos-http-request';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://connect.squareup.com',
			description:
				'Start of every API address, without a trailing path the node adds: Square https://connect.squareup.com, Clover https://api.clover.com, Loyverse https://api.loyverse.com, Lightspeed X https://your-prefix.retail.lightspeed.app',
		},
		{
			displayName: 'Authentication',
			name: 'authType',
			type: 'options',
			options: [
				{ name: 'Bearer Token', value: 'bearer', description: 'Authorization: Bearer <token> (Square, Clover, Loyverse, Lightspeed)' },
				{ name: 'API Key in a Header', value: 'header', description: 'A header of your choice carries the key, e.g. X-Api-Key' },
				{ name: 'Basic Auth', value: 'basic', description: 'User and password' },
				{ name: 'None', value: 'none' },
			],
			default: 'bearer',
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ['bearer'] } },
			description: 'The access token from your POS developer dashboard',
		},
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'X-Api-Key',
			required: true,
			displayOptions: { show: { authType: ['header'] } },
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ['header'] } },
		},
		{
			displayName: 'User',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authType: ['basic'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authType: ['basic'] } },
		},
		{
			displayName: 'Extra Headers',
			name: 'extraHeaders',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			placeholder: 'Square-Version: 2025-10-16\nUser-Agent: my-shop-sync/1.0',
			description: 'Sent with every request, one "Name: value" a line',
		},
		{
			displayName: 'Test Path',
			name: 'testPath',
			type: 'string',
			default: '/',
			placeholder: '/v2/locations',
			description:
				'A cheap GET the credential test calls to check the URL and secret, e.g. Square /v2/locations, Clover /v3/merchants/{mId}, Loyverse /v1.0/stores',
		},
	];

	authenticate = async (credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> => {
		requestOptions.headers = { ...(requestOptions.headers ?? {}), ...credentialHeaders(posCredentialsFrom(credentials)) };
		return requestOptions;
	};

	test: ICredentialTestRequest = {
		request: {
			// axios joins the two with exactly one slash, whatever the user typed.
			baseURL: '={{$credentials.baseUrl}}',
			url: '={{$credentials.testPath}}',
			method: 'GET',
		},
	};
}
