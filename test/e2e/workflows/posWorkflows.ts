import type { CredentialImport, WorkflowImport } from '../harness';
import { chain, fixedItem, manualTrigger, type WorkflowNode } from './nodes';
import { packageNodeVersion } from '../../helpers/nodeVersions';

export const SAMPLE_ORDER = {
	orderId: 'gid://shopify/Order/1001',
	name: '#1001',
	currency: 'USD',
	locationId: 'loc-main',
	lines: [
		{ sku: 'TEE-BLK-M', title: 'T-shirt black M', quantity: 2, price: 19.99 },
		{ sku: 'MUG-01', title: 'Mug', quantity: 1, price: 8.5 },
	],
};

/** A POS API credential for the simulator; `testPath` is the GET its Test button calls (the generic POS's stock). */
export function posCredential(id: string, baseUrl: string, token: string, extraHeaders = '', testPath = '/api/stock'): CredentialImport {
	return { id, name: `POS simulator ${id}`, type: 'posApi', data: { baseUrl, authType: 'bearer', token, extraHeaders, testPath } };
}

function posRequest(credentialId: string, parameters: Record<string, unknown>): WorkflowNode {
	return {
		id: 'pos-http-request',
		name: 'POS HTTP Request',
		type: 'n8n-nodes-shopify-pos.posHttpRequest',
		typeVersion: packageNodeVersion('posHttpRequest'),
		position: [440, 0],
		parameters,
		credentials: { posApi: { id: credentialId, name: `POS simulator ${credentialId}` } },
	};
}

/** Generic REST POS: the order as the POS wants it, the key in an Idempotency-Key header. */
export function genericPosWorkflow(id: string, credentialId: string): WorkflowImport {
	return chain(id, 'E2E generic POS order', [
		manualTrigger(),
		fixedItem('Shopify order', SAMPLE_ORDER),
		posRequest(credentialId, {
			method: 'POST',
			path: '/api/orders',
			jsonBody:
				'={{ { externalId: $json.name, locationId: $json.locationId, currency: $json.currency, ' +
				'lines: $json.lines.map(l => ({ sku: l.sku, quantity: l.quantity, unitPrice: Math.round(l.price * 100) })) } }}',
			idempotencyPlacement: 'header',
			idempotencyHeaderName: 'Idempotency-Key',
			idempotencyKey: "={{ 'shopify-' + $json.orderId.split('/').pop() + '-' + $json.locationId }}",
			options: {},
		}),
	]);
}

/** Square: `POST /v2/orders`, quantities as strings, money in minor units, the key at `idempotency_key`. */
export function squarePosWorkflow(id: string, credentialId: string): WorkflowImport {
	return chain(id, 'E2E Square order', [
		manualTrigger(),
		fixedItem('Shopify order', SAMPLE_ORDER),
		posRequest(credentialId, {
			method: 'POST',
			path: '/v2/orders',
			jsonBody:
				"={{ { order: { location_id: 'SQ-LOC-1', reference_id: $json.name, line_items: $json.lines.map(l => ({ " +
				'name: l.title, quantity: String(l.quantity), base_price_money: { amount: Math.round(l.price * 100), currency: $json.currency } })) } } }}',
			idempotencyPlacement: 'body',
			idempotencyBodyPath: 'idempotency_key',
			idempotencyKey: "={{ 'shopify-' + $json.orderId.split('/').pop() }}",
			options: {},
		}),
	]);
}

export const POS_TRIGGER_WEBHOOK_ID = 'e2e-pos-trigger-square';

/** A POS Webhook Secret credential holding a Square subscription's signature key. */
export function posWebhookCredential(id: string, secret: string, urlToken = ''): CredentialImport {
	return { id, name: `POS webhook secret ${id}`, type: 'posWebhookApi', data: { secret, urlToken } };
}

/** POS Trigger (Square preset, n8n's production URL) → Edit Fields: what a Square → Shopify stock workflow starts with. */
export function squarePosTriggerWorkflow(id: string, credentialId: string): WorkflowImport {
	const trigger: WorkflowNode = {
		id: 'pos-trigger',
		name: 'POS Trigger',
		type: 'n8n-nodes-shopify-pos.posTrigger',
		typeVersion: packageNodeVersion('posTrigger'),
		position: [0, 0],
		parameters: { pos: 'square' },
		credentials: { posWebhookApi: { id: credentialId, name: `POS webhook secret ${credentialId}` } },
		webhookId: POS_TRIGGER_WEBHOOK_ID,
	};
	const counts = {
		id: 'in-stock-counts',
		name: 'In-stock counts',
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [220, 0] as [number, number],
		parameters: { mode: 'raw', jsonOutput: "={{ { counts: ($json.stockLevels ?? []).filter(l => l.state === 'IN_STOCK') } }}", options: {} },
	};
	return chain(id, 'E2E POS Trigger (Square)', [trigger, counts]);
}
