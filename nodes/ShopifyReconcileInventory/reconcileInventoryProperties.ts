import type { INodeProperties } from 'n8n-workflow';
import { INVENTORY_REASONS } from '../../lib/shopify/inventory/reasons';
import { fetchModeOptions, locationParameter } from '../ShopifyGetInventory/inventoryReadProperties';

/** The node's parameters, read by executeReconcileInventory.ts. */
export const reconcileInventoryProperties: INodeProperties[] = [
	{
		displayName:
			'Each input item is one POS count (e.g. from POS HTTP Request or POS Inventory). The first run should be a report only: read it, then turn on Repair Shopify.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	locationParameter('The Shopify location this POS sells from (the mapped location)'),
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		default: '={{ $json.sku }}',
		required: true,
		description: 'The counted item\'s SKU, as in Shopify (case-sensitive)',
	},
	{
		displayName: 'POS Quantity',
		name: 'quantity',
		type: 'string',
		default: '={{ $json.quantity }}',
		required: true,
		description: 'The POS\'s count for the SKU at this location: a whole number or a numeric text such as "12"',
	},
	{
		displayName: 'POS Last Changed At',
		name: 'lastChangedAt',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.updatedAt }}',
		description: 'When the POS count last changed (optional, ISO 8601), shown in the report',
	},
	{
		displayName: 'POS Item ID',
		name: 'posItemId',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.id }}',
		description: 'The POS\'s own ID for the item (optional), shown in the report',
	},
	{
		displayName: 'Compare With',
		name: 'quantityName',
		type: 'options',
		options: [
			{
				name: 'Available',
				value: 'available',
				description: 'Units Shopify can sell. Matches a POS that takes units off when a Shopify order is placed (this package\'s sync).',
			},
			{
				name: 'On Hand',
				value: 'on_hand',
				description: 'Units physically at the location, including those committed to unfulfilled orders',
			},
		],
		default: 'available',
	},
	{
		displayName: 'Repair Shopify',
		name: 'repair',
		type: 'boolean',
		default: false,
		description:
			'Whether to write the POS\'s count to Shopify where they differ. Off: a report only (dry run). Writes use compare-and-set, so a sale between the read and the write is never overwritten.',
	},
	{
		displayName: 'Report',
		name: 'report',
		type: 'options',
		options: [
			{ name: 'Drift and Problems Only', value: 'drift', description: 'SKUs that differ, and SKUs that could not be compared' },
			{ name: 'Every Counted SKU', value: 'all', description: 'Also the SKUs that agree' },
		],
		default: 'drift',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Counts Read At',
				name: 'countsReadAt',
				type: 'string',
				default: '',
				placeholder: 'e.g. {{ $(\'Nightly\').first().json.timestamp }}',
				description:
					'When the POS counts were read. A SKU whose Shopify stock changed after that may have a sale on its way to the POS: it is reported as "changedSinceCount" and not repaired this run.',
			},
			...fetchModeOptions,
			{
				displayName: 'Max Attempts per SKU',
				name: 'maxAttempts',
				type: 'number',
				default: 3,
				typeOptions: { minValue: 1, maxValue: 10 },
				description: 'Writes per SKU when Shopify\'s stock keeps changing between the read and the write',
			},
			{
				displayName: 'Reason',
				name: 'reason',
				type: 'options',
				options: INVENTORY_REASONS.map(({ value, label, description }) => ({ name: label, value, description })),
				default: 'correction',
				description: 'Shown in each repaired item\'s inventory history in Shopify',
			},
			{
				displayName: 'Reference Document URI',
				name: 'referenceDocumentUri',
				type: 'string',
				default: '',
				placeholder: 'e.g. gid://n8n-shopify-pos/Reconciliation/2026-11-20',
				description: 'Shown in Shopify\'s inventory history. Empty: gid://n8n-shopify-pos/Reconciliation/&lt;execution ID&gt;.',
			},
		],
	},
];
