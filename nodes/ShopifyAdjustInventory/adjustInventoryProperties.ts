import type { INodeProperties } from 'n8n-workflow';
import { INVENTORY_REASONS } from '../../lib/shopify/inventory/reasons';

/** The node's parameters, read per input item by executeAdjustInventory.ts. */
export const adjustInventoryProperties: INodeProperties[] = [
	{
		displayName: 'Identify Item By',
		name: 'identifierType',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'SKU', value: 'sku', description: 'The variant\'s SKU; it must belong to exactly one variant' },
			{ name: 'Variant ID', value: 'variantId', description: 'A product variant ID (number or gid://shopify/ProductVariant/…)' },
			{ name: 'Inventory Item ID', value: 'inventoryItemId', description: 'An inventory item ID (number or gid://shopify/InventoryItem/…)' },
		],
		default: 'sku',
	},
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. TEE-BLK-M',
		description: 'SKU of the variant whose stock changes. SKUs are case-sensitive. A SKU shared by several variants is refused, never guessed.',
		displayOptions: { show: { identifierType: ['sku'] } },
	},
	{
		displayName: 'Variant ID',
		name: 'variantId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 44012345678',
		displayOptions: { show: { identifierType: ['variantId'] } },
	},
	{
		displayName: 'Inventory Item ID',
		name: 'inventoryItemId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 46012345678',
		displayOptions: { show: { identifierType: ['inventoryItemId'] } },
	},
	{
		displayName: 'Location',
		name: 'location',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'Where the stock changes',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchLocations', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 65544123456',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^(\\d+|gid://shopify/Location/\\d+)$', errorMessage: 'A location ID is a number or gid://shopify/Location/<number>' },
					},
				],
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. Main Store',
			},
		],
	},
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		options: [
			{ name: 'Adjust by Delta', value: 'adjust', description: 'Add or remove units (e.g. -2 for a sale of two)', action: 'Adjust inventory by a delta' },
			{ name: 'Set Quantity', value: 'set', description: 'Set the quantity to an absolute number (e.g. after a count)', action: 'Set an inventory quantity' },
		],
		default: 'adjust',
	},
	{
		displayName: 'Delta',
		name: 'delta',
		type: 'number',
		default: 0,
		required: true,
		description: 'Units to add (positive) or remove (negative) from the available quantity. A whole number.',
		displayOptions: { show: { mode: ['adjust'] } },
	},
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		default: 0,
		required: true,
		typeOptions: { minValue: 0 },
		description: 'The new absolute quantity. A whole number, 0 or more.',
		displayOptions: { show: { mode: ['set'] } },
	},
	{
		displayName: 'Quantity Name',
		name: 'quantityName',
		type: 'options',
		options: [
			{ name: 'Available', value: 'available', description: 'Units that can be sold' },
			{ name: 'On Hand', value: 'on_hand', description: 'Units physically at the location (available + committed + reserved…)' },
		],
		default: 'available',
		displayOptions: { show: { mode: ['set'] } },
	},
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'options',
		options: INVENTORY_REASONS.map(({ value, label, description }) => ({ name: label, value, description })),
		default: 'correction',
		description: 'Shown in the item\'s inventory history in Shopify',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Expected Current Quantity',
				name: 'expectedQuantity',
				type: 'number',
				default: 0,
				description:
					'Compare-and-set: apply only if Shopify still holds this quantity; otherwise the item fails with the quantity Shopify has. Leave unset to apply regardless.',
			},
			{
				displayName: 'Idempotency Key',
				name: 'idempotencyKey',
				type: 'string',
				default: '',
				description:
					'Your own key for this change (e.g. sale ID + line ID). Leave empty to derive one from the change itself: the same change always gets the same key, so it is never applied twice.',
			},
			{
				displayName: 'Reference Document URI',
				name: 'referenceDocumentUri',
				type: 'string',
				default: '',
				placeholder: 'e.g. gid://n8n-shopify-pos/Sale/1001',
				description:
					'Why the stock changed, shown in Shopify\'s inventory history. Empty: gid://n8n-shopify-pos/Order/&lt;ID&gt; when the input item has an order ID, else one reference derived from the whole input.',
			},
		],
	},
];
