import { createHash } from 'node:crypto';
import type { IExecuteFunctions, INodeCredentialDescription, INodeProperties } from 'n8n-workflow';
import { posCredentialsFrom } from '../../credentials/PosApi.credentials';
import { posOAuth2CredentialsFrom } from '../../credentials/PosOAuth2Api.credentials';
import { n8nHttpSend } from '../../lib/http/n8nHttpSend';
import { n8nOAuth2HttpSend } from '../../lib/http/n8nOAuth2HttpSend';
import { createRedactor, type Redactor } from '../../lib/http/redact';
import type { HttpSend } from '../../lib/http/types';
import { secretHeaderNames, secretValues } from '../../lib/pos/authHeaders';
import type { PosCredentials } from '../../lib/pos/credentials';

/** The POS nodes' choice of credential: a pasted token or key (`posApi`), or signing in with OAuth2 (`posOAuth2Api`). */
export const posAuthenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Token, API Key or Basic Auth', value: 'posApi', description: 'A POS API credential: paste what the POS gives you' },
		{ name: 'OAuth2 (Sign In With the POS)', value: 'posOAuth2Api', description: 'A POS OAuth2 API credential: n8n signs in and refreshes the token' },
	],
	default: 'posApi',
};

export const posCredentialDescriptions: INodeCredentialDescription[] = [
	{ name: 'posApi', required: true, displayOptions: { show: { authentication: ['posApi'] } } },
	{ name: 'posOAuth2Api', required: true, displayOptions: { show: { authentication: ['posOAuth2Api'] } } },
];

/** How a POS node reaches the POS in this execution: where, with which headers, through which sender. */
export interface PosSignIn {
	credentials: PosCredentials;
	send: HttpSend;
	redactor: Redactor;
	/** Identifies the account (never a secret in clear): the shared rate limiter's and the SKU cache's key. */
	accountKey: string;
}

const hash = (parts: unknown[]) => createHash('sha256').update(parts.map((part) => String(part ?? '')).join('\n')).digest('hex');

export async function signInToPos(context: IExecuteFunctions): Promise<PosSignIn> {
	const authentication = context.getNodeParameter('authentication', 0, 'posApi') as string;
	if (authentication === 'posOAuth2Api') {
		const data = await context.getCredentials('posOAuth2Api');
		const credentials = posOAuth2CredentialsFrom(data);
		const tokens = (data.oauthTokenData ?? {}) as Record<string, unknown>;
		return {
			credentials,
			send: n8nOAuth2HttpSend(context, 'posOAuth2Api'),
			redactor: createRedactor(secretHeaderNames(credentials), secretValues(credentials)),
			// The app and the merchant it signed in to; tokens rotate, so they cannot name the account.
			accountKey: hash([credentials.baseUrl, 'oauth2', data.clientId, tokens.merchant_id ?? tokens.domain_prefix]),
		};
	}
	const credentials = posCredentialsFrom(await context.getCredentials('posApi'));
	return {
		credentials,
		send: n8nHttpSend(context.helpers),
		redactor: createRedactor(secretHeaderNames(credentials), secretValues(credentials)),
		accountKey: hash([credentials.baseUrl, credentials.authType, credentials.token, credentials.headerName, credentials.apiKey, credentials.username, credentials.password]),
	};
}
