import { createHash, randomUUID } from 'node:crypto';

export type Flavour = 'generic' | 'square' | 'lightspeedX' | 'clover' | 'loyverse';

export interface StoredOrder {
	id: string;
	flavour: Flavour;
	/** The caller's reference (externalId, reference_id, externalReferenceId, order…) if it gave one. */
	externalRef: string | null;
	idempotencyKey: string | null;
	body: unknown;
	createdAt: string;
}

export interface StoredReply {
	bodyHash: string;
	status: number;
	body: unknown;
}

/** One sellable variation, for `POST /_pos/catalog`: seeded into the Square catalog as an item of its own. */
export interface CatalogVariation {
	id: string;
	sku: string;
	name: string;
	priceAmount: number;
	currency: string;
	trackInventory?: boolean;
}

/** What the simulated POS flavours share: orders, idempotency records, stock per location (Square keeps its own: flavours/square). */
export class PosStore {
	orders: StoredOrder[] = [];
	private readonly idempotency = new Map<string, StoredReply>();
	/** location → item (SKU or catalog id) → quantity */
	stock = new Map<string, Map<string, number>>();
	private sequence = 0;

	constructor(private readonly now: () => number) {}

	nextId(prefix: string): string {
		this.sequence++;
		return `${prefix}${String(this.sequence).padStart(6, '0')}${randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase()}`;
	}

	timestamp(): string {
		return new Date(this.now()).toISOString();
	}

	addOrder(flavour: Flavour, body: unknown, externalRef: string | null, idempotencyKey: string | null, id = this.nextId('ORD')): StoredOrder {
		const order = { id, flavour, externalRef, idempotencyKey, body, createdAt: this.timestamp() };
		this.orders.push(order);
		return order;
	}

	recall(scope: string, key: string): StoredReply | undefined {
		return this.idempotency.get(`${scope}\u0000${key}`);
	}

	remember(scope: string, key: string, reply: StoredReply): void {
		this.idempotency.set(`${scope}\u0000${key}`, reply);
	}

	quantity(location: string, item: string): number {
		return this.stock.get(location)?.get(item) ?? 0;
	}

	setQuantity(location: string, item: string, quantity: number): void {
		let items = this.stock.get(location);
		if (!items) this.stock.set(location, (items = new Map()));
		items.set(item, quantity);
	}

	reset(): void {
		this.orders = [];
		this.idempotency.clear();
		this.stock.clear();
	}
}

/** Canonical JSON (sorted keys) hash: "same body" for idempotency compares content, not formatting. */
export function bodyHash(body: unknown): string {
	const canonical = (value: unknown): unknown => {
		if (Array.isArray(value)) return value.map(canonical);
		if (value && typeof value === 'object') {
			return Object.fromEntries(Object.keys(value as object).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
		}
		return value;
	};
	return createHash('sha256').update(JSON.stringify(canonical(body) ?? null)).digest('hex');
}

export function readPath(value: unknown, path: string): unknown {
	let current = value;
	for (const step of path.split('.')) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[step];
	}
	return current;
}
