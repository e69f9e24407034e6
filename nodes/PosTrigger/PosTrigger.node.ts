import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { posTriggerProperties } from './posTriggerProperties';
import { posWebhookSecretCheck } from './posWebhookCredentialTest';
import { posWebhookLifecycle } from './posWebhookLifecycle';
import { receivePosDelivery } from './receivePosDelivery';

const ACCEPTED_RESPONSE = { received: true };

/** Events a POS pushes (Square, Loyverse, Clover, Lightspeed X, any HMAC sender), verified the vendor's way and deduplicated. */
export class PosTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'POS Trigger',
		name: 'posTrigger',
		icon: { light: 'file:posTrigger.svg', dark: 'file:posTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["pos"]}}',
		description: 'Starts the workflow once per event your POS sends, after verifying it the vendor\'s way',
		defaults: { name: 'POS Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'posWebhookApi',
				required: true,
				testedBy: 'posWebhookSecretCheck',
				displayOptions: { hide: { pos: ['none'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// n8n answers an accepted delivery with this value, read as a parameter: a plain object (no
				// expression, so no sandbox per delivery) is sent as JSON. Without it n8n 2.41 sends the text
				// "firstEntryJson". Duplicates and refusals are answered by webhook() itself.
				responseData: ACCEPTED_RESPONSE as unknown as string,
				path: 'pos',
			},
		],
		properties: posTriggerProperties,
	};

	methods = { credentialTest: { posWebhookSecretCheck } };

	webhookMethods = { default: posWebhookLifecycle };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receivePosDelivery.call(this);
	}
}
