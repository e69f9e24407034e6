import type { StockChangesPage } from '../inventory/inventoryVendor';
import type { PosStockChange } from '../inventory/posStockChange';

/**
 * Stock changes from Clover orders (`GET …/orders?filter=modifiedTime>=…&expand=lineItems`; Clover: "Query with the
 * modifiedTime filters", https://docs.clover.com/docs/api-usage-rate-limits). A paid order takes each line's item
 * off (a line is one unit, or `unitQty` thousandths); a refunded line puts it back. Clover's order `state` is not
 * reliable, its `paymentState` is (POS-VENDORS.md 3.4): orders never paid moved nothing. A sale counts when the
 * order was made at or after `from`; a refund when the order is seen refunded with a change time at or after it
 * (Clover's order carries no refund time; an order changed again later names its refund again, under the same key,
 * which Shopify Adjust Inventory applies once). This package makes no orders (its writes set counts).
 */
const PAID = new Set(['PAID', 'PARTIALLY_REFUNDED', 'REFUNDED']);

interface RawLine {
	id?: unknown;
	item?: { id?: unknown };
	unitQty?: unknown;
	refunded?: unknown;
}

export interface RawOrder {
	id?: unknown;
	paymentState?: unknown;
	createdTime?: unknown;
	modifiedTime?: unknown;
	lineItems?: { elements?: unknown };
}

const iso = (ms: unknown) => (typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms).toISOString() : null);

function lineChange(order: RawOrder, line: RawLine, merchantId: string, effect: 'sale' | 'refund', at: string): PosStockChange[] {
	if (typeof line.id !== 'string' || typeof line.item?.id !== 'string') return [];
	const units = typeof line.unitQty === 'number' ? line.unitQty / 1000 : 1;
	return [{ key: `${String(order.id)}:${line.id}:${effect}`, kind: 'delta', itemId: line.item.id, locationId: merchantId, quantity: effect === 'sale' ? -units : units, fromState: null, toState: effect.toUpperCase(), occurredAt: at, createdAt: at, referenceId: String(order.id) }];
}

export function orderStockChanges(orders: RawOrder[], merchantId: string, from: string): Omit<StockChangesPage, 'position'> {
	const page: Omit<StockChangesPage, 'position'> = { changes: [], ownChangeIds: [], seen: [] };
	const fromMs = Date.parse(from);
	for (const order of orders) {
		if (typeof order.id !== 'string' || !PAID.has(String(order.paymentState))) continue;
		const lines = Array.isArray(order.lineItems?.elements) ? (order.lineItems.elements as RawLine[]) : [];
		const made = iso(order.createdTime);
		const changed = iso(order.modifiedTime);
		for (const line of lines) {
			const effects: Array<['sale' | 'refund', string | null]> = [
				['sale', made],
				['refund', line.refunded === true ? changed : null],
			];
			for (const [effect, at] of effects) {
				if (at === null || Date.parse(at) < fromMs) continue;
				const changes = lineChange(order, line, merchantId, effect, at);
				page.changes.push(...changes);
				page.seen.push(...changes.map((change) => ({ id: change.key, createdAt: at })));
			}
		}
	}
	page.changes.sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''));
	return page;
}
