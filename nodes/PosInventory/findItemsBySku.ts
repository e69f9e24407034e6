import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { isSkuProblem } from '../../lib/pos/catalog/skuMatch';
import type { InventoryVendor } from '../../lib/pos/inventory/inventoryVendor';
import { PosCallFailedError } from '../../lib/pos/inventory/posJsonTransport';
import { OPERATION } from './commonProperties';
import { done, failed, splitOutputs, type Routed } from './outputItems';
import { connectToPos } from './posInventoryTransport';
import { mapSkus } from './skuMapping';
import { toNodeError } from '../shared/nodeError';

export const findItemsBySkuProperties: INodeProperties[] = [
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		default: '={{ $json.sku }}',
		required: true,
		displayOptions: { show: { operation: [OPERATION.findItemsBySku] } },
		description: 'The Shopify SKU to look up, one per input item',
	},
];

/** One lookup for every item's SKU (batched, cached); each item out on done or "Not Mapped". */
export async function findItemsBySku(this: IExecuteFunctions, vendor: InventoryVendor): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const skus = items.map((_item, index) => String(this.getNodeParameter('sku', index, '') ?? ''));
	const pos = await connectToPos(this, 'POS Inventory', vendor);
	let resolution;
	try {
		resolution = await mapSkus(this, vendor, pos, skus, String(this.getNodeParameter('locationId', 0, '') ?? '').trim());
	} catch (error) {
		if (!(error instanceof PosCallFailedError)) throw toNodeError(this.getNode(), error);
		const reason = `Looking up SKUs in ${vendor.displayName} failed: ${error.message}`;
		return splitOutputs(skus.map((sku, index) => failed(pos, 'failed', reason, { vendor: vendor.id, sku }, index, error.result)));
	}
	const routed: Routed[] = skus.map((sku, index) => {
		const itemId = resolution.mapped.get(sku);
		if (itemId !== undefined) return done({ vendor: vendor.id, sku, itemId }, index);
		const problem = resolution.problems.get(sku);
		const candidates = problem && isSkuProblem(problem) ? problem.candidates.map((candidate) => ({ ...candidate })) : [];
		return failed(pos, 'notMapped', problem?.message ?? `SKU "${sku}" was not looked up.`, { vendor: vendor.id, sku, candidates }, index);
	});
	return splitOutputs(routed);
}
