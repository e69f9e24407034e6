import type { FaultSpec } from '../faults';
import type { OrderTotals } from '../store/orderTotals';
import type { OrderRecord } from '../store/records';
import type { RequestLogEntry } from '../requestLog';
import type { SimulatorConfig } from '../simulator';
import type { ThrottleStatus } from '../graphql/leakyBucket';

/** Shapes exchanged with the control API (`/_sim/…`), shared by the server routes and the typed client. */

export type ControlOrder = OrderRecord & { totals: OrderTotals };

export interface ControlInventoryLevel {
	inventoryItemId: string;
	variantId: string;
	sku: string | null;
	locationId: string;
	locationName: string;
	quantities: Record<string, number>;
	updatedAt: string;
}

export interface InventoryQuery {
	sku?: string;
	inventoryItemId?: string;
	locationId?: string;
}

export interface SetInventoryRequest {
	inventoryItemId?: string;
	sku?: string;
	locationId: string;
	/** quantity name → value, e.g. { available: 10 } */
	quantities: Record<string, number>;
}

export type { FaultSpec, RequestLogEntry, SimulatorConfig, ThrottleStatus };
