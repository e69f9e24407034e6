/** The vendors the POS Trigger names in its output; `generic` for the Generic HMAC and None presets. */
export const POS_VENDORS = ['square', 'loyverse', 'clover', 'lightspeedX', 'generic'] as const;
export type PosVendor = (typeof POS_VENDORS)[number];

/** One stock count an event carries (Square `inventory.count.updated`, Loyverse `inventory_levels.update`). */
export interface PosStockLevel {
	/** The POS's own item id: Square catalog object (ITEM_VARIATION) id, Loyverse variant id. */
	itemId: string;
	/** Square location id, Loyverse store id. */
	locationId: string | null;
	/** Square's inventory state (IN_STOCK, SOLD, …); `in_stock` for Loyverse, which reports only that. */
	state: string;
	/** The absolute count after the change, as a number (Square sends decimal strings). */
	quantity: number | null;
	calculatedAt: string | null;
}

/** What the trigger emits for one verified, first-seen event. Fields are only ever added. */
export interface PosEvent {
	vendor: PosVendor;
	/** The vendor's event id (Square `event_id`), or a hash of the verified body when the vendor sends none. */
	eventId: string;
	eventType: string | null;
	/** When the vendor says the event happened (UTC ISO-8601), else when the delivery arrived. */
	occurredAt: string;
	merchantId: string | null;
	locationId: string | null;
	/** The ids the event is about (catalog objects, orders, receipts, Clover's prefixed ids such as `I:…`). */
	objectIds: string[];
	stockLevels?: PosStockLevel[];
	/** The delivery's body, parsed (a Lightspeed form with its `payload` field parsed). */
	body: unknown;
}

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function textOf(value: unknown): string | null {
	if (typeof value === 'string' && value !== '') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

export function recordsOf(value: unknown): JsonRecord[] {
	return Array.isArray(value) ? value.filter(isRecord) : [];
}

export function uniqueTexts(values: ReadonlyArray<string | null>): string[] {
	return [...new Set(values.filter((value): value is string => value !== null))];
}

/** A vendor timestamp (ISO text or epoch milliseconds) in UTC ISO-8601; `fallback` when unreadable. */
export function isoTime(value: unknown, fallback: string): string {
	if (typeof value !== 'string' && typeof value !== 'number') return fallback;
	const ms = typeof value === 'number' ? value : Date.parse(value);
	return Number.isFinite(ms) ? new Date(ms).toISOString() : fallback;
}

/** A count as a number: Square sends decimal strings ("21", "1.5"); unreadable → null. */
export function quantityOf(value: unknown): number | null {
	const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	return Number.isFinite(number) ? number : null;
}

/** The one value all entries share, else null (an event spanning two locations names none). */
export function soleValue(values: ReadonlyArray<string | null>): string | null {
	const distinct = uniqueTexts(values);
	return distinct.length === 1 && !values.includes(null) ? distinct[0] : null;
}
