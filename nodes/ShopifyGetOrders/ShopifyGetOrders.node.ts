import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { shopifyAdminApiConnectionTest } from '../shared/shopifyCredentialTest';
import { executeGetOrders } from './executeGetOrders';
import { getOrdersProperties } from './getOrdersProperties';

/**
 * Every order a POS needs, complete (line items and other lists read to the end), paced by Shopify's
 * cost-based rate limit, in a stable POS-ready shape or raw.
 */
export class ShopifyGetOrders implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shopify Get Orders',
		name: 'shopifyGetOrders',
		icon: { light: 'file:shopifyGetOrders.svg', dark: 'file:shopifyGetOrders.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["onlyChanges"] ? "Changed since last run" : "Orders"}}',
		description: 'Reads Shopify orders, complete and POS-ready, as fast as Shopify\'s rate limit allows',
		defaults: { name: 'Shopify Get Orders' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'shopifyAdminApi', required: true, testedBy: 'shopifyAdminApiConnectionTest' }],
		properties: getOrdersProperties,
	};

	methods = { credentialTest: { shopifyAdminApiConnectionTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeGetOrders.call(this);
	}
}
