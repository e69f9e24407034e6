import type { CredentialImport, WorkflowImport } from '../harness';
import { chain, fixedItem, manualTrigger, type WorkflowNode } from './nodes';

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
		typeVersion: 1,
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
