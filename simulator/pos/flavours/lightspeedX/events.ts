import type { InventoryRecord, LightspeedInventory } from './inventory';
import type { Product } from './products';
import type { LightspeedRetailer } from './retailer';
import { sale10, date10 } from './saleShapes';
import type { Sale } from './sales';
import type { LightspeedWebhooks } from './webhooks';

type Json = Record<string, unknown>;

/** What a forged copy says instead of the real quantities. */
const FORGED_QUANTITY = 9999;

/** The 1.0 inventory shape an `inventory.update` carries. */
export function inventory10(record: InventoryRecord): Json {
	return { id: record.id, product_id: record.product_id, outlet_id: record.outlet_id, count: record.inventory_level, version: record.version };
}

/**
 * The webhook events of the retailer's changes, with the full object in API 1.0 shape as `payload`
 * (https://x-series-api.lightspeedhq.com/docs/webhooks): `sale.update` for every sale created or voided,
 * `inventory.update` for every inventory record it touched or a stocktake set, `product.update` for a
 * product created.
 */
export class LightspeedEvents {
	constructor(
		private readonly webhooks: LightspeedWebhooks,
		private readonly retailer: LightspeedRetailer,
		private readonly inventory: LightspeedInventory,
	) {}

	saleUpdated(sale: Sale): void {
		const payload = sale10(sale);
		const forged = () => ({ ...payload, register_sale_products: sale.lines.map((_, index) => ({ ...(payload.register_sale_products as Json[])[index], quantity: FORGED_QUANTITY })) });
		this.publish('sale.update', payload, forged);
	}

	inventoryUpdated(records: InventoryRecord[]): void {
		for (const record of records) {
			const payload = inventory10(record);
			this.publish('inventory.update', payload, () => ({ ...payload, count: FORGED_QUANTITY }));
		}
	}

	productUpdated(product: Product): void {
		const payload = this.product10(product);
		this.publish('product.update', payload, () => ({ ...payload, inventory: (payload.inventory as Json[]).map((entry) => ({ ...entry, count: FORGED_QUANTITY })) }));
	}

	/** The 1.0 product shape: price excluding tax and the count at every outlet. */
	private product10(product: Product): Json {
		const inventory = this.inventory.ofProduct(product.id).map((record) => ({
			outlet_id: record.outlet_id,
			outlet_name: this.retailer.outlets.find((outlet) => outlet.id === record.outlet_id)?.name ?? '',
			count: record.inventory_level,
		}));
		return { id: product.id, handle: product.sku.toLowerCase(), sku: product.sku, name: product.name, price: product.price, active: true, inventory, updated_at: date10(product.updatedAt) };
	}

	private publish(type: 'sale.update' | 'inventory.update' | 'product.update', payload: Json, forged: () => Json): void {
		this.webhooks.publish(type, JSON.stringify(payload), () => JSON.stringify(forged()));
	}
}
