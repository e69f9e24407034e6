import type * as http from 'node:http';
import { sendJson } from '../http/jsonResponse';
import type { StoredQuantityName } from '../store/records';
import { STORED_QUANTITY_NAMES } from '../store/records';
import type { ShopStore } from '../store/shopStore';

/**
 * Stock changes a test schedules on a counted request: "just before the 2nd InventorySetQuantities runs,
 * sell one of SKU X at location L". That puts a sale exactly between a client's read and its write, the race
 * compare-and-set exists for, without timing.
 */
export interface ScheduledInventoryChange {
	/** GraphQL operation name whose request triggers the change. */
	beforeOperation: string;
	/** 1 = the next such request (counted from when the change was scheduled). */
	nth?: number;
	sku?: string;
	inventoryItemId?: string;
	locationId: string;
	/** Stored quantity name (default available). */
	name?: StoredQuantityName;
	delta: number;
}

interface Pending extends ScheduledInventoryChange {
	remaining: number;
}

export interface AppliedInventoryChange extends ScheduledInventoryChange {
	inventoryItemId: string;
	quantityAfterChange: number;
}

export class InventorySchedule {
	private pending: Pending[] = [];
	readonly applied: AppliedInventoryChange[] = [];

	constructor(private readonly store: ShopStore) {}

	add(change: ScheduledInventoryChange): void {
		if (change.name !== undefined && !STORED_QUANTITY_NAMES.includes(change.name)) throw new Error(`"${change.name}" is not a stored quantity name`);
		if (!Number.isInteger(change.delta)) throw new Error('delta must be an integer');
		if (!this.itemOf(change)) throw new Error(`no inventory item ${change.inventoryItemId ?? `with SKU ${change.sku}`}`);
		if (!this.store.locations.has(change.locationId)) throw new Error(`location ${change.locationId} does not exist`);
		this.pending.push({ ...change, remaining: change.nth ?? 1 });
	}

	list(): ScheduledInventoryChange[] {
		return this.pending.map(({ remaining, ...change }) => ({ ...change, nth: remaining }));
	}

	clear(): void {
		this.pending = [];
		this.applied.length = 0;
	}

	/** Called before a request of `operationName` executes: applies the changes whose turn it is. */
	beforeRequest(operationName: string | null): void {
		const due: Pending[] = [];
		for (const change of this.pending) {
			if (change.beforeOperation !== operationName) continue;
			change.remaining--;
			if (change.remaining <= 0) due.push(change);
		}
		if (due.length === 0) return;
		this.pending = this.pending.filter((change) => !due.includes(change));
		for (const change of due) this.apply(change);
	}

	private itemOf(change: ScheduledInventoryChange) {
		if (change.inventoryItemId) return this.store.inventoryItems.get(change.inventoryItemId);
		const [variant] = this.store.variantsWithSku(change.sku ?? '');
		return variant ? this.store.inventoryItems.get(variant.inventoryItemId) : undefined;
	}

	private apply(change: Pending): void {
		const item = this.itemOf(change)!;
		const level = this.store.ensureLevel(item, change.locationId);
		const name = change.name ?? 'available';
		level.quantities[name] += change.delta;
		level.updatedAt = this.store.nowIso();
		const { remaining: _remaining, ...spec } = change;
		this.applied.push({ ...spec, inventoryItemId: item.id, quantityAfterChange: level.quantities[name] });
		this.store.emit({ topic: 'inventory_levels/update', level });
	}
}

/** `POST /_sim/inventory/scheduled` (one change or a list), `GET` (pending and applied), `DELETE` (clear). */
export function inventoryScheduleRoute(schedule: InventorySchedule) {
	return (request: http.IncomingMessage, response: http.ServerResponse, url: URL, body: Buffer): boolean => {
		if (url.pathname !== '/_sim/inventory/scheduled') return false;
		try {
			if (request.method === 'POST') {
				const parsed = JSON.parse(body.toString('utf8') || '[]') as ScheduledInventoryChange | ScheduledInventoryChange[];
				for (const change of Array.isArray(parsed) ? parsed : [parsed]) schedule.add(change);
			} else if (request.method === 'DELETE') {
				schedule.clear();
			} else if (request.method !== 'GET') {
				return false;
			}
			sendJson(response, 200, { pending: schedule.list(), applied: schedule.applied });
		} catch (error) {
			sendJson(response, 400, { error: (error as Error).message });
		}
		return true;
	};
}
