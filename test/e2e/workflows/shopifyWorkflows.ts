import type { CredentialImport, WorkflowImport } from '../harness';
import { chain, fixedItem, manualTrigger, type WorkflowNode } from './nodes';
import { packageNodeVersion } from '../../helpers/nodeVersions';

export interface ShopifySimulatorAccess {
	url: string;
	accessToken: string;
	clientSecret: string;
}

/** An access-token credential as a shop owner may leave it: no Webhook Secret (and no Client Secret). */
export function shopifyCredentialWithoutWebhookSecret(id: string, shop: ShopifySimulatorAccess): CredentialImport {
	const { webhookSecret: _unused, ...data } = shopifyCredential(id, shop).data;
	return { ...shopifyCredential(id, shop), data };
}

export function shopifyCredential(id: string, shop: ShopifySimulatorAccess): CredentialImport {
	return {
		id,
		name: `Shopify simulator ${id}`,
		type: 'shopifyAdminApi',
		data: {
			shop: shop.url,
			apiVersion: '2026-10',
			authentication: 'accessToken',
			accessToken: shop.accessToken,
			// Shopify signs webhooks with the app's client secret; a custom-app token comes with its own.
			webhookSecret: shop.clientSecret,
		},
	};
}

function shopifyNode(
	credentialId: string,
	node: { id: string; name: string; type: string; position: [number, number]; parameters: Record<string, unknown>; webhookId?: string },
): WorkflowNode {
	return {
		...node,
		type: `n8n-nodes-shopify-pos.${node.type}`,
		typeVersion: packageNodeVersion(node.type),
		credentials: { shopifyAdminApi: { id: credentialId, name: `Shopify simulator ${credentialId}` } },
	};
}

/** Manual Trigger → Shopify Get Orders: every order, POS-ready, including POS and test orders. */
export function getOrdersWorkflow(id: string, credentialId: string): WorkflowImport {
	return chain(id, 'E2E Shopify Get Orders', [
		manualTrigger(),
		shopifyNode(credentialId, {
			id: 'get-orders',
			name: 'Shopify Get Orders',
			type: 'shopifyGetOrders',
			position: [220, 0],
			parameters: {
				output: 'posOrder',
				onlyChanges: false,
				skipPosOrders: false,
				returnAll: true,
				filters: { status: 'any', testOrders: 'include' },
				options: {},
			},
		}),
	]);
}

/** Manual Trigger → a POS sale line → Shopify Adjust Inventory (delta), keyed by the sale and line. */
export function adjustInventoryWorkflow(
	id: string,
	credentialId: string,
	sale: { saleId: string; lineId: string; sku: string; quantity: number; locationId: string },
): WorkflowImport {
	return chain(id, 'E2E Shopify Adjust Inventory', [
		manualTrigger(),
		fixedItem('POS sale line', sale),
		shopifyNode(credentialId, {
			id: 'adjust-inventory',
			name: 'Shopify Adjust Inventory',
			type: 'shopifyAdjustInventory',
			position: [440, 0],
			parameters: {
				identifierType: 'sku',
				sku: '={{ $json.sku }}',
				location: { __rl: true, mode: 'id', value: '={{ $json.locationId }}' },
				mode: 'adjust',
				delta: '={{ -$json.quantity }}',
				reason: 'correction',
				options: { idempotencyKey: "={{ 'pos-sale-' + $json.saleId + '-' + $json.lineId }}" },
			},
		}),
	]);
}

export const ORDER_TRIGGER_WEBHOOK_ID = '5c1b2f0e-6a3d-4e8b-9f27-0d5a9c1e7b41';

/**
 * Shopify Order Trigger (orders/create, POS-ready) → POS HTTP Request to a generic REST POS, the key
 * derived from the Shopify order id, so a repeated delivery cannot create a second POS order.
 */
export function orderToPosWorkflow(id: string, shopifyCredentialId: string, posCredentialId: string): WorkflowImport {
	return chain(id, 'E2E Shopify order to POS', [
		shopifyNode(shopifyCredentialId, {
			id: 'order-trigger',
			name: 'Shopify Order Trigger',
			type: 'shopifyOrderTrigger',
			position: [0, 0],
			webhookId: ORDER_TRIGGER_WEBHOOK_ID,
			parameters: { topics: ['orders/create'], output: 'posOrder', options: {} },
		}),
		{
			id: 'pos-http-request',
			name: 'POS HTTP Request',
			type: 'n8n-nodes-shopify-pos.posHttpRequest',
			typeVersion: packageNodeVersion('posHttpRequest'),
			position: [220, 0],
			credentials: { posApi: { id: posCredentialId, name: `POS simulator ${posCredentialId}` } },
			parameters: {
				method: 'POST',
				path: '/api/orders',
				jsonBody:
					'={{ { externalId: $json.name, locationId: "shop", currency: $json.currency.shop, ' +
					'lines: $json.lineItems.map(l => ({ sku: l.sku || "custom:" + l.title, quantity: l.quantity, unitPrice: l.unitPrice.shop.minorUnits })) } }}',
				idempotencyPlacement: 'header',
				idempotencyHeaderName: 'Idempotency-Key',
				idempotencyKey: "={{ 'shopify-' + $json.legacyId }}",
				options: {},
			},
		},
	]);
}

/** Shopify Order Trigger alone, subscribed to `topics`: each delivery that runs is one execution of this workflow. */
export function orderTriggerWorkflow(id: string, credentialId: string, webhookId: string, topics: readonly string[]): WorkflowImport {
	return chain(id, `E2E Shopify Order Trigger ${id}`, [
		shopifyNode(credentialId, {
			id: 'order-trigger',
			name: 'Shopify Order Trigger',
			type: 'shopifyOrderTrigger',
			position: [0, 0],
			webhookId,
			parameters: { topics: [...topics], output: 'posOrder', options: {} },
		}),
	]);
}
