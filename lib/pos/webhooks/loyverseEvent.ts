import { bodyHashId } from './bodyHash';
import { isoTime, isRecord, quantityOf, recordsOf, soleValue, textOf, uniqueTexts, type PosEvent, type PosStockLevel } from './posEvent';

/** Where each Loyverse webhook type lists its objects, and the field that names each one (POS-VENDORS.md 4.4). */
const OBJECT_LISTS: ReadonlyArray<[list: string, idField: string]> = [
	['inventory_levels', 'variant_id'],
	['receipts', 'receipt_number'],
	['items', 'id'],
	['customers', 'id'],
	['shifts', 'id'],
];

/**
 * A Loyverse webhook: `{merchant_id, type, created_at, <list>: [...]}` with full objects, e.g.
 * `inventory_levels.update` → `inventory_levels: [{variant_id, store_id, in_stock, updated_at}]`. Loyverse
 * sends no event id, so a repeat is recognised by a hash of the verified body.
 */
export function readLoyverseEvent(body: unknown, rawBody: Buffer, receivedAt: string): PosEvent {
	const root = isRecord(body) ? body : {};
	const listed = OBJECT_LISTS.find(([list]) => Array.isArray(root[list]));
	const objects = listed ? recordsOf(root[listed[0]]) : [];
	const objectIds = listed ? uniqueTexts(objects.map((object) => textOf(object[listed[1]]))) : [];
	const stockLevels: PosStockLevel[] | undefined =
		listed?.[0] === 'inventory_levels'
			? objects.map((level) => ({
					itemId: textOf(level.variant_id) ?? '',
					locationId: textOf(level.store_id),
					state: 'in_stock',
					quantity: quantityOf(level.in_stock),
					calculatedAt: textOf(level.updated_at) ?? textOf(root.created_at),
				}))
			: undefined;
	return {
		vendor: 'loyverse',
		eventId: bodyHashId(rawBody),
		eventType: textOf(root.type),
		occurredAt: isoTime(root.created_at, receivedAt),
		merchantId: textOf(root.merchant_id),
		locationId: soleValue(objects.map((object) => textOf(object.store_id))),
		objectIds,
		...(stockLevels ? { stockLevels } : {}),
		body,
	};
}
