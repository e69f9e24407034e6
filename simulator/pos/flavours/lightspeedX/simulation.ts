import { SIMULATED_DOMAIN_PREFIX } from '../../oauth2Server';
import type { PosStore } from '../../store';
import { LightspeedEvents } from './events';
import { LightspeedIds } from './ids';
import { LightspeedInventory, type InventoryRecord } from './inventory';
import { LightspeedProducts, product20, type LightspeedProductSeed, type Product } from './products';
import { LightspeedRateLimit } from './rateLimit';
import { LightspeedRetailer } from './retailer';
import { sale20 } from './saleShapes';
import { LightspeedSales, type Sale, type SaleDraft } from './sales';
import { LightspeedVersions } from './versions';
import { LightspeedWebhooks } from './webhooks';
import { webhookForm } from './webhookDelivery';

export interface LightspeedSimulationOptions {
	/** Seeds the ids (outlets, registers, products, sales…) so a run is repeatable. */
	seed?: string;
	/** The retailer's domain prefix (`<prefix>.retail.lightspeed.app`), sent with every webhook. */
	domainPrefix?: string;
}

/** A stock count for a stocktake: the product and the level counted. */
export interface CountedStock {
	productId: string;
	count: number;
}

/**
 * One simulated Lightspeed Retail X-Series retailer: setup (outlets, registers, users, payment types,
 * taxes), products, inventory, sales, the global version, and the webhooks its changes send.
 */
export class LightspeedSimulation {
	readonly ids: LightspeedIds;
	readonly versions = new LightspeedVersions();
	readonly retailer: LightspeedRetailer;
	readonly products: LightspeedProducts;
	readonly inventory: LightspeedInventory;
	readonly sales: LightspeedSales;
	readonly webhooks: LightspeedWebhooks;
	readonly events: LightspeedEvents;
	readonly rateLimit: LightspeedRateLimit;
	readonly retailerId: string;
	readonly domainPrefix: string;

	constructor(
		readonly now: () => number,
		private readonly store: PosStore,
		options: LightspeedSimulationOptions = {},
	) {
		this.ids = new LightspeedIds(options.seed ?? 'lightspeed-simulator');
		this.retailerId = new LightspeedIds(`${options.seed ?? 'lightspeed-simulator'}:retailer`).uuid('retailer');
		this.domainPrefix = options.domainPrefix ?? SIMULATED_DOMAIN_PREFIX;
		this.retailer = new LightspeedRetailer(this.ids);
		this.products = new LightspeedProducts(this.ids, this.versions, () => this.timestamp());
		this.inventory = new LightspeedInventory(this.ids, this.versions);
		this.sales = new LightspeedSales(this.ids, this.versions, this.inventory, () => this.timestamp());
		const form = (type: string, payload: string) => webhookForm({ payload, type, retailer_id: this.retailerId, domain_prefix: this.domainPrefix });
		this.webhooks = new LightspeedWebhooks(now, () => this.ids.uuid('webhook'), form);
		this.events = new LightspeedEvents(this.webhooks, this.retailer, this.inventory);
		this.rateLimit = new LightspeedRateLimit(now, () => this.retailer.registers.length);
	}

	/** Lightspeed's timestamps: ISO 8601 with the offset, to the second ("2026-12-01T10:00:00+00:00"). */
	timestamp(): string {
		return new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, '+00:00');
	}

	/** Products set up in the back office, each with its stock at the default outlet; sends product.update. */
	addProducts(seeds: LightspeedProductSeed[]): Product[] {
		return seeds.map((seed) => {
			const product = this.products.create(seed);
			this.inventory.set(product.id, this.retailer.defaultOutlet().id, seed.stock ?? 0);
			this.events.productUpdated(product);
			return product;
		});
	}

	/** Records a checked sale, moves its stock, and sends sale.update and inventory.update. API sales also go to the shared order list. */
	recordSale(draft: SaleDraft, origin: 'api' | 'register'): Sale {
		const { sale, touched } = this.sales.create(draft);
		if (origin === 'api') this.store.addOrder('lightspeedX', sale20(sale), sale.invoiceNumber, null, sale.id);
		this.announce(sale, touched);
		return sale;
	}

	voidSale(sale: Sale): Sale {
		this.announce(sale, this.sales.void(sale));
		return sale;
	}

	private announce(sale: Sale, touched: InventoryRecord[]): void {
		this.events.saleUpdated(sale);
		this.events.inventoryUpdated(touched);
	}

	/** A stocktake: each counted level replaces the record's level (a recount), and sends inventory.update. */
	stocktake(outletId: string, counts: CountedStock[]): InventoryRecord[] {
		const records = counts.map((counted) => this.inventory.set(counted.productId, outletId, counted.count));
		this.events.inventoryUpdated(records);
		return records;
	}

	/** Everything the retailer holds, for `GET /_pos/lightspeed/state`. */
	state() {
		return {
			retailerId: this.retailerId,
			domainPrefix: this.domainPrefix,
			outlets: this.retailer.outlets,
			registers: this.retailer.registers,
			users: this.retailer.users,
			paymentTypes: this.retailer.paymentTypes,
			taxes: this.retailer.taxes,
			products: this.products.all().map(product20),
			inventory: this.inventory.all(),
			sales: this.sales.all().map(sale20),
			webhooks: this.webhooks.list(),
			deliveries: this.webhooks.deliveries(),
		};
	}

	reset(): void {
		this.ids.reset();
		this.versions.reset();
		this.retailer.reset();
		this.products.reset();
		this.inventory.reset();
		this.sales.reset();
		this.webhooks.reset();
		this.rateLimit.reset();
	}
}
