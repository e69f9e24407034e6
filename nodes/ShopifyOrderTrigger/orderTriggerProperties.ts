import type { INodeProperties } from 'n8n-workflow';

/**
 * What both order triggers offer alike, so the webhook and polling nodes describe it in the same words: the
 * Output choice (only the raw option differs: a webhook payload or a GraphQL order) and the POS loop guard.
 */
export function orderOutputProperty(raw: { name: string; description: string }): INodeProperties {
	return {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'posOrder',
		options: [
			{ name: 'POS-Ready Order', value: 'posOrder', description: 'The same order shape as Shopify Get Orders, with the stock changes of this event (stockChanges)' },
			{ name: raw.name, value: 'raw', description: raw.description },
		],
	};
}

export const skipPosOrdersOption: INodeProperties = {
	displayName: 'Skip Orders From Shopify POS',
	name: 'skipPosOrders',
	type: 'boolean',
	default: true,
	description: 'Whether to ignore orders rung up on Shopify POS, so a POS sync does not send them back to the POS',
};
