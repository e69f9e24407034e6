import { bodyHashId } from './bodyHash';
import { isoTime, isRecord, quantityOf, recordsOf, soleValue, textOf, uniqueTexts, type JsonRecord, type PosEvent, type PosStockLevel } from './posEvent';

function stockLevelsOf(object: JsonRecord): PosStockLevel[] | undefined {
	if (!Array.isArray(object.inventory_counts)) return undefined;
	return recordsOf(object.inventory_counts).map((count) => ({
		itemId: textOf(count.catalog_object_id) ?? '',
		locationId: textOf(count.location_id),
		state: textOf(count.state) ?? '',
		quantity: quantityOf(count.quantity),
		calculatedAt: textOf(count.calculated_at),
	}));
}

/** The entity record inside `data.object` (`order_created`, `order_updated`, …), when there is exactly one. */
function entityOf(object: JsonRecord): JsonRecord | undefined {
	const records = Object.values(object).filter(isRecord);
	return records.length === 1 ? records[0] : undefined;
}

/**
 * A Square event notification: `{merchant_id, type, event_id, created_at, data: {type, id, object}}`
 * (https://developer.squareup.com/docs/webhooks). Square tells apps to dedupe on `event_id`.
 * `inventory.count.updated` carries up to 100 absolute counts in `data.object.inventory_counts`, two per
 * state change (from and to); `order.*` events carry only the order id, location, state and version.
 */
export function readSquareEvent(body: unknown, rawBody: Buffer, receivedAt: string): PosEvent {
	const root = isRecord(body) ? body : {};
	const data = isRecord(root.data) ? root.data : {};
	const object = isRecord(data.object) ? data.object : {};
	const stockLevels = stockLevelsOf(object);
	const entity = entityOf(object);
	const objectIds = stockLevels ? uniqueTexts(stockLevels.map((level) => level.itemId || null)) : uniqueTexts([textOf(data.id)]);
	const locationId =
		textOf(root.location_id) ?? (stockLevels ? soleValue(stockLevels.map((level) => level.locationId)) : textOf(entity?.location_id));
	return {
		vendor: 'square',
		eventId: textOf(root.event_id) ?? bodyHashId(rawBody),
		eventType: textOf(root.type),
		occurredAt: isoTime(root.created_at, receivedAt),
		merchantId: textOf(root.merchant_id),
		locationId,
		objectIds,
		...(stockLevels ? { stockLevels } : {}),
		body,
	};
}
