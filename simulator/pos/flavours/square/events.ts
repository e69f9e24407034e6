import { serialization } from 'square';
import { schemaProblems, type SquareSchema } from './errors';
import type { SquareIds } from './ids';
import type { SquareWebhooks } from './webhooks';

type Json = Record<string, unknown>;

/** "Up to 100 counts per notification; bigger bulk updates span several notifications." */
const COUNTS_PER_NOTIFICATION = 100;

/**
 * The event bodies Square sends (event_id, merchant_id, type, created_at, data{type, id, object}), each
 * held to the SDK's event schema before it is queued for the webhook subscriptions.
 */
export class SquareEvents {
	constructor(
		private readonly ids: SquareIds,
		private readonly timestamp: () => string,
		private readonly merchantId: string,
		private readonly webhooks: SquareWebhooks,
	) {}

	private envelope(type: string, dataType: string, dataId: string, object: Json): Json {
		return { merchant_id: this.merchantId, type, event_id: this.ids.eventId(), created_at: this.timestamp(), data: { type: dataType, id: dataId, object } };
	}

	private publish(schema: SquareSchema, schemaName: string, event: Json, forge: () => Json): void {
		const problems = schemaProblems(schema, event);
		if (problems.length > 0) throw new Error(`Simulated ${String(event.type)} event fails ${schemaName}: ${problems.join('; ')}`);
		this.webhooks.publish(event.type as string, event.event_id as string, JSON.stringify(event), () => JSON.stringify(forge()));
	}

	/** inventory.count.updated: the absolute counts after a change, at most 100 a notification. */
	inventoryCountsUpdated(counts: Json[]): void {
		for (let start = 0; start < counts.length; start += COUNTS_PER_NOTIFICATION) {
			const slice = counts.slice(start, start + COUNTS_PER_NOTIFICATION);
			const build = (inventoryCounts: Json[]) => this.envelope('inventory.count.updated', 'inventory_counts', this.ids.eventId(), { inventory_counts: inventoryCounts });
			// A forgery claims the stock is far higher than it is.
			this.publish(serialization.InventoryCountUpdatedEvent, 'InventoryCountUpdatedEvent', build(slice), () => build(slice.map((count) => ({ ...count, quantity: '9999' }))));
		}
	}

	/** order.created / order.updated carry the order id, version, location, state and timestamps only. */
	orderCreated(order: Json): void {
		const build = (state: unknown) => this.envelope('order.created', 'order_created', order.id as string, {
			order_created: { order_id: order.id, version: order.version, location_id: order.location_id, state, created_at: order.created_at },
		});
		this.publish(serialization.OrderCreatedEvent, 'OrderCreatedEvent', build(order.state), () => build('CANCELED'));
	}

	orderUpdated(order: Json): void {
		const build = (state: unknown) => this.envelope('order.updated', 'order_updated', order.id as string, {
			order_updated: { order_id: order.id, version: order.version, location_id: order.location_id, state, created_at: order.created_at, updated_at: order.updated_at },
		});
		this.publish(serialization.OrderUpdatedEvent, 'OrderUpdatedEvent', build(order.state), () => build('CANCELED'));
	}
}
