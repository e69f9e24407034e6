import type { INodeProperties } from 'n8n-workflow';
import { orderOutputProperty, skipPosOrdersOption } from './orderTriggerProperties';
import { ORDER_WEBHOOK_TOPICS } from '../../lib/shopify/webhooks/topics';

const TOPIC_DESCRIPTIONS: Record<string, string> = {
	'orders/create': 'A new order was placed',
	'orders/updated': 'Any change to an order (the broadest choice)',
	'orders/paid': 'An order became paid',
	'orders/cancelled': 'An order was cancelled',
	'orders/fulfilled': 'An order was completely fulfilled',
	'orders/partially_fulfilled': 'Part of an order was fulfilled',
	'orders/edited': 'Line items were added, removed or changed after purchase',
	'orders/delete': 'An order was deleted (only its ID is sent)',
	'refunds/create': 'A refund was issued (the refund and its order ID are sent)',
};

export const webhookTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'Shopify delivers webhooks only to a public HTTPS address: set WEBHOOK_URL on n8n to it. If Shopify cannot reach this n8n, use the Shopify Order Polling Trigger instead, or add it to this workflow to reconcile missed deliveries.',
		name: 'reachabilityNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'topics',
		type: 'multiOptions',
		required: true,
		default: ['orders/create'],
		description: 'The Shopify events that start the workflow. One subscription per event is registered when the workflow is published.',
		options: ORDER_WEBHOOK_TOPICS.map((topic) => ({ name: topic, value: topic, description: TOPIC_DESCRIPTIONS[topic] })),
	},
	orderOutputProperty({ name: 'Shopify Payload', description: 'Shopify\'s webhook payload as sent (use the admin_graphql_api_id field for IDs)' }),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Delivery Filter',
				name: 'filter',
				type: 'string',
				default: '',
				placeholder: 'financial_status:paid',
				description: 'Shopify search syntax; Shopify only sends events for orders that match',
			},
			{
				displayName: 'Include Fields',
				name: 'includeFields',
				type: 'string',
				default: '',
				placeholder: 'id, name, line_items, total_price',
				description:
					'Comma-separated payload fields to receive (empty = all). The fields the trigger needs (admin_graphql_api_id, updated_at, source_name) are always added.',
			},
			skipPosOrdersOption,
		],
	},
];
