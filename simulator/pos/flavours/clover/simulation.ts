import type { PosStore } from '../../store';
import { CloverIds } from './ids';
import { CloverItems, renderStock, type CloverItemSeed } from './items';
import { CloverOrders, type CloverOrder } from './orders';
import { CloverRateLimit } from './rateLimit';
import { DEFAULT_SETTINGS, type CloverSettings } from './settings';
import type { CloverEvent } from './webhookDelivery';
import { CloverWebhooks } from './webhooks';

export interface CloverSimulationOptions {
	/** Seeds the ids (merchant, items, orders, line items, codes) so a run is repeatable. */
	seed?: string;
	/** The merchant's 13-character id (default one derived from the seed); giving it turns the merchant id check on. */
	merchantId?: string;
	merchantName?: string;
	/** The app whose webhooks are simulated (`appId` in each message). */
	appId?: string;
}

/**
 * One simulated Clover merchant: inventory items and their stock, orders (API and register), the app's
 * webhook, and the per-token rate limits. Written from Clover's documented behaviour; the knobs in
 * `settings` choose where the documentation leaves the behaviour open.
 */
export class CloverSimulation {
	readonly ids: CloverIds;
	readonly items: CloverItems;
	readonly orders: CloverOrders;
	readonly webhooks: CloverWebhooks;
	readonly rateLimit: CloverRateLimit;
	settings: CloverSettings = { ...DEFAULT_SETTINGS };
	merchantId: string;
	readonly merchantName: string;

	constructor(
		readonly now: () => number,
		private readonly store: PosStore,
		private readonly options: CloverSimulationOptions = {},
	) {
		this.ids = new CloverIds(options.seed ?? 'clover-simulator');
		this.merchantId = options.merchantId ?? this.ids.id('merchant');
		this.merchantName = options.merchantName ?? 'Simulated Clover Merchant';
		this.settings.checkMerchantId = options.merchantId !== undefined;
		this.items = new CloverItems(this.ids, now);
		this.orders = new CloverOrders(this.ids, now);
		this.webhooks = new CloverWebhooks(this.ids, now, () => this.settings, options.appId ?? 'SIMULATEDAPP1', () => this.merchantId);
		this.rateLimit = new CloverRateLimit(now, () => this.settings.rateLimits);
	}

	configure(settings: Partial<CloverSettings>): CloverSettings {
		this.settings = { ...this.settings, ...settings };
		if (settings.seed !== undefined) this.webhooks.reseed(settings.seed);
		return this.settings;
	}

	/** Seeds items; from then on a request to another merchant id answers 401. */
	seedItems(seeds: CloverItemSeed[]) {
		this.settings.checkMerchantId = true;
		const items = this.items.seed(seeds);
		for (const item of items) this.event(`I:${item.id}`, 'CREATE');
		return items.map((item) => this.items.render(item, true));
	}

	event(objectId: string, type: CloverEvent['type']): void {
		this.webhooks.publish({ objectId, type, ts: this.now() });
	}

	/** Sets an item's absolute stock and announces it as `I:` and/or `IS:` UPDATE (knob `itemStockEvents`). */
	setStock(itemId: string, quantity: number) {
		const stock = this.items.setQuantity(itemId, quantity, this.settings.stockTouchesItem);
		if (this.settings.itemStockEvents !== 'IS') this.event(`I:${itemId}`, 'UPDATE');
		if (this.settings.itemStockEvents !== 'I') this.event(`IS:${itemId}`, 'UPDATE');
		return renderStock(stock);
	}

	/** Moves a known item's stock by `delta` units (a sale is negative). */
	moveStock(itemId: string, delta: number): void {
		const stock = this.items.stock(itemId);
		if (stock) this.setStock(itemId, stock.quantity + delta);
	}

	/** API orders also go to the shared order list the other flavours use (tests and templates read it). */
	recordApiOrder(order: CloverOrder, answer: Record<string, unknown>): void {
		const reference = order.fields.externalReferenceId;
		this.store.addOrder('clover', answer, typeof reference === 'string' ? reference : null, null, order.id);
	}

	state() {
		return {
			merchant: { id: this.merchantId, name: this.merchantName },
			settings: this.settings,
			items: this.items.all().map((item) => this.items.render(item, false)),
			stocks: this.items.allStocks().map(renderStock),
			orders: this.orders.all().map((order) => ({ origin: order.origin, ...this.orders.render(order, this.merchantId, true) })),
			webhook: { appId: this.webhooks.appId, url: this.webhooks.url, verified: this.webhooks.verified, authCode: this.webhooks.authCode },
			deliveries: this.webhooks.deliveries(),
		};
	}

	reset(): void {
		this.items.reset();
		this.orders.reset();
		this.rateLimit.reset();
		this.settings = { ...DEFAULT_SETTINGS, checkMerchantId: this.options.merchantId !== undefined };
		this.webhooks.reset();
	}
}
