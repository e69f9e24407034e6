import type { INodeProperties } from 'n8n-workflow';

/** A list of name/value pairs (query parameters, headers): `{ <entry>: [{ name, value }] }`. */
function nameValueList(displayName: string, name: string, entryDisplayName: string, entry: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: `Add ${entryDisplayName}`,
		default: {},
		options: [
			{
				displayName: entryDisplayName,
				name: entry,
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}

/** What to send: method, path under the credential's Base URL, query, headers, JSON body. */
export const requestProperties: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: [
			{ name: 'DELETE', value: 'DELETE' },
			{ name: 'GET', value: 'GET' },
			{ name: 'PATCH', value: 'PATCH' },
			{ name: 'POST', value: 'POST' },
			{ name: 'PUT', value: 'PUT' },
		],
		default: 'POST',
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		required: true,
		placeholder: '/v2/orders',
		description: "Relative to the credential's Base URL, e.g. Square /v2/orders, Clover /v3/merchants/{mId}/orders, Loyverse /v1.0/receipts",
	},
	nameValueList('Query Parameters', 'queryParameters', 'Parameter', 'parameter'),
	{
		...nameValueList('Headers', 'headerParameters', 'Header', 'header'),
		description: "Sent with this request only; the credential's headers and authentication always win",
	},
	{
		displayName: 'JSON Body',
		name: 'jsonBody',
		type: 'json',
		default: '={{ $json }}',
		displayOptions: { show: { method: ['POST', 'PUT', 'PATCH'] } },
		description: 'The request body. By default the input item as it is (a POS-ready order from the Shopify nodes); map it with an expression for your POS.',
	},
];
