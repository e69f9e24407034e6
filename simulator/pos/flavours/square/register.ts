import type { Reply } from '../../routeContext';
import { invalidValue } from './errors';
import type { ChangeSource } from './inventory';
import type { SquareSimulation } from './simulation';

type Json = Record<string, unknown>;

/** A line rung up: the variation by id, or by its SKU as the cashier scans it (exact, one variation only). */
export interface RegisterSaleLine {
	catalog_object_id?: string;
	sku?: string;
	quantity: number | string;
}

/** Square's own apps record stock actions with their own source, not the API application's. */
const DASHBOARD: ChangeSource = { product: 'DASHBOARD', name: 'Square Dashboard' };

/**
 * What happens at the seller's shop, outside any API caller: a card sale rung up at the register, a
 * recount, a delivery received, damaged stock written off. Each moves stock and sends webhooks the way
 * Square does for its own apps. (Control API for tests; not Square's.)
 */
export class SquareRegister {
	constructor(private readonly sim: SquareSimulation) {}

	/** A card sale at the register: an order paid in full and COMPLETED, its catalog lines IN_STOCK → SOLD. */
	sale(locationId: string, lines: RegisterSaleLine[]): Reply {
		const lineItems = [];
		for (const [index, line] of lines.entries()) {
			const id = line.catalog_object_id ?? this.scanned(line.sku);
			if (id === null) return invalidValue(`No single variation has SKU \`${String(line.sku)}\``, `lines[${index}].sku`);
			lineItems.push({ catalog_object_id: id, quantity: String(line.quantity) });
		}
		const created = this.sim.orders.create({ order: { location_id: locationId, source: { name: 'Square Point of Sale' }, line_items: lineItems } }, 'register');
		if (created.status !== 200) return created;
		const order = (created.body as { order: Json }).order;
		const paid = this.sim.orders.createPayment({ idempotency_key: this.sim.ids.uid(), source_id: 'CARD', amount_money: order.total_money, order_id: order.id }, 'CARD');
		if (paid.status !== 200) return paid;
		return { status: 200, body: { order: this.sim.orders.order(order.id as string), payment: (paid.body as { payment: Json }).payment } };
	}

	private scanned(sku: string | undefined): string | null {
		const matches = this.sim.catalog.allVariations().filter((variation) => sku !== undefined && variation.sku === sku);
		return matches.length === 1 ? matches[0].id : null;
	}

	/** A recount (PHYSICAL_COUNT in IN_STOCK), as done in the Dashboard or the register's stock screen. */
	recount(locationId: string, catalogObjectId: string, quantity: number | string): Reply {
		return this.change({ type: 'PHYSICAL_COUNT', physical_count: { catalog_object_id: catalogObjectId, location_id: locationId, state: 'IN_STOCK', quantity: String(quantity), occurred_at: this.sim.timestamp() } }, false);
	}

	/** Stock received from a vendor: NONE → IN_STOCK. */
	receive(locationId: string, catalogObjectId: string, quantity: number | string): Reply {
		return this.change(this.adjustment(locationId, catalogObjectId, quantity, 'NONE', 'IN_STOCK'), true);
	}

	/**
	 * Damaged or lost stock written off: IN_STOCK → WASTE. `occurredAt`: when it happened, for a register
	 * that was offline and reports it late (Square orders it by that time, not by its arrival).
	 */
	damage(locationId: string, catalogObjectId: string, quantity: number | string, occurredAt?: string): Reply {
		return this.change(this.adjustment(locationId, catalogObjectId, quantity, 'IN_STOCK', 'WASTE', occurredAt), true);
	}

	private adjustment(locationId: string, catalogObjectId: string, quantity: number | string, from: string, to: string, occurredAt?: string): Json {
		return { type: 'ADJUSTMENT', adjustment: { catalog_object_id: catalogObjectId, from_location_id: locationId, to_location_id: locationId, from_state: from, to_state: to, quantity: String(quantity), occurred_at: occurredAt ?? this.sim.timestamp() } };
	}

	private change(change: Json, ignoreUnchanged: boolean): Reply {
		const refused = this.sim.inventory.check(change, 0);
		if (refused) return refused;
		const applied = this.sim.applyInventory([change], DASHBOARD, ignoreUnchanged);
		return { status: 200, body: applied };
	}
}
