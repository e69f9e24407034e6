import type { INodeProperties } from 'n8n-workflow';
import { optionProperties as posRequestOptions } from '../PosHttpRequest/optionProperties';
import { DEFAULT_CACHE_MINUTES } from './skuMapping';
import { DEFAULT_STOCK_CHANGE_OVERLAP_SECONDS } from '../../lib/pos/inventory/changeCursor';

/** The node's operations, by parameter value. */
export const OPERATION = {
	findItemsBySku: 'findItemsBySku',
	moveStock: 'moveStock',
	recordOrders: 'recordOrders',
	getStockChanges: 'getStockChanges',
	getStockLevels: 'getStockLevels',
	listLocations: 'listLocations',
} as const;

export const vendorProperty: INodeProperties = {
	displayName: 'Vendor',
	name: 'vendor',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Clover', value: 'clover', description: 'Clover items, item stocks and orders of one merchant' },
		{ name: 'Lightspeed Retail (X-Series)', value: 'lightspeedX', description: 'Lightspeed X products, sales (date-versioned API) and outlets' },
		{ name: 'Loyverse', value: 'loyverse', description: 'Loyverse variants, inventory levels, receipts and stores' },
		{ name: 'Square', value: 'square', description: 'Square Catalog, Inventory, Orders and Payments APIs' },
	],
	default: 'square',
	description: 'Which point-of-sale API the POS API credential reaches',
};

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Find Items by SKU', value: OPERATION.findItemsBySku, action: 'Find POS items by SKU', description: "The POS's own item ID for each SKU" },
		{ name: 'Get Stock Changes', value: OPERATION.getStockChanges, action: 'Get stock changes since the last run', description: 'Sales, returns, receiving, recounts and damage at the POS location since the last run, for Shopify' },
		{ name: 'Get Stock Levels', value: OPERATION.getStockLevels, action: 'Get stock levels at a POS location', description: "Every item's sellable count at the location with its SKU, to compare with Shopify (Shopify Reconcile Inventory)" },
		{ name: 'List Locations', value: OPERATION.listLocations, action: 'List POS locations', description: 'Every location with its ID, to fill in Location ID' },
		{ name: 'Move Stock for Shopify Orders', value: OPERATION.moveStock, action: 'Move POS stock for Shopify orders', description: "Stock only: the POS's stock goes down for each sale and back up for each restock, once" },
		{ name: 'Record Shopify Orders', value: OPERATION.recordOrders, action: 'Record Shopify orders in the POS', description: 'The order itself in the POS, paid externally, so its stock moves and its total shows' },
	],
	default: OPERATION.moveStock,
};

export const locationProperty: INodeProperties = {
	displayName: 'Location ID',
	name: 'locationId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'L8XXXXXXXXXXX',
	displayOptions: { show: { operation: [OPERATION.moveStock, OPERATION.recordOrders, OPERATION.getStockChanges, OPERATION.getStockLevels] } },
	description: 'The POS location whose stock this workflow keeps in step with Shopify. Run the List Locations operation once to see the IDs.',
};

/** Clover keeps one catalog and stock per merchant, and every path names it: Location ID is the Merchant ID, for every operation. */
export const cloverMerchantProperty: INodeProperties = {
	...locationProperty,
	placeholder: 'ABCDE1234FGH5',
	displayOptions: { show: { vendor: ['clover'], operation: [OPERATION.findItemsBySku, OPERATION.listLocations] } },
	description: "Clover's Merchant ID (13 characters): in the Clover Dashboard's address after /m/, or Account & Setup → Merchants. Clover has one stock per merchant, so it is the location.",
};

const retryOptions = (posRequestOptions[0].options ?? []).filter((option) =>
	['initialDelaySeconds', 'maxAttempts', 'maxDelaySeconds', 'maxTotalWaitSeconds', 'requestsPerSecond', 'retryStatuses', 'timeoutSeconds'].includes(option.name),
) as INodeProperties[];

export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'SKU Map Lifetime (Minutes)',
			name: 'cacheMinutes',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_CACHE_MINUTES,
			description: 'How long a SKU → POS item mapping is reused in this n8n process before the POS is asked again; 0 = ask every run. SKUs the POS lacks are always asked again.',
		},
		{
			displayName: 'Change Overlap (Seconds)',
			name: 'overlapSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_STOCK_CHANGE_OVERLAP_SECONDS,
			displayOptions: { show: { '/operation': [OPERATION.getStockChanges] } },
			description: 'Get Stock Changes asks again from this long before the newest change it returned, for changes the POS shows late; repeats are dropped by change ID',
		},
		{
			displayName: 'First Run From',
			name: 'startFrom',
			type: 'dateTime',
			default: '',
			displayOptions: { show: { '/operation': [OPERATION.getStockChanges] } },
			description: 'Where Get Stock Changes starts on its first run (empty: at the POS Trigger events that started the run, else now). Later runs continue from where the last one stopped.',
		},
		{
			displayName: 'Reset Change Position',
			name: 'resetCursor',
			type: 'boolean',
			default: false,
			displayOptions: { show: { '/operation': [OPERATION.getStockChanges] } },
			description: 'Whether to forget where the last run stopped and start from First Run From again',
		},
		...retryOptions,
	],
};
