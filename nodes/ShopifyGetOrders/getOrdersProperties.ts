import type { INodeProperties } from 'n8n-workflow';
import { DEFAULT_CHANGE_OVERLAP_SECONDS } from '../../lib/shopify/orders/changeCursor';

const FINANCIAL_STATUSES = ['authorized', 'expired', 'paid', 'partially_paid', 'partially_refunded', 'pending', 'refunded', 'voided'];
const FULFILLMENT_STATUSES = ['fulfilled', 'on_hold', 'partial', 'request_declined', 'scheduled', 'shipped', 'unfulfilled', 'unshipped'];

const label = (value: string) =>
	value
		.split('_')
		.map((word) => word[0].toUpperCase() + word.slice(1))
		.join(' ');

/** The node's parameters, read per input item by readGetOrdersParameters.ts. */
export const getOrdersProperties: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'POS-Ready',
				value: 'posOrder',
				description: 'A stable, documented shape with money as Shopify\'s strings plus integer minor units, and the order\'s sale as stock changes (stockChanges)',
			},
			{ name: 'Raw', value: 'raw', description: 'The Order object exactly as Shopify returns it' },
		],
		default: 'posOrder',
	},
	{
		displayName: 'Only Orders Changed Since Last Run',
		name: 'onlyChanges',
		type: 'boolean',
		default: false,
		description:
			'Whether to return only orders created or changed since the last successful run of this node (each change once). The position is kept in the workflow; orders come oldest change first.',
	},
	{
		displayName: 'Skip Orders Created by a POS',
		name: 'skipPosOrders',
		type: 'boolean',
		default: true,
		description:
			'Whether to leave out orders whose source is a point of sale, so a sale made at the POS is not sent back to it',
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Created Since', name: 'createdSince', type: 'dateTime', default: '' },
			{ displayName: 'Created Until', name: 'createdUntil', type: 'dateTime', default: '' },
			{
				displayName: 'Financial Status',
				name: 'financialStatuses',
				type: 'multiOptions',
				options: FINANCIAL_STATUSES.map((value) => ({ name: label(value), value })),
				default: [],
				description: 'Orders with any of these payment states',
			},
			{
				displayName: 'Fulfillment Status',
				name: 'fulfillmentStatuses',
				type: 'multiOptions',
				options: FULFILLMENT_STATUSES.map((value) => ({ name: label(value), value })),
				default: [],
				description: 'Orders with any of these fulfillment states',
			},
			{
				displayName: 'Order Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'Cancelled', value: 'cancelled' },
					{ name: 'Closed', value: 'closed' },
					{ name: 'Open', value: 'open' },
				],
				default: 'any',
			},
			{ displayName: 'Processed Since', name: 'processedSince', type: 'dateTime', default: '' },
			{ displayName: 'Processed Until', name: 'processedUntil', type: 'dateTime', default: '' },
			{
				displayName: 'Sales Channel',
				name: 'salesChannel',
				type: 'string',
				default: '',
				placeholder: 'e.g. online_store',
				description: 'Only orders from this sales channel (Shopify\'s sales_channel search value)',
			},
			{
				displayName: 'Search Query',
				name: 'searchQuery',
				type: 'string',
				default: '',
				placeholder: "e.g. email:jo@example.com OR sku:'TEE-M'",
				description:
					'Shopify search syntax for anything else, combined with the other filters (AND). See https://shopify.dev/docs/api/usage/search-syntax.',
			},
			{
				displayName: 'Tags (Any Of)',
				name: 'tagsAny',
				type: 'string',
				default: '',
				placeholder: 'e.g. wholesale, vip',
				description: 'Comma-separated; orders with at least one of these tags',
			},
			{
				displayName: 'Tags (None Of)',
				name: 'tagsNone',
				type: 'string',
				default: '',
				placeholder: 'e.g. synced-to-pos',
				description: 'Comma-separated; orders with none of these tags',
			},
			{
				displayName: 'Test Orders',
				name: 'testOrders',
				type: 'options',
				options: [
					{ name: 'Exclude', value: 'exclude' },
					{ name: 'Include', value: 'include' },
					{ name: 'Only', value: 'only' },
				],
				default: 'include',
			},
			{ displayName: 'Updated Since', name: 'updatedSince', type: 'dateTime', default: '' },
			{ displayName: 'Updated Until', name: 'updatedUntil', type: 'dateTime', default: '' },
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Bulk Above',
				name: 'bulkThreshold',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 2500,
				description: 'With Fetch Mode "Auto", use a bulk operation when more orders than this match',
			},
			{
				displayName: 'Change Overlap (Seconds)',
				name: 'cursorOverlapSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_CHANGE_OVERLAP_SECONDS,
				description:
					'How far back each run looks again for changes Shopify\'s search showed late; repeats are dropped',
				displayOptions: { show: { '/onlyChanges': [true] } },
			},
			{
				displayName: 'Fetch Mode',
				name: 'fetchMode',
				type: 'options',
				options: [
					{ name: 'Auto', value: 'auto', description: 'Pages for small results, a bulk operation above "Bulk Above"' },
					{ name: 'Bulk Operation', value: 'bulk', description: 'Always a bulk operation (backfills)' },
					{ name: 'Paged', value: 'paged', description: 'Always page through the API' },
				],
				default: 'auto',
			},
			{
				displayName: 'On Search Warning',
				name: 'searchWarnings',
				type: 'options',
				options: [
					{
						name: 'Stop With Error',
						value: 'error',
						description: 'A search field Shopify ignored (e.g. a typo) stops the node and names the field',
					},
					{
						name: 'Continue With Warning',
						value: 'warn',
						description: 'Return what Shopify\'s wider search finds and add a warning to the run',
					},
				],
				default: 'error',
				description:
					'What to do when Shopify ignores a search field of the filters or Search Query, which makes it return orders the filter was meant to leave out',
			},
			{
				displayName: 'Orders Older Than 60 Days',
				name: 'olderThanVisible',
				type: 'options',
				options: [
					{ name: 'Warn in Output', value: 'warn', description: 'Return what Shopify shows and add a warning to the run' },
					{ name: 'Fail', value: 'error', description: 'Stop with an error explaining the missing scope' },
				],
				default: 'warn',
				description:
					'What to do when the filters reach further back than 60 days and the app lacks Shopify\'s read_all_orders scope',
			},
			{
				displayName: 'Reset Change Position',
				name: 'resetCursor',
				type: 'boolean',
				default: false,
				description:
					'Whether to forget the stored position and start again from the filters (switch it off again after one run)',
				displayOptions: { show: { '/onlyChanges': [true] } },
			},
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				options: [
					{ name: 'Created Time', value: 'CREATED_AT' },
					{ name: 'Updated Time', value: 'UPDATED_AT' },
				],
				default: 'UPDATED_AT',
				description: 'Ignored with "Only Orders Changed Since Last Run", which always reads oldest change first',
			},
			{
				displayName: 'Sort Direction',
				name: 'sortDirection',
				type: 'options',
				options: [
					{ name: 'Oldest First', value: 'asc' },
					{ name: 'Newest First', value: 'desc' },
				],
				default: 'asc',
			},
		],
	},
];
