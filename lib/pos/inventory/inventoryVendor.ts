import type { PosOrder } from '../../shopify/orders/posOrder';
import type { CatalogMatch, SkuComparison } from '../catalog/skuMatch';
import type { PosStockChange } from './posStockChange';
import type { PosJsonResult, PosJsonTransport } from './posJsonTransport';
import type { PosStockLevel } from './posStockLevel';
import type { StockWriteRecord } from './absoluteStockWrite';
import type { StockChange } from './stockChange';

/**
 * What "POS Inventory" needs from a POS vendor. Square (lib/pos/square/squareVendor.ts) and Lightspeed X
 * (lib/pos/lightspeedX/lightspeedXVendor.ts) implement it; Clover and Loyverse add their own folder beside
 * them: their catalog search, how a stock change is written, how an order is recorded, and how changes are
 * read back.
 */
export interface MappedStockChange {
	change: StockChange;
	/** The POS's own item id for the change's SKU. */
	itemId: string;
}

export type PosFailure = Extract<PosJsonResult, { ok: false }>;

export interface CallRecord {
	path: string;
	idempotencyKey: string | null;
	status: number;
	/** The POS already held this key for these changes (applied by an earlier attempt). */
	alreadyApplied?: boolean;
}

export type WriteOutcome = { ok: true; calls: CallRecord[]; result?: Record<string, unknown> } | { ok: false; calls: CallRecord[]; failure: PosFailure };

export interface StockChangesPage {
	changes: PosStockChange[];
	ownChangeIds: string[];
	seen: Array<{ id: string; createdAt: string }>;
	/** Where a vendor with its own change feed (Lightspeed X's `version`) reads on from next time. */
	position?: string;
}

/** Where a stock change read starts: a time for every vendor, and the vendor's own position once it gave one. */
export interface StockChangesFrom {
	updatedAfter: string;
	position?: string;
}

/**
 * The node's vendor-specific settings (Lightspeed X's register, user, payment type and tax), as entered;
 * each vendor reads and checks its own. Empty for vendors that need none.
 */
export type VendorSettings = Readonly<Record<string, unknown>>;

/** What a recount changed: the POS's quantity just before it, and counted minus that. */
export type CountDifference = { ok: true; before: number; difference: number } | { ok: false; reason: string };

export interface InventoryVendor {
	/** Stable value of the node's Vendor parameter. */
	id: string;
	displayName: string;
	skuComparison: SkuComparison;
	/** Most SKUs one catalog search may carry. */
	catalogBatchSize: number;
	/** True when item ids differ per location (then the SKU cache is kept per location). */
	catalogPerLocation: boolean;
	/** `locationId`: where the catalog lives for vendors whose paths name it (Clover's merchant); others ignore it. */
	searchCatalog(transport: PosJsonTransport, skus: string[], locationId: string): Promise<CatalogMatch[]>;
	/** The SKUs of items by their POS ids (for changes read back from the POS). */
	itemSkus(transport: PosJsonTransport, itemIds: string[], locationId: string): Promise<CatalogMatch[]>;
	/** `nowMs`: the request time, for vendors that bound how old a change's time may be. */
	/** `record`: where vendors that only take absolute counts (Loyverse) keep which events they applied, and hold items while writing. */
	moveStock(transport: PosJsonTransport, locationId: string, changes: MappedStockChange[], nowMs: number, settings: VendorSettings, record?: StockWriteRecord): Promise<WriteOutcome>;
	recordOrder(transport: PosJsonTransport, locationId: string, order: PosOrder, itemIds: Map<string, string>, settings: VendorSettings): Promise<WriteOutcome>;
	readStockChanges(transport: PosJsonTransport, locationId: string, from: StockChangesFrom, settings: VendorSettings): Promise<StockChangesPage>;
	/** For each recount (by key), what it changed at the POS, so Shopify moves by the same difference. */
	countDifferences(transport: PosJsonTransport, locationId: string, recounts: PosStockChange[]): Promise<Map<string, CountDifference>>;
	/** `locationId`, when entered: Clover answers for that merchant (its only location). */
	listLocations(transport: PosJsonTransport, locationId: string): Promise<Array<Record<string, unknown>>>;
	/** Every item's sellable count at the location, for a reconciliation against Shopify. */
	readStockLevels(transport: PosJsonTransport, locationId: string): Promise<PosStockLevel[]>;
}
