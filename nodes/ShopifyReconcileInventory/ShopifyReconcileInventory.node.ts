import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { searchLocations } from '../ShopifyAdjustInventory/searchLocations';
import { shopifyAdminApiConnectionTest } from '../shared/shopifyCredentialTest';
import { executeReconcileInventory } from './executeReconcileInventory';
import { reconcileInventoryProperties } from './reconcileInventoryProperties';

/**
 * Compares a POS's stock counts with Shopify's at the mapped location and reports the drift; with Repair on,
 * writes the POS's counts by compare-and-set, so a sale between the read and the write is never overwritten.
 */
export class ShopifyReconcileInventory implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shopify Reconcile Inventory',
		name: 'shopifyReconcileInventory',
		icon: { light: 'file:shopifyReconcileInventory.svg', dark: 'file:shopifyReconcileInventory.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["repair"] ? "Report and repair" : "Report only"}}',
		description: 'Finds stock drift between a POS and Shopify, and repairs it without overwriting a sale',
		defaults: { name: 'Shopify Reconcile Inventory' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'shopifyAdminApi', required: true, testedBy: 'shopifyAdminApiConnectionTest' }],
		properties: reconcileInventoryProperties,
	};

	methods = {
		credentialTest: { shopifyAdminApiConnectionTest },
		listSearch: { searchLocations },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeReconcileInventory.call(this);
	}
}
