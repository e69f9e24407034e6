import { NodeConnectionTypes, type INodeExecutionData, type INodeType, type INodeTypeDescription, type IPollFunctions } from 'n8n-workflow';
import { shopifyAdminApiConnectionTest } from '../shared/shopifyCredentialTest';
import { pollOrders } from './pollOrders';
import { pollingTriggerProperties } from './pollingProperties';

/**
 * Order changes found by polling, for n8n instances Shopify cannot reach, or beside the Shopify Order Trigger
 * as reconciliation (Shopify delivers webhooks at least once, unordered, and drops some). A separate node type
 * rather than a mode of the webhook trigger: see ShopifyOrderTrigger.node.ts for why.
 */
export class ShopifyOrderPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shopify Order Polling Trigger',
		name: 'shopifyOrderPollingTrigger',
		icon: { light: 'file:shopifyOrderTrigger.svg', dark: 'file:shopifyOrderTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Order changes, by polling',
		description: 'Starts the workflow once per Shopify order change, found by polling (no public URL needed)',
		defaults: { name: 'Shopify Order Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'shopifyAdminApi', required: true, testedBy: 'shopifyAdminApiConnectionTest' }],
		properties: pollingTriggerProperties,
	};

	methods = { credentialTest: { shopifyAdminApiConnectionTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollOrders.call(this);
	}
}
