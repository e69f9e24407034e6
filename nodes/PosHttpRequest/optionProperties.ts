import type { INodeProperties } from 'n8n-workflow';
import { DEFAULT_RETRY_STATUSES } from '../../lib/pos/retryPolicy';

/** Per request, unless the node's option says otherwise. */
export const DEFAULT_TIMEOUT_SECONDS = 30;

/** Retry, duplicate, pacing and timeout settings; the defaults suit the POS APIs we know. */
export const optionProperties: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Concurrent Requests',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 50 },
				default: 1,
				description: 'Items sent at the same time. 1 keeps the POS in input order.',
			},
			{
				displayName: 'Duplicate Body Patterns',
				name: 'duplicateBodyPatterns',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				placeholder: 'already exists',
				description: 'One a line: text (case-insensitive) or /regex/ in an error body that means the record already exists; counted as success',
			},
			{
				displayName: 'Duplicate Statuses',
				name: 'duplicateStatuses',
				type: 'string',
				default: '409',
				description: 'HTTP statuses that mean the record already exists; counted as success (outcome "duplicate")',
			},
			{
				displayName: 'First Retry Delay (Seconds)',
				name: 'initialDelaySeconds',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 3 },
				default: 0.5,
				description: 'Backoff starts here and doubles each attempt, with random jitter, unless the POS sends Retry-After',
			},
			{
				displayName: 'Max Attempts',
				name: 'maxAttempts',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 20 },
				default: 5,
				description: 'Attempts per item, the first included',
			},
			{
				displayName: 'Max Retry Delay (Seconds)',
				name: 'maxDelaySeconds',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 3 },
				default: 15,
				description: 'Largest backoff step (a Retry-After may ask for more, within the total)',
			},
			{
				displayName: 'Max Total Wait (Seconds)',
				name: 'maxTotalWaitSeconds',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 3 },
				default: 60,
				description: 'Upper bound on all waits for one item; past it the item goes to the Failed output',
			},
			{
				displayName: 'Requests Per Second',
				name: 'requestsPerSecond',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 10,
				description: 'Limit shared by every item and execution using this credential in this n8n process; 0 = no limit',
			},
			{
				displayName: 'Retry On Statuses',
				name: 'retryStatuses',
				type: 'string',
				default: DEFAULT_RETRY_STATUSES,
				description: 'Statuses worth another attempt; network errors are always retried when a repeat is safe',
			},
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeoutSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_TIMEOUT_SECONDS,
				description: 'Per request; a timeout counts as a network error',
			},
		],
	},
];
