/**
 * What the POS's stock must do for one Shopify order event, once: the `stockChanges` the Shopify nodes put
 * on every POS-ready item. Read here from an input item, checked field by field, so a hand-built item or a
 * mapping mistake gets an error naming the field instead of a wrong stock move.
 */
// One shape, defined where the Shopify nodes make it; the POS side reads and checks it.
import type { StockChange, StockChangeCause } from '../../shopify/orders/stockChanges/stockChange';
import { InputError } from '../../packageError';

export type { StockChange } from '../../shopify/orders/stockChanges/stockChange';

export class StockChangeInputError extends InputError {
	constructor(message: string) {
		super(message, 'INVALID_STOCK_CHANGE');
	}
}

const CAUSES: StockChangeCause[] = ['sale', 'edit', 'restock'];

function field(change: Record<string, unknown>, name: string, index: number, check: (value: unknown) => boolean, expected: string): unknown {
	const value = change[name];
	if (!check(value)) {
		throw new StockChangeInputError(`stockChanges[${index}].${name} must be ${expected}, got ${JSON.stringify(value) ?? 'nothing'}.`);
	}
	return value;
}

const isText = (value: unknown) => typeof value === 'string' && value.trim() !== '';

function readOne(raw: unknown, index: number): StockChange {
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new StockChangeInputError(`stockChanges[${index}] is not an object.`);
	const change = raw as Record<string, unknown>;
	const occurredAt = field(change, 'occurredAt', index, (value) => isText(value) && !Number.isNaN(Date.parse(value as string)), 'an ISO-8601 time') as string;
	return {
		key: field(change, 'key', index, isText, 'a non-empty text') as string,
		sku: field(change, 'sku', index, (value) => value === null || typeof value === 'string', 'a text or null') as string | null,
		quantity: field(change, 'quantity', index, (value) => Number.isInteger(value), 'a whole number') as number,
		lineItemId: field(change, 'lineItemId', index, isText, 'a Shopify line item id') as string,
		orderId: field(change, 'orderId', index, isText, 'a Shopify order id') as string,
		orderName: (typeof change.orderName === 'string' ? change.orderName : null) as string | null,
		cause: field(change, 'cause', index, (value) => CAUSES.includes(value as StockChangeCause), `one of ${CAUSES.join(', ')}`) as StockChangeCause,
		occurredAt,
		reference: typeof change.reference === 'string' ? change.reference : '',
	};
}

/** The item's `stockChanges`, checked. An item without the field is an error that says where it comes from. */
export function readStockChanges(json: Record<string, unknown>): StockChange[] {
	const raw = json.stockChanges;
	if (!Array.isArray(raw)) {
		throw new StockChangeInputError(
			'The item has no stockChanges list. Connect this node to a Shopify Order Trigger, Shopify Order Polling Trigger or Shopify Get Orders (POS-ready output).',
		);
	}
	const changes = raw.map(readOne);
	const seen = new Set<string>();
	for (const change of changes) {
		if (seen.has(change.key)) throw new StockChangeInputError(`stockChanges has the key "${change.key}" twice; each change needs its own key.`);
		seen.add(change.key);
	}
	return changes;
}

/** `gid://shopify/Order/123` → `123`; other text as it is. */
export function legacyIdOf(id: string): string {
	const match = /^gid:\/\/shopify\/[^/]+\/([^/?]+)/.exec(id);
	return match ? match[1] : id;
}
