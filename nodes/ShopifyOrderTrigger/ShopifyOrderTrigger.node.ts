import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { shopifyAdminApiConnectionTest } from '../shared/shopifyCredentialTest';
import { receiveDelivery } from './receiveDelivery';
import { subscriptionLifecycle } from './subscriptionLifecycle';
import { webhookTriggerProperties } from './webhookProperties';

/**
 * Order events pushed by Shopify. Polling is a separate node type (Shopify Order Polling Trigger) because n8n
 * drives the two through different machinery: a node with `webhooks` makes the editor's test wait for a
 * delivery (which never comes on an instance Shopify cannot reach, the very case polling is for), and
 * `polling: true` adds a Poll Times schedule that n8n runs whether or not it is wanted. Both nodes can sit in
 * one workflow; they share the workflow's memory of emitted order changes, so a change seen by both is
 * emitted once.
 */
export class ShopifyOrderTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shopify Order Trigger',
		name: 'shopifyOrderTrigger',
		icon: { light: 'file:shopifyOrderTrigger.svg', dark: 'file:shopifyOrderTrigger.dark.svg' },
		group: ['trigger'],
		// Version 2 from the start: n8n evaluates an expression for every delivery to a version-1 webhook node
		// (its Webhook node's old binaryData option), which under N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE costs a
		// sandbox isolate per delivery.
		version: 2,
		subtitle: '={{$parameter["topics"].join(", ")}}',
		description: 'Starts the workflow once per Shopify order event, verified and deduplicated',
		defaults: { name: 'Shopify Order Trigger' },
		// n8n's default panel text names the node without " Trigger" ("Go to Shopify Order and create an event").
		triggerPanel: {
			header: 'Waiting for an order event from your Shopify store',
			executionsHelp: {
				inactive:
					"<b>To try it:</b> click 'Listen for test event', then place or change an order in your Shopify store (a test order through Shopify's Bogus Gateway works). The trigger subscribes Shopify to n8n's test URL while it listens, so n8n must be reachable on public HTTPS (WEBHOOK_URL).<br /><br /><b>To run it for real:</b> publish the workflow. Each order event then starts one execution, listed under Executions.",
				active:
					'The workflow is published: each order event Shopify sends starts one execution, listed under <a data-key="executions">Executions</a>. Duplicate and forged deliveries start none.',
			},
			activationHint: 'Publish the workflow to have Shopify send every order event to it by itself.',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'shopifyAdminApi', required: true, testedBy: 'shopifyAdminApiConnectionTest' }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// Without it n8n 2.41 answers a delivery that starts a run with the literal text `firstEntryJson` (its
				// default, meant for responseMode lastNode); empty, it answers with the webhookResponse webhook() returns.
				responseData: '',
				path: 'shopify-orders',
			},
		],
		properties: webhookTriggerProperties,
	};

	methods = { credentialTest: { shopifyAdminApiConnectionTest } };

	webhookMethods = { default: subscriptionLifecycle };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this);
	}
}
