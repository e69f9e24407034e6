import type { LightspeedIds } from './ids';
import { fromNumber, toNumber } from './money';
import type { LightspeedVersions } from './versions';

/** One product's stock at one outlet (`inventory_level` and `current_amount` are the same number here). */
export interface InventoryRecord {
	id: string;
	product_id: string;
	outlet_id: string;
	inventory_level: number;
	current_amount: number;
	version: number;
}

/**
 * Inventory records, one per (product, outlet). Every change gives the record a new global version, so
 * `GET /api/2.0/inventory?after=` is a change feed. Levels may go negative (a sale is never refused for stock).
 */
export class LightspeedInventory {
	private records: InventoryRecord[] = [];

	constructor(
		private readonly ids: LightspeedIds,
		private readonly versions: LightspeedVersions,
	) {}

	all(outletId?: string | null): InventoryRecord[] {
		return outletId ? this.records.filter((record) => record.outlet_id === outletId) : this.records;
	}

	ofProduct(productId: string): InventoryRecord[] {
		return this.records.filter((record) => record.product_id === productId);
	}

	find(productId: string, outletId: string): InventoryRecord | undefined {
		return this.records.find((record) => record.product_id === productId && record.outlet_id === outletId);
	}

	/** Sets the level (a new product's stock, a stocktake); creates the record when there is none. */
	set(productId: string, outletId: string, level: number): InventoryRecord {
		let record = this.find(productId, outletId);
		if (!record) {
			record = { id: this.ids.uuid('inventory'), product_id: productId, outlet_id: outletId, inventory_level: 0, current_amount: 0, version: 0 };
			this.records.push(record);
		}
		record.inventory_level = level;
		record.current_amount = level;
		record.version = this.versions.next();
		return record;
	}

	/** Moves the level by `deltaUnits` (0.00001 units, exact). */
	move(productId: string, outletId: string, deltaUnits: number): InventoryRecord {
		const current = this.find(productId, outletId)?.inventory_level ?? 0;
		return this.set(productId, outletId, toNumber(fromNumber(current) + deltaUnits));
	}

	reset(): void {
		this.records = [];
	}
}
