import type { INodeProperties } from 'n8n-workflow';
import { orderOutputProperty, skipPosOrdersOption } from './orderTriggerProperties';
import { DEFAULT_MAX_CHANGES_PER_POLL, DEFAULT_POLL_OVERLAP_MINUTES } from '../../lib/shopify/webhooks/pollingCursor';

export const pollingTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'Each poll asks Shopify for orders updated since the last poll (2 API points when nothing changed, about 110 per changed order). Add a Shopify Order Trigger to the same workflow to get changes instantly; each order change is still emitted once.',
		name: 'costNotice',
		type: 'notice',
		default: '',
	},
	orderOutputProperty({ name: 'Shopify Order', description: 'The GraphQL Order as Shopify returned it' }),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'financial_status:paid',
				description: 'Shopify search syntax; only changed orders that match are emitted',
			},
			{
				displayName: 'Overlap (Minutes)',
				name: 'overlapMinutes',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1440 },
				default: DEFAULT_POLL_OVERLAP_MINUTES,
				description:
					'How far back before the last poll each poll looks again. Shopify\'s search can show a change a little late; repeats are dropped.',
			},
			{
				displayName: 'Max Changes per Poll',
				name: 'maxChangesPerPoll',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10000 },
				default: DEFAULT_MAX_CHANGES_PER_POLL,
				description: 'Larger backlogs continue at the next poll, oldest first',
			},
			{
				displayName: 'On Search Warning',
				name: 'searchWarnings',
				type: 'options',
				options: [
					{
						name: 'Stop With Error',
						value: 'error',
						description: 'A search field Shopify ignored (e.g. a typo) stops the poll and names the field',
					},
					{
						name: 'Continue With Warning',
						value: 'warn',
						description: 'Emit what Shopify\'s wider search finds and log the ignored field',
					},
				],
				default: 'error',
				description: 'What to do when Shopify ignores a field of the Search, which makes it match more orders than intended',
			},
			skipPosOrdersOption,
		],
	},
];
