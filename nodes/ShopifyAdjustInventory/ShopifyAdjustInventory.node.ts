import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { shopifyAdminApiConnectionTest } from '../shared/shopifyCredentialTest';
import { adjustInventoryProperties } from './adjustInventoryProperties';
import { executeAdjustInventory } from './executeAdjustInventory';
import { searchLocations } from './searchLocations';

/**
 * Pushes stock changes to Shopify: by SKU, variant or inventory item; by delta or absolute quantity; all items
 * of a run resolved together and applied in batched mutations, each under an idempotency key derived from
 * its changes, so a retry, a re-run or a duplicate event never applies a change twice.
 */
export class ShopifyAdjustInventory implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shopify Adjust Inventory',
		name: 'shopifyAdjustInventory',
		icon: { light: 'file:shopifyAdjustInventory.svg', dark: 'file:shopifyAdjustInventory.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["mode"] === "set" ? "Set quantity" : "Adjust by delta"}}',
		description: 'Adjusts or sets Shopify inventory by SKU, in batches, exactly once',
		defaults: { name: 'Shopify Adjust Inventory' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'shopifyAdminApi', required: true, testedBy: 'shopifyAdminApiConnectionTest' }],
		properties: adjustInventoryProperties,
	};

	methods = {
		credentialTest: { shopifyAdminApiConnectionTest },
		listSearch: { searchLocations },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeAdjustInventory.call(this);
	}
}
