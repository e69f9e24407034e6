import type { PosStore } from '../../store';
import { LoyverseCatalog, type LoyverseItemSeed } from './catalog';
import { LoyverseEvents } from './events';
import { LoyverseIds } from './ids';
import { LoyverseInventory, type InventoryLevel } from './inventory';
import { LoyverseRateLimit } from './rateLimit';
import { LoyverseReceipts, type ReceiptInput } from './receipts';
import { DEFAULT_SETTINGS, type LoyverseSettings } from './settings';
import { LoyverseStores } from './stores';
import { LoyverseWebhooks } from './webhooks';

type Json = Record<string, unknown>;

export interface LoyverseSimulationOptions {
	/** Seeds the ids (stores, items, variants, webhooks…) so a run is repeatable. */
	seed?: string;
}

/**
 * One simulated Loyverse merchant: stores and payment types, items and variants, stock per store, receipts
 * (from the API and from the Loyverse POS app), webhook subscriptions and the webhooks its changes send.
 */
export class LoyverseSimulation {
	readonly ids: LoyverseIds;
	readonly merchantId: string;
	readonly stores: LoyverseStores;
	readonly catalog: LoyverseCatalog;
	readonly inventory: LoyverseInventory;
	readonly receipts: LoyverseReceipts;
	readonly webhooks: LoyverseWebhooks;
	readonly events: LoyverseEvents;
	readonly rateLimit: LoyverseRateLimit;
	/** The Loyverse POS app's device, on which register receipts are rung up. */
	posDeviceId: string;
	settings: LoyverseSettings = { ...DEFAULT_SETTINGS };

	constructor(
		readonly now: () => number,
		private readonly store: PosStore,
		options: LoyverseSimulationOptions = {},
	) {
		this.ids = new LoyverseIds(options.seed ?? 'loyverse-simulator');
		this.merchantId = this.ids.uuid('merchant');
		this.posDeviceId = this.ids.uuid('pos-device');
		const timestamp = () => this.timestamp();
		this.stores = new LoyverseStores(this.ids, timestamp);
		this.catalog = new LoyverseCatalog(this.ids, timestamp, this.stores);
		this.inventory = new LoyverseInventory(timestamp, this.catalog, this.stores);
		this.receipts = new LoyverseReceipts(this.ids, timestamp, now, this.catalog, this.stores);
		this.webhooks = new LoyverseWebhooks(now, this.ids, this.merchantId, () => this.settings);
		this.events = new LoyverseEvents(this.webhooks, this.merchantId, timestamp);
		this.rateLimit = new LoyverseRateLimit(now, () => this.settings);
	}

	/** ISO-8601 UTC with milliseconds, on the injected clock. */
	timestamp(): string {
		return new Date(this.now()).toISOString();
	}

	/** Changes settings (checked with settingsProblem by the control API). */
	configure(settings: Partial<LoyverseSettings>): LoyverseSettings {
		this.settings = { ...this.settings, ...settings };
		if (settings.seed !== undefined) this.webhooks.reseed(settings.seed);
		if (settings.autoDeliver === false) this.webhooks.stopTimer();
		return this.settings;
	}

	/** Creates items (back office): variants priced at every store, stock at the main store; items.update and inventory_levels.update. */
	seedItems(seeds: LoyverseItemSeed[]): Json[] {
		const created = seeds.map((seed) => this.catalog.seed(seed));
		const levels: InventoryLevel[] = [];
		for (const [index, { variants }] of created.entries()) {
			for (const [position, variant] of variants.entries()) levels.push(this.inventory.set(variant.variant_id, this.stores.main().id, seeds[index].variants[position].stock ?? 0));
		}
		const items = created.map(({ item }) => this.catalog.itemJson(item));
		this.events.items(items);
		this.events.inventoryLevels(levels);
		return items;
	}

	/** Deletes an item or a variant (back office); items.update. */
	deleteFromCatalog(id: string): Json | null {
		const item = this.catalog.delete(id);
		if (!item) return null;
		const json = this.catalog.itemJson(item, true);
		this.events.items([json]);
		return json;
	}

	/** Absolute stock levels (`POST /v1.0/inventory`, a back-office recount): inventory_levels.update. */
	setLevels(writes: Array<{ variant_id: string; store_id: string; stock_after: number }>): InventoryLevel[] {
		const levels = writes.map((write) => this.inventory.set(write.variant_id, write.store_id, write.stock_after));
		this.events.inventoryLevels(levels);
		return levels;
	}

	/**
	 * Makes a receipt; when `moveStock`, each line naming a known variant moves its store's stock (a SALE
	 * down, a REFUND up). receipts.update, and inventory_levels.update for the levels moved.
	 */
	ringUp(input: ReceiptInput, moveStock: boolean): Json {
		const receipt = this.receipts.add(input);
		const moved = new Map<string, InventoryLevel>();
		const storeId = receipt.store_id;
		if (moveStock && this.stores.find(storeId)) {
			for (const line of input.lines) {
				if (!line.variant) continue;
				const level = this.inventory.adjust(line.variant.variant_id, storeId as string, input.type === 'SALE' ? -line.quantity : line.quantity);
				moved.set(`${level.variant_id}|${level.store_id}`, level);
			}
		}
		this.events.receipts([receipt]);
		this.events.inventoryLevels([...moved.values()]);
		return receipt;
	}

	/** An API receipt also goes to the shared order list the other flavours use (tests read it per flavour). */
	recordApiReceipt(body: Json): Json {
		const lines = (body.line_items as Json[]).map((line) => ({ variant: this.catalog.variant(line.variant_id), variantId: line.variant_id, quantity: typeof line.quantity === 'number' ? line.quantity : 1, price: typeof line.price === 'number' ? line.price : undefined, sent: line }));
		const { line_items: _lines, payments, ...rest } = body;
		void _lines;
		const receipt = this.ringUp(
			{ type: body.receipt_type === 'REFUND' ? 'REFUND' : 'SALE', refundFor: typeof body.refund_for === 'string' ? body.refund_for : null, source: typeof body.source === 'string' ? body.source : 'API', storeId: body.store_id, posDeviceId: null, lines, payments: payments as Json[], sent: rest },
			this.settings.apiReceiptsMoveStock,
		);
		this.store.addOrder('loyverse', receipt, typeof body.order === 'string' ? body.order : null, null, receipt.receipt_number as string);
		return receipt;
	}

	state() {
		return {
			merchantId: this.merchantId,
			posDeviceId: this.posDeviceId,
			settings: this.settings,
			stores: this.stores.stores,
			paymentTypes: this.stores.paymentTypes,
			items: this.catalog.items.map((item) => this.catalog.itemJson(item, true)),
			inventoryLevels: this.inventory.all(),
			receipts: this.receipts.all(),
			webhooks: this.webhooks.state(),
			deliveries: this.webhooks.deliveries(),
		};
	}

	reset(): void {
		this.ids.reset();
		this.ids.uuid('merchant');
		this.posDeviceId = this.ids.uuid('pos-device');
		this.stores.reset();
		this.catalog.reset();
		this.inventory.reset();
		this.receipts.reset();
		this.webhooks.reset();
		this.rateLimit.reset();
		this.settings = { ...DEFAULT_SETTINGS };
	}
}
