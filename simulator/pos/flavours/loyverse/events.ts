import type { InventoryLevel } from './inventory';
import type { LoyverseWebhooks } from './webhooks';

type Json = Record<string, unknown>;

/**
 * Webhook bodies as third-party clients read them (POS-VENDORS.md 4.4): `{merchant_id, type, created_at,
 * <objects>}` with full objects, and the forged copy of each (other quantities) for the `forgeShare` knob.
 */
export class LoyverseEvents {
	constructor(
		private readonly webhooks: LoyverseWebhooks,
		private readonly merchantId: string,
		private readonly timestamp: () => string,
	) {}

	private envelope(type: string, key: string, objects: unknown[]): Json {
		return { merchant_id: this.merchantId, type, created_at: this.timestamp(), [key]: objects };
	}

	/** `inventory_levels.update` with the levels touched (absolute `in_stock`). */
	inventoryLevels(levels: InventoryLevel[]): void {
		if (levels.length === 0) return;
		const body = this.envelope('inventory_levels.update', 'inventory_levels', levels);
		this.webhooks.publish('inventory_levels.update', JSON.stringify(body), () => JSON.stringify({ ...body, inventory_levels: levels.map((level) => ({ ...level, in_stock: level.in_stock + 7 })) }));
	}

	/** `receipts.update` with the full receipts. */
	receipts(receipts: Json[]): void {
		const body = this.envelope('receipts.update', 'receipts', receipts);
		const forged = receipts.map((receipt) => ({ ...receipt, line_items: (receipt.line_items as Json[]).map((line) => ({ ...line, quantity: Number(line.quantity) + 5 })) }));
		this.webhooks.publish('receipts.update', JSON.stringify(body), () => JSON.stringify({ ...body, receipts: forged }));
	}

	/** `items.update` with the full items (variants embedded). */
	items(items: Json[]): void {
		const body = this.envelope('items.update', 'items', items);
		const forged = items.map((item) => ({ ...item, variants: (item.variants as Json[]).map((variant) => ({ ...variant, default_price: Number(variant.default_price) + 1 })) }));
		this.webhooks.publish('items.update', JSON.stringify(body), () => JSON.stringify({ ...body, items: forged }));
	}
}
