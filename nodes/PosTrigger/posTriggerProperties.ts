import type { INodeProperties } from 'n8n-workflow';
import { MIN_URL_TOKEN_LENGTH } from '../../lib/pos/webhooks/urlToken';

const GENERIC = { pos: ['genericHmac'] };

const eventPathProperties: INodeProperties[] = [
	{
		displayName: 'Event ID Field',
		name: 'eventIdPath',
		type: 'string',
		default: 'id',
		placeholder: 'event.id',
		displayOptions: { show: { pos: ['genericHmac', 'none'] } },
		description:
			'Where your POS puts the id of each event in the JSON body (dots for nesting, e.g. event.id). A repeat of an id already seen runs nothing. Empty, or missing in a delivery: a hash of the body is used instead.',
	},
	{
		displayName: 'Event Type Field',
		name: 'eventTypePath',
		type: 'string',
		default: 'type',
		displayOptions: { show: { pos: ['genericHmac', 'none'] } },
		description: 'Where your POS puts the kind of event (copied to the output as eventType); empty for none',
	},
];

const genericHmacProperties: INodeProperties[] = [
	{
		displayName: 'Signature Header',
		name: 'signatureHeader',
		type: 'string',
		default: 'X-Signature',
		required: true,
		displayOptions: { show: GENERIC },
		description: 'The request header that carries the signature',
	},
	{
		displayName: 'Algorithm',
		name: 'algorithm',
		type: 'options',
		options: [
			{ name: 'HMAC-SHA1', value: 'sha1' },
			{ name: 'HMAC-SHA256', value: 'sha256' },
			{ name: 'HMAC-SHA512', value: 'sha512' },
		],
		default: 'sha256',
		displayOptions: { show: GENERIC },
	},
	{
		displayName: 'Encoding',
		name: 'encoding',
		type: 'options',
		options: [
			{ name: 'Hex', value: 'hex' },
			{ name: 'Base64', value: 'base64' },
		],
		default: 'hex',
		displayOptions: { show: GENERIC },
	},
	{
		displayName: 'Signature Prefix',
		name: 'signaturePrefix',
		type: 'string',
		default: '',
		placeholder: 'sha256=',
		displayOptions: { show: GENERIC },
		description: 'Text before the digest in the header, if your POS adds one (e.g. sha256=)',
	},
	{
		displayName: 'Signed Content',
		name: 'signedContent',
		type: 'options',
		options: [
			{ name: 'Raw Body', value: 'body', description: 'HMAC of the request body exactly as sent' },
			{ name: 'URL + Raw Body', value: 'urlAndBody', description: 'HMAC of the webhook URL followed by the body (as Square does)' },
		],
		default: 'body',
		displayOptions: { show: GENERIC },
	},
	{
		displayName: 'Signed URL',
		name: 'notificationUrl',
		type: 'string',
		default: '',
		placeholder: 'https://n8n.example.com/webhook/…/pos',
		displayOptions: { show: { pos: ['genericHmac'], signedContent: ['urlAndBody'] } },
		description: "The URL exactly as registered with your POS. Empty: this trigger's Production URL.",
	},
];

export const posTriggerProperties: INodeProperties[] = [
	{
		displayName: 'POS',
		name: 'pos',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Square', value: 'square', description: 'Signed: x-square-hmacsha256-signature (signature key)' },
			{ name: 'Loyverse', value: 'loyverse', description: 'Signed with the OAuth client secret, or a URL token for access-token webhooks' },
			{ name: 'Clover', value: 'clover', description: 'X-Clover-Auth code; answers Clover\'s URL verification' },
			{ name: 'Lightspeed X-Series', value: 'lightspeedX', description: 'No signature exists: a secret URL token' },
			{ name: 'Generic HMAC', value: 'genericHmac', description: 'Any HMAC signature in a header: algorithm, encoding, prefix of your choice' },
			{ name: 'None', value: 'none', description: 'No check at all: refused unless you accept unauthenticated deliveries' },
		],
		default: 'square',
		description: 'Which POS sends the webhooks: decides how each delivery is verified and read',
	},
	{
		displayName: 'Notification URL (as Registered in Square)',
		name: 'notificationUrl',
		type: 'string',
		default: '',
		placeholder: 'https://n8n.example.com/webhook/…/pos',
		displayOptions: { show: { pos: ['square'] } },
		description:
			"Square signs the notification URL exactly as entered in its Developer Console. Empty: this trigger's Production URL (from n8n's WEBHOOK_URL). Paste the registered URL here when it differs, e.g. another host name in front of n8n.",
	},
	{
		displayName: 'Loyverse Webhook Made With',
		name: 'loyverseAuthentication',
		type: 'options',
		options: [
			{
				name: 'OAuth App (Signed)',
				value: 'signature',
				description: 'X-Loyverse-Signature: HMAC-SHA1 of the body with the client secret, hex or base64',
			},
			{ name: 'Access Token (Unsigned)', value: 'urlToken', description: 'Loyverse does not sign these: a secret URL token is checked instead' },
		],
		default: 'signature',
		displayOptions: { show: { pos: ['loyverse'] } },
		description:
			'How the webhook was created in Loyverse. Signed deliveries are checked with HMAC-SHA1 of the raw body; the signature is accepted in hex or base64 because the sources disagree (Loyverse\'s reference is reported to say base64, a developer found hex) and the two cannot be confused.',
	},
	{
		displayName: `Lightspeed X-Series documents no webhook signature. Register the webhook URL with your URL Token added: …/pos?token=<URL Token> (at least ${MIN_URL_TOKEN_LENGTH} random characters).`,
		name: 'lightspeedNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { pos: ['lightspeedX'] } },
	},
	{
		displayName:
			"Clover sends a verification code to this URL first. Leave the credential's Secret empty, publish the workflow (or listen for a test event), click Send Verification Code in Clover's dashboard, copy verificationCode from this trigger's output, then put the Clover Auth Code Clover shows into the credential.",
		name: 'cloverNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { pos: ['clover'] } },
	},
	...genericHmacProperties,
	{
		displayName: 'Accept Unauthenticated Deliveries',
		name: 'acceptUnauthenticated',
		type: 'boolean',
		default: false,
		displayOptions: { show: { pos: ['none'] } },
		description: 'Whether to run the workflow for any POST to this URL, from anyone. Only for a sender on a private network that can sign nothing.',
	},
	...eventPathProperties,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { pos: ['lightspeedX', 'loyverse'] } },
		options: [
			{
				displayName: 'Token Query Parameter',
				name: 'tokenQueryParameter',
				type: 'string',
				default: 'token',
				description: 'The URL query parameter that carries the URL Token',
			},
			{
				displayName: 'Token Header',
				name: 'tokenHeaderName',
				type: 'string',
				default: 'X-Webhook-Token',
				description: 'A header that may carry the URL Token instead (for a sender or proxy that can set headers)',
			},
		],
	},
];
