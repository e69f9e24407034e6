import type { INodeProperties } from 'n8n-workflow';

/** How a repeat of the same item is kept from creating a second record in the POS. */
export const idempotencyProperties: INodeProperties[] = [
	{
		displayName: 'Idempotency Key',
		name: 'idempotencyPlacement',
		type: 'options',
		options: [
			{ name: 'In a Header', value: 'header', description: 'E.g. Idempotency-Key (many REST APIs)' },
			{
				name: 'In the Body',
				value: 'body',
				description: 'At a JSON path: idempotency_key (Square), externalId (Toast), request_id (Lightspeed X)',
			},
			{ name: 'Not Sent', value: 'none', description: 'The POS has no idempotency (Clover, Loyverse, Lightspeed R): use Create Only If Absent' },
		],
		default: 'header',
		description: 'Where the POS reads the key that makes a repeated request return the first result instead of creating again',
	},
	{
		displayName: 'Header Name',
		name: 'idempotencyHeaderName',
		type: 'string',
		default: 'Idempotency-Key',
		displayOptions: { show: { idempotencyPlacement: ['header'] } },
	},
	{
		displayName: 'Body Path',
		name: 'idempotencyBodyPath',
		type: 'string',
		default: 'idempotency_key',
		placeholder: 'idempotency_key',
		displayOptions: { show: { idempotencyPlacement: ['body'] } },
		description: 'Dotted path in the JSON body, e.g. idempotency_key, externalId, request_id or order.reference',
	},
	{
		displayName: 'Key',
		name: 'idempotencyKey',
		type: 'string',
		default: '',
		placeholder: 'shopify-{{ $json.orderId }}-{{ $json.locationId }}',
		displayOptions: { show: { idempotencyPlacement: ['header', 'body'] } },
		description:
			"Leave empty to derive it from the item: its idempotencyKey field, else shopify-<order ID>-<location ID>, else a hash of the request. Keep it stable: the same order must always give the same key.",
	},
	{
		displayName: 'Create Only If Absent',
		name: 'createIfAbsent',
		type: 'boolean',
		default: false,
		description:
			'Whether to search the POS by an external reference before each create attempt; a hit is returned as "alreadyExists" and nothing is created. For POS APIs without idempotency.',
	},
	{
		displayName: 'Lookup Path',
		name: 'lookupPath',
		type: 'string',
		default: '',
		required: true,
		placeholder: '/v3/merchants/{mId}/orders?filter=externalReferenceId={{ $json.orderId }}',
		displayOptions: { show: { createIfAbsent: [true] } },
		description: "A GET relative to the Base URL that finds the record by your reference; 404 or an empty list means absent",
	},
	{
		displayName: 'Result List Path',
		name: 'lookupResultPath',
		type: 'string',
		default: '',
		placeholder: 'elements',
		displayOptions: { show: { createIfAbsent: [true] } },
		description: 'Where the found records are in the lookup response (Clover: elements, Loyverse: receipts); empty = the whole body',
	},
	{
		displayName: 'Match Field',
		name: 'lookupMatchField',
		type: 'string',
		default: '',
		placeholder: 'externalReferenceId',
		displayOptions: { show: { createIfAbsent: [true] } },
		description: 'Field of a found record that must equal Match Value; empty = any record found counts as a hit',
	},
	{
		displayName: 'Match Value',
		name: 'lookupMatchValue',
		type: 'string',
		default: '',
		displayOptions: { show: { createIfAbsent: [true] } },
		description: 'Your reference for this item, e.g. {{ "shopify-" + $json.orderId }}',
	},
];
