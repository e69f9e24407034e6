import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { PosHttpRequest } from '../../nodes/PosHttpRequest/PosHttpRequest.node';
import { PosInventory } from '../../nodes/PosInventory/PosInventory.node';
import { PosTrigger } from '../../nodes/PosTrigger/PosTrigger.node';
import { ShopifyAdjustInventory } from '../../nodes/ShopifyAdjustInventory/ShopifyAdjustInventory.node';
import { ShopifyGetInventory } from '../../nodes/ShopifyGetInventory/ShopifyGetInventory.node';
import { ShopifyGetOrders } from '../../nodes/ShopifyGetOrders/ShopifyGetOrders.node';
import { ShopifyOrderPollingTrigger } from '../../nodes/ShopifyOrderTrigger/ShopifyOrderPollingTrigger.node';
import { ShopifyOrderTrigger } from '../../nodes/ShopifyOrderTrigger/ShopifyOrderTrigger.node';
import { ShopifyReconcileInventory } from '../../nodes/ShopifyReconcileInventory/ShopifyReconcileInventory.node';

/** The version n8n gives a node dragged onto the canvas: its default version, else its newest. */
export function defaultVersionOf(description: Pick<INodeTypeDescription, 'version' | 'defaultVersion'>): number {
	if (description.defaultVersion !== undefined) return description.defaultVersion;
	return Array.isArray(description.version) ? Math.max(...description.version) : description.version;
}

const packageNodes: INodeType[] = [
	new PosHttpRequest(),
	new PosInventory(),
	new PosTrigger(),
	new ShopifyAdjustInventory(),
	new ShopifyGetInventory(),
	new ShopifyGetOrders(),
	new ShopifyOrderPollingTrigger(),
	new ShopifyOrderTrigger(),
	new ShopifyReconcileInventory(),
];

/**
 * The version a test workflow saves a package node with, by type name (`shopifyOrderTrigger`, with or without
 * the `n8n-nodes-shopify-pos.` prefix): what a user's newly built workflow holds, so tests follow the node.
 */
export function packageNodeVersion(type: string): number {
	const name = type.replace(/^n8n-nodes-shopify-pos\./, '');
	const node = packageNodes.find((candidate) => candidate.description.name === name);
	if (!node) throw new Error(`No node named "${name}" in the package`);
	return defaultVersionOf(node.description);
}
