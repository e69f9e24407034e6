import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { executePosRequests } from './executePosRequests';
import { idempotencyProperties } from './idempotencyProperties';
import { optionProperties } from './optionProperties';
import { requestProperties } from './requestProperties';
import { posAuthenticationProperty, posCredentialDescriptions } from '../shared/posSignIn';

/**
 * An HTTP request to any POS API, with what a generic HTTP node lacks for pushing orders exactly once:
 * an idempotency key derived from the item, create-only-if-absent for APIs without idempotency, retries
 * that honour Retry-After, a per-credential rate limit, and a Failed output so no order is dropped silently.
 */
export class PosHttpRequest implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'POS HTTP Request',
		name: 'posHttpRequest',
		icon: { light: 'file:posHttpRequest.svg', dark: 'file:posHttpRequest.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["method"] + " " + $parameter["path"]}}',
		description: 'Send orders and stock changes to a point-of-sale API, exactly once',
		defaults: { name: 'POS HTTP Request' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Success', 'Failed'],
		credentials: posCredentialDescriptions,
		properties: [posAuthenticationProperty, ...requestProperties, ...idempotencyProperties, ...optionProperties],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executePosRequests.call(this);
	}
}
