import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CredentialImport, WorkflowImport } from '../harness';
import { chain, type WorkflowNode } from '../workflows/nodes';
import { orderToPosWorkflow } from '../workflows/shopifyWorkflows';
import { packageNodeVersion } from '../../helpers/nodeVersions';

// The template shapes, run in queue mode: a Shopify order webhook pushed into the POS with an idempotency
// key, a POS sale webhook applied to Shopify stock with an `@idempotent` key, and a backfill that reads a
// window of orders and pushes them into the POS.

export const ORDER_TO_POS = 'queueOrderToPos';
export const POS_SALE_TO_INVENTORY = 'queuePosSaleToInventory';
export const BACKFILL_TO_POS = 'queueBackfillToPos';
export const POS_SALE_PATH = 'pos-sale';
export const BACKFILL_PATH = 'orders-backfill';

/** A Shopify credential on the Dev Dashboard's client credentials: each n8n process fetches its own token. */
export function clientCredentialsShopify(id: string, shop: { url: string; clientId: string; clientSecret: string }): CredentialImport {
	return {
		id,
		name: `Shopify simulator ${id}`,
		type: 'shopifyAdminApi',
		data: { shop: shop.url, apiVersion: '2026-10', authentication: 'clientCredentials', clientId: shop.clientId, clientSecret: shop.clientSecret },
	};
}

function shopifyNode(credentialId: string, node: Omit<WorkflowNode, 'type' | 'typeVersion' | 'credentials'> & { type: string }): WorkflowNode {
	return {
		...node,
		type: `n8n-nodes-shopify-pos.${node.type}`,
		typeVersion: packageNodeVersion(node.type),
		credentials: { shopifyAdminApi: { id: credentialId, name: `Shopify simulator ${credentialId}` } },
	};
}

function webhookNode(name: string, path: string, webhookId: string): WorkflowNode {
	return {
		id: `webhook-${path}`,
		name,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId,
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	};
}

/** Shopify Order Trigger (orders/create) → POS HTTP Request keyed `shopify-<order id>`. */
export function orderToPos(shopifyCredentialId: string, posCredentialId: string): WorkflowImport {
	return orderToPosWorkflow(ORDER_TO_POS, shopifyCredentialId, posCredentialId);
}

/**
 * A POS sale line posted by the POS (at least once) → Shopify Adjust Inventory, delta −quantity, keyed
 * `pos-sale-<sale>-<line>` so a second delivery of the same sale cannot take the stock down twice.
 */
export function posSaleToInventory(shopifyCredentialId: string): WorkflowImport {
	return chain(POS_SALE_TO_INVENTORY, 'Queue POS sale to Shopify stock', [
		webhookNode('POS sale', POS_SALE_PATH, '0f9a7c52-3b1e-4d6a-8c2f-71e5b0d94a13'),
		shopifyNode(shopifyCredentialId, {
			id: 'adjust-inventory',
			name: 'Shopify Adjust Inventory',
			type: 'shopifyAdjustInventory',
			position: [220, 0],
			parameters: {
				identifierType: 'sku',
				sku: '={{ $json.body.sku }}',
				location: { __rl: true, mode: 'id', value: '={{ $json.body.locationId }}' },
				mode: 'adjust',
				delta: '={{ -$json.body.quantity }}',
				reason: 'correction',
				options: { idempotencyKey: "={{ 'pos-sale-' + $json.body.saleId + '-' + $json.body.lineId }}" },
			},
		}),
	]);
}

/**
 * A backfill of one creation window (posted as `{ since, until }`) → Shopify Get Orders (paged, every order
 * of the window) → POS HTTP Request keyed by the order. Posting two windows runs two executions, which
 * the queue hands to two workers; both read from the one Shopify bucket.
 */
export function backfillToPos(shopifyCredentialId: string, posCredentialId: string): WorkflowImport {
	return chain(BACKFILL_TO_POS, 'Queue backfill to POS', [
		webhookNode('Backfill window', BACKFILL_PATH, '7d2e4b19-95c3-4f0a-b6d8-2a1c3e5f7b90'),
		shopifyNode(shopifyCredentialId, {
			id: 'get-orders',
			name: 'Shopify Get Orders',
			type: 'shopifyGetOrders',
			position: [220, 0],
			parameters: {
				output: 'posOrder',
				onlyChanges: false,
				skipPosOrders: false,
				returnAll: true,
				filters: {
					createdSince: '={{ $json.body.since }}',
					createdUntil: '={{ $json.body.until }}',
					status: 'any',
					testOrders: 'include',
				},
				options: { fetchMode: 'paged' },
			},
		}),
		{
			id: 'pos-http-request',
			name: 'POS HTTP Request',
			type: 'n8n-nodes-shopify-pos.posHttpRequest',
			typeVersion: packageNodeVersion('posHttpRequest'),
			position: [440, 0],
			credentials: { posApi: { id: posCredentialId, name: `POS simulator ${posCredentialId}` } },
			parameters: {
				method: 'POST',
				path: '/api/orders',
				// As in the templates: lines refunded or removed down to 0 are left out (a POS refuses them).
				jsonBody:
					'={{ { externalId: $json.name, locationId: "shop", currency: $json.currency.shop, ' +
					"lines: $json.lineItems.filter(l => l.quantity > 0).map(l => ({ sku: l.sku ?? '', quantity: l.quantity, unitPrice: l.unitPrice.shop.minorUnits })) } }}",
				idempotencyPlacement: 'header',
				idempotencyHeaderName: 'Idempotency-Key',
				idempotencyKey: "={{ 'shopify-' + $json.legacyId }}",
				// The backfill measures Shopify's side; the POS simulator takes any rate.
				options: { requestsPerSecond: 0, concurrency: 4 },
			},
		},
	]);
}

export const TEMPLATE_WORKFLOW = 'queueGenericRestTemplate';
/** The generic REST template's POS sale webhook path (`POST /webhook/generic-pos-sale`). */
export const TEMPLATE_POS_SALE_PATH = 'generic-pos-sale';

/**
 * templates/<file> as a user imports it, with what its sticky notes ask the user to fill in: the two
 * credentials and the Shopify location of the POS sales. Everything else stays as shipped (both order
 * triggers, the loop guard, the mapping, the retry table on the Failed output, the sale split).
 */
export function templateWorkflow(
	file: string,
	id: string,
	fill: { shopifyCredentialId: string; posCredentialId: string; shopifyLocationId: string },
): WorkflowImport {
	const template = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'templates', file), 'utf8')) as WorkflowImport & { nodes: WorkflowNode[] };
	for (const node of template.nodes) {
		if (node.credentials?.shopifyAdminApi) node.credentials.shopifyAdminApi = { id: fill.shopifyCredentialId, name: `Shopify simulator ${fill.shopifyCredentialId}` };
		if (node.credentials?.posApi) node.credentials.posApi = { id: fill.posCredentialId, name: `POS simulator ${fill.posCredentialId}` };
		if (node.type === 'n8n-nodes-shopify-pos.shopifyAdjustInventory') {
			node.parameters.location = { __rl: true, mode: 'id', value: fill.shopifyLocationId };
		}
	}
	return { ...template, id, active: false };
}
