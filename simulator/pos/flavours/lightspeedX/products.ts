import type { LightspeedIds } from './ids';
import type { LightspeedVersions } from './versions';

/** A product as the shop sets it up (control API): price excluding tax, stock at the default outlet. */
export interface LightspeedProductSeed {
	sku: string;
	name: string;
	price: number;
	stock?: number;
}

export interface Product {
	id: string;
	name: string;
	sku: string;
	/** Price excluding tax. */
	price: number;
	version: number;
	createdAt: string;
	updatedAt: string;
}

/** The 2.0 product shape (`GET /api/2.0/products`). */
export function product20(product: Product): Record<string, unknown> {
	return {
		id: product.id,
		name: product.name,
		variant_name: product.name,
		sku: product.sku,
		active: true,
		has_inventory: true,
		is_composite: false,
		price_excluding_tax: product.price,
		version: product.version,
		deleted_at: null,
		created_at: product.createdAt,
		updated_at: product.updatedAt,
	};
}

/** The retailer's products: standard products, each with inventory, none composite or deleted. */
export class LightspeedProducts {
	private list: Product[] = [];

	constructor(
		private readonly ids: LightspeedIds,
		private readonly versions: LightspeedVersions,
		private readonly timestamp: () => string,
	) {}

	create(seed: LightspeedProductSeed): Product {
		const at = this.timestamp();
		const product = { id: this.ids.uuid('product'), name: seed.name, sku: seed.sku, price: seed.price, version: this.versions.next(), createdAt: at, updatedAt: at };
		this.list.push(product);
		return product;
	}

	all(): Product[] {
		return this.list;
	}

	byId(id: unknown): Product | undefined {
		return this.list.find((product) => product.id === id);
	}

	/** `?sku=`: products whose SKU equals the value ignoring case (the case rule is unconfirmed). */
	bySku(sku: string): Product[] {
		const wanted = sku.toLowerCase();
		return this.list.filter((product) => product.sku.toLowerCase() === wanted);
	}

	reset(): void {
		this.list = [];
	}
}
