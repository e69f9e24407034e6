import { NodeConnectionTypes, NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { inventoryVendor } from '../../lib/pos/inventory/vendors';
import { cloverMerchantProperty, locationProperty, OPERATION, operationProperty, optionsProperty, vendorProperty } from './commonProperties';
import { findItemsBySku, findItemsBySkuProperties } from './findItemsBySku';
import { getPosStockChanges } from './getStockChanges';
import { getPosStockLevels } from './getStockLevels';
import { listPosLocations } from './listLocations';
import { moveStockForOrders } from './moveStock';
import { recordShopifyOrders } from './recordOrders';
import { toNodeError } from '../shared/nodeError';
import { vendorSettingsProperties } from './vendorSettings';
import { posAuthenticationProperty, posCredentialDescriptions } from '../shared/posSignIn';

const OPERATIONS = {
	[OPERATION.findItemsBySku]: findItemsBySku,
	[OPERATION.moveStock]: moveStockForOrders,
	[OPERATION.recordOrders]: recordShopifyOrders,
	[OPERATION.getStockChanges]: getPosStockChanges,
	[OPERATION.getStockLevels]: getPosStockLevels,
	[OPERATION.listLocations]: listPosLocations,
};

/**
 * The POS's stock and catalog, vendor-aware: SKU → POS item (batched, cached), Shopify orders moving the
 * POS's stock once (stock only, or recorded as paid orders), the POS's own stock changes back for
 * Shopify, and the locations. Vendors Square and Lightspeed X; each vendor is one folder in lib/pos.
 */
export class PosInventory implements INodeType {
	description: INodeTypeDescription = {
		// "POS", as n8n names a service's node ("Shopify", "Slack"): a search for "pos" then lists it before
		// n8n's Postgres, PostHog and Postmark, which a longer name would not.
		displayName: 'POS',
		name: 'posInventory',
		icon: { light: 'file:posInventory.svg', dark: 'file:posInventory.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["vendor"] + ": " + $parameter["operation"]}}',
		description: 'Keep a point-of-sale system\'s stock in step with Shopify: SKU mapping, stock moves for orders, stock changes back',
		defaults: { name: 'POS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Done', 'Failed / Not Mapped'],
		credentials: posCredentialDescriptions,
		properties: [posAuthenticationProperty, vendorProperty, operationProperty, locationProperty, cloverMerchantProperty, ...vendorSettingsProperties, ...findItemsBySkuProperties, optionsProperty],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as keyof typeof OPERATIONS;
		const run = OPERATIONS[operation];
		if (!run) throw new NodeOperationError(this.getNode(), `Unknown operation "${String(operation)}"`);
		let vendor;
		try {
			vendor = inventoryVendor(this.getNodeParameter('vendor', 0) as string);
		} catch (error) {
			throw toNodeError(this.getNode(), error);
		}
		try {
			return await run.call(this, vendor);
		} catch (error) {
			// Settings a vendor checks at its first write (Lightspeed X's register) name the field to fix.
			throw toNodeError(this.getNode(), error);
		}
	}
}
