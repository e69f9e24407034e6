import type { ICredentialDataDecryptedObject, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';
import type { PosWebhookSecrets } from '../lib/pos/webhooks/presets';
import { MIN_URL_TOKEN_LENGTH } from '../lib/pos/webhooks/urlToken';

/** The credential's fields as lib/pos/webhooks reads them (empty strings when unset). */
export function posWebhookSecretsFrom(data: ICredentialDataDecryptedObject): PosWebhookSecrets {
	const text = (name: string) => (typeof data[name] === 'string' ? (data[name] as string).trim() : '');
	return { secret: text('secret'), urlToken: text('urlToken') };
}

/**
 * What the POS Trigger checks incoming deliveries with. Kept apart from "POS API" because it answers a
 * different question: a webhook secret belongs to one webhook subscription (Square issues a signature key
 * per subscription, Clover an auth code per app), needs no base URL or API token, and a workflow that only
 * receives events should not have to hold a key that can change the POS.
 */
export class PosWebhookApi implements ICredentialType {
	name = 'posWebhookApi';

	displayName = 'POS Webhook Secret';

	icon: Icon = { light: 'file:posApi.svg', dark: 'file:posApi.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-shopify-pos#pos-trigger';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Square: the webhook subscription's Signature Key. Loyverse: the OAuth app's Client Secret. Clover: the Clover Auth Code (shown after the webhook URL is verified; leave empty until then). Generic HMAC: the key your POS signs with. Not needed for Lightspeed X.",
		},
		{
			displayName: 'URL Token',
			name: 'urlToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: `For POS systems that do not sign webhooks (Lightspeed X; Loyverse webhooks made with an access token): any random text of at least ${MIN_URL_TOKEN_LENGTH} characters, e.g. from a password manager. Add it to the webhook URL you register with the POS as ?token=<this value>.`,
		},
	];
}
