import { cloverVendor } from '../clover/cloverVendor';
import { lightspeedXVendor } from '../lightspeedX/lightspeedXVendor';
import { loyverseVendor } from '../loyverse/loyverseVendor';
import { squareVendor } from '../square/squareVendor';
import type { InventoryVendor } from './inventoryVendor';

/** Vendors "POS Inventory" supports, by the value of its Vendor parameter. */
const VENDORS: Record<string, InventoryVendor> = { [squareVendor.id]: squareVendor, [lightspeedXVendor.id]: lightspeedXVendor, [loyverseVendor.id]: loyverseVendor, [cloverVendor.id]: cloverVendor };

export function inventoryVendor(id: string): InventoryVendor {
	const vendor = VENDORS[id];
	if (!vendor) throw new RangeError(`POS vendor "${id}" is not supported here; choose one of: ${Object.values(VENDORS).map((v) => v.displayName).join(', ')}.`);
	return vendor;
}
