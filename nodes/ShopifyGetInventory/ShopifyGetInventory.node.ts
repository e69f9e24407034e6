import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { searchLocations } from '../ShopifyAdjustInventory/searchLocations';
import { shopifyAdminApiConnectionTest } from '../shared/shopifyCredentialTest';
import { executeGetInventory } from './executeGetInventory';
import { getInventoryProperties } from './getInventoryProperties';

/**
 * Reads Shopify's stock: listed SKUs / variants / inventory items, or every tracked item at some locations,
 * every quantity name, in cost-sized batches or one bulk operation, one item per SKU and location.
 */
export class ShopifyGetInventory implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shopify Get Inventory',
		name: 'shopifyGetInventory',
		icon: { light: 'file:shopifyGetInventory.svg', dark: 'file:shopifyGetInventory.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["read"] === "location" ? "Every tracked item" : "Listed items"}}',
		description: 'Reads Shopify stock levels by SKU or ID, at one, several or all locations',
		defaults: { name: 'Shopify Get Inventory' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Found', 'Not Found'],
		usableAsTool: true,
		credentials: [{ name: 'shopifyAdminApi', required: true, testedBy: 'shopifyAdminApiConnectionTest' }],
		properties: getInventoryProperties,
	};

	methods = {
		credentialTest: { shopifyAdminApiConnectionTest },
		listSearch: { searchLocations },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeGetInventory.call(this);
	}
}
