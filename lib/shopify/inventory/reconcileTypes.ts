/** The shapes of a reconciliation: the POS's counts in, one drift report entry per counted SKU out. */

/** One POS count as the node read it from an input item, before any check. */
export interface RawPosCount {
	itemIndex: number;
	sku: unknown;
	quantity: unknown;
	lastChangedAt?: unknown;
	posItemId?: unknown;
}

export interface PosCount {
	itemIndex: number;
	sku: string;
	quantity: number;
	lastChangedAt: string | null;
	posItemId: string | null;
}

/**
 * inSync / drifted: compared; repaired: Shopify now holds the POS's count (or the drift on top of a sale that
 * landed meanwhile); changedSinceCount: Shopify's stock moved after the POS counts were read, so the
 * difference may be a sale in flight and is not repaired this run; stillChanging: Shopify refused every
 * attempt because the stock kept changing (compare-and-set); repairFailed: Shopify refused the write for
 * another reason; unmapped: the SKU has no single tracked Shopify item at the location; invalid: the count
 * itself is unusable.
 */
export type DriftStatus = 'inSync' | 'drifted' | 'repaired' | 'changedSinceCount' | 'stillChanging' | 'repairFailed' | 'unmapped' | 'invalid';

export interface RepairResult {
	/** What Shopify holds after the write, as it reported. */
	quantityAfter: number | null;
	/** Writes tried (1 = the first was accepted). */
	attempts: number;
	/** Writes Shopify refused because the stock changed after it was read (CHANGE_FROM_QUANTITY_STALE). */
	casRefusals: number;
	adjustmentGroupId: string | null;
	idempotencyKey: string | null;
}

export interface DriftEntry {
	itemIndex: number;
	status: DriftStatus;
	sku: string | null;
	quantityName: string;
	pos: number | null;
	shopify: number | null;
	/** pos − shopify: what Shopify is short (negative: over) of the POS's count. */
	difference: number | null;
	posLastChangedAt: string | null;
	shopifyLastChangedAt: string | null;
	posItemId: string | null;
	variantId: string | null;
	inventoryItemId: string | null;
	locationId: string | null;
	locationName: string | null;
	repair: RepairResult | null;
	error: { code: string; message: string } | null;
}

export interface ReconcileSummary {
	counted: number;
	inSync: number;
	drifted: number;
	repaired: number;
	unmapped: number;
	invalid: number;
	notRepaired: number;
	casRefusals: number;
	calls: number;
}
