import type { CloverIds } from './ids';

type Json = Record<string, unknown>;

/** What a test seeds: an item with a SKU, a price in cents and (default 0) a stock quantity. */
export interface CloverItemSeed {
	name: string;
	sku?: string;
	code?: string;
	price: number;
	stock?: number;
}

export interface CloverItem {
	id: string;
	name: string;
	sku: string | null;
	code: string | null;
	price: number;
	modifiedTime: number;
}

export interface CloverStock {
	itemId: string;
	quantity: number;
	modifiedTime: number;
}

/**
 * The merchant's inventory items and their stock (`item_stocks`): one stock record an item. Quantities are
 * absolute, whole or decimal, and may go negative (https://docs.clover.com/docs/querying-inventory).
 */
export class CloverItems {
	private readonly items: CloverItem[] = [];
	private readonly stocks = new Map<string, CloverStock>();

	constructor(
		private readonly ids: CloverIds,
		private readonly now: () => number,
	) {}

	seed(seeds: CloverItemSeed[]): CloverItem[] {
		return seeds.map((seed) => {
			const item: CloverItem = { id: this.ids.id('item'), name: seed.name, sku: seed.sku ?? null, code: seed.code ?? null, price: seed.price, modifiedTime: this.now() };
			this.items.push(item);
			this.stocks.set(item.id, { itemId: item.id, quantity: seed.stock ?? 0, modifiedTime: this.now() });
			return item;
		});
	}

	all(): CloverItem[] {
		return this.items;
	}

	find(id: string): CloverItem | undefined {
		return this.items.find((item) => item.id === id);
	}

	/** The one item with this SKU, as a cashier scans it; undefined when none or several have it. */
	bySku(sku: string): CloverItem | undefined {
		const found = this.items.filter((item) => item.sku === sku);
		return found.length === 1 ? found[0] : undefined;
	}

	stock(itemId: string): CloverStock | undefined {
		return this.stocks.get(itemId);
	}

	allStocks(): CloverStock[] {
		return [...this.stocks.values()];
	}

	/** Sets the absolute quantity (`touchItem`: the item's own modifiedTime moves too). */
	setQuantity(itemId: string, quantity: number, touchItem: boolean): CloverStock {
		const stock = { itemId, quantity: roundQuantity(quantity), modifiedTime: this.now() };
		this.stocks.set(itemId, stock);
		const item = this.find(itemId);
		if (item && touchItem) item.modifiedTime = stock.modifiedTime;
		return stock;
	}

	/** Clover's item shape; `itemStock` only with `expand=itemStock`. */
	render(item: CloverItem, expandStock: boolean): Json {
		const shape: Json = { id: item.id, hidden: false, name: item.name, sku: item.sku ?? undefined, code: item.code ?? undefined, price: item.price, priceType: 'FIXED', defaultTaxRates: true, isRevenue: true, modifiedTime: item.modifiedTime, deleted: false };
		const stock = this.stocks.get(item.id);
		if (expandStock && stock) shape.itemStock = renderStock(stock);
		return JSON.parse(JSON.stringify(shape)) as Json;
	}

	reset(): void {
		this.items.length = 0;
		this.stocks.clear();
	}
}

/** Clover's item_stock: `stockCount` (deprecated) is the quantity rounded down to a whole number. */
export function renderStock(stock: CloverStock): Json {
	return { item: { id: stock.itemId }, stockCount: Math.floor(stock.quantity), quantity: stock.quantity, modifiedTime: stock.modifiedTime };
}

/** Decimal quantities kept to thousandths (Clover's unit quantities), without float noise. */
export function roundQuantity(quantity: number): number {
	return Math.round(quantity * 1000) / 1000;
}
