import type { PosStore } from '../../store';
import { SquareCatalog } from './catalog';
import { SquareEvents } from './events';
import { SquareIdempotency } from './idempotency';
import { SquareIds } from './ids';
import { SquareInventory, type AppliedChanges, type ChangeExtras, type ChangeSource } from './inventory';
import { SquareLocations } from './locations';
import { SquareOrders } from './orders';
import { SquareWebhooks } from './webhooks';

type Json = Record<string, unknown>;

export interface SquareSimulationOptions {
	/** Seeds the ids (catalog objects, locations, orders…) so a run is repeatable. */
	seed?: string;
	/** The application the simulated access token belongs to: API-made changes carry it in `source`. */
	applicationId?: string;
	applicationName?: string;
}

/**
 * One simulated Square seller: catalog, locations, inventory, orders and payments, idempotency records,
 * and the webhooks its changes send. Written from Square's documented behaviour.
 */
export class SquareSimulation {
	readonly ids: SquareIds;
	readonly catalog: SquareCatalog;
	readonly locations: SquareLocations;
	readonly inventory: SquareInventory;
	readonly orders: SquareOrders;
	readonly idempotency = new SquareIdempotency();
	readonly webhooks: SquareWebhooks;
	readonly events: SquareEvents;
	readonly merchantId: string;
	readonly applicationId: string;
	readonly applicationName: string;

	constructor(
		readonly now: () => number,
		private readonly store: PosStore,
		options: SquareSimulationOptions = {},
	) {
		this.ids = new SquareIds(options.seed ?? 'square-simulator');
		this.merchantId = this.ids.merchant();
		this.applicationId = options.applicationId ?? 'sq0idp-simulated-application';
		this.applicationName = options.applicationName ?? 'n8n';
		this.catalog = new SquareCatalog(this.ids, () => this.timestamp());
		this.locations = new SquareLocations(this.ids, () => this.timestamp(), () => this.merchantId);
		this.inventory = new SquareInventory(this.ids, () => this.timestamp(), this.catalog, this.locations);
		this.orders = new SquareOrders(this);
		this.webhooks = new SquareWebhooks(now);
		this.events = new SquareEvents(this.ids, () => this.timestamp(), this.merchantId, this.webhooks);
	}

	timestamp(): string {
		return new Date(this.now()).toISOString();
	}

	/** Applies checked inventory changes and announces the counts they touched (inventory.count.updated). */
	applyInventory(changes: Json[], source: ChangeSource, ignoreUnchangedCounts = true, extras: ChangeExtras = {}): AppliedChanges {
		const applied = this.inventory.apply(changes, source, ignoreUnchangedCounts, extras);
		this.events.inventoryCountsUpdated(applied.counts);
		return applied;
	}

	/** Square orders also go to the shared order list the other flavours use (tests read it per flavour). */
	recordOrder(order: Json, idempotencyKey: string | null): void {
		this.store.addOrder('square', order, typeof order.reference_id === 'string' ? order.reference_id : null, idempotencyKey, order.id as string);
	}

	reset(): void {
		this.catalog.reset();
		this.locations.reset();
		this.inventory.reset();
		this.orders.reset();
		this.idempotency.reset();
		this.webhooks.reset();
	}
}
