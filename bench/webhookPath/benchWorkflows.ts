import type { WorkflowImport } from '../../test/e2e/harness';
import { chain, type WorkflowNode } from '../../test/e2e/workflows/nodes';

export const OUR_TRIGGER_WEBHOOK_ID = '0b6c7f1e-93a2-4d5e-8f10-6a7b8c9d0e21';
/** A second Order Trigger workflow in the same n8n, whose memory starts empty. */
export const OUR_EMPTY_TRIGGER_WEBHOOK_ID = '7d1e4c2a-5b6f-4a8e-9c0d-1e2f3a4b5c6d';
export const PLAIN_WEBHOOK_ID = '4e2d9a7c-1b3f-4c6e-a8d0-5f9e2b7c3a14';
export const PLAIN_WEBHOOK_PATH = 'bench-plain-orders';

function noOp(): WorkflowNode {
	return { id: 'no-op', name: 'No Operation', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} };
}

/** Shopify Order Trigger (orders/create, POS-ready item, the default options) → No Operation. */
export function orderTriggerWorkflow(id: string, credentialId: string, credentialName: string, webhookId = OUR_TRIGGER_WEBHOOK_ID): WorkflowImport {
	return chain(id, `Bench Shopify Order Trigger ${id}`, [
		{
			id: 'order-trigger',
			name: 'Shopify Order Trigger',
			type: 'n8n-nodes-shopify-pos.shopifyOrderTrigger',
			typeVersion: 2,
			position: [0, 0],
			webhookId,
			credentials: { shopifyAdminApi: { id: credentialId, name: credentialName } },
			parameters: { topics: ['orders/create'], output: 'posOrder', options: {} },
		},
		noOp(),
	]);
}

/** The baseline: n8n's own Webhook node (POST, answers when received) → No Operation. */
export function plainWebhookWorkflow(id: string): WorkflowImport {
	return chain(id, 'Bench plain Webhook', [
		{
			id: 'plain-webhook',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: PLAIN_WEBHOOK_ID,
			parameters: { httpMethod: 'POST', path: PLAIN_WEBHOOK_PATH, responseMode: 'onReceived', options: {} },
		},
		noOp(),
	]);
}

export const ourTriggerPath = (webhookId = OUR_TRIGGER_WEBHOOK_ID) => `/webhook/${webhookId}/shopify-orders`;
export const plainWebhookPath = `/webhook/${PLAIN_WEBHOOK_PATH}`;
