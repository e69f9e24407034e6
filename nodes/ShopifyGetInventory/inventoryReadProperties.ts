import type { INodeProperties } from 'n8n-workflow';
import { INVENTORY_QUANTITY_NAMES } from '../../lib/shopify/inventory/quantityNames';
import { DEFAULT_BULK_THRESHOLD } from '../../lib/shopify/inventory/readInventory';

/** The Shopify location picker both inventory-reading nodes use (list, ID or name). */
export function locationParameter(description: string, displayOptions?: INodeProperties['displayOptions']): INodeProperties {
	return {
		displayName: 'Location',
		name: 'location',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		displayOptions,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchLocations', searchable: true } },
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 65544123456',
				validation: [
					{ type: 'regex', properties: { regex: '^(\\d+|gid://shopify/Location/\\d+)$', errorMessage: 'A location ID is a number or gid://shopify/Location/<number>' } },
				],
			},
			{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. Main Store' },
		],
	};
}

export const QUANTITY_NAME_OPTIONS = INVENTORY_QUANTITY_NAMES.map((name) => ({
	name: name.replace(/_/g, ' ').replace(/\b\w/g, (letter) => letter.toUpperCase()),
	value: name,
}));

/** Fetch Mode and Bulk Above, shared by both nodes' Options. */
export const fetchModeOptions: INodeProperties[] = [
	{
		displayName: 'Bulk Above',
		name: 'bulkThreshold',
		type: 'number',
		default: DEFAULT_BULK_THRESHOLD,
		typeOptions: { minValue: 1 },
		description: 'With Fetch Mode "Auto": more items than this (listed, or in the store\'s catalogue for a full read) are read through one bulk operation',
	},
	{
		displayName: 'Fetch Mode',
		name: 'fetchMode',
		type: 'options',
		options: [
			{ name: 'Auto', value: 'auto', description: 'Pages for small reads, a bulk operation above "Bulk Above"' },
			{ name: 'Bulk Operation', value: 'bulk', description: 'Always one bulk operation over the whole catalogue' },
			{ name: 'Paged', value: 'paged', description: 'Always page through the API' },
		],
		default: 'auto',
	},
];
