import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { InventoryVendor } from '../../lib/pos/inventory/inventoryVendor';
import { PosCallFailedError } from '../../lib/pos/inventory/posJsonTransport';
import { done, failed, splitOutputs } from './outputItems';
import { connectToPos } from './posInventoryTransport';
import { toNodeError } from '../shared/nodeError';

/** Every POS location, one item each, so a beginner can copy the Location ID without an API reference. */
export async function listPosLocations(this: IExecuteFunctions, vendor: InventoryVendor): Promise<INodeExecutionData[][]> {
	const pos = await connectToPos(this, 'POS Inventory', vendor);
	try {
		const locations = await vendor.listLocations(pos.transport, String(this.getNodeParameter('locationId', 0, '') ?? '').trim());
		return splitOutputs(locations.map((location) => done({ vendor: vendor.id, ...location }, 0)));
	} catch (error) {
		if (!(error instanceof PosCallFailedError)) throw toNodeError(this.getNode(), error);
		return splitOutputs([failed(pos, 'failed', `Listing ${vendor.displayName} locations failed: ${error.message}`, { vendor: vendor.id }, 0, error.result)]);
	}
}
