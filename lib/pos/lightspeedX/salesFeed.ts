import type { StockChangesPage } from '../inventory/inventoryVendor';
import type { PosStockChange } from '../inventory/posStockChange';
import { isOwnInvoice } from './invoiceNumber';

/**
 * Stock changes from Lightspeed X sales (2.0 shape): a sale that took stock (CLOSED, and the on-account and
 * lay-by closes) takes each line's quantity off the outlet, a return line (negative quantity) puts it back,
 * and a VOIDED sale puts its lines back (https://docs.vendhq.com/docs/sales_statuses). A parked (SAVED) sale
 * moves nothing here; its stock effect is unconfirmed. Keys are stable per sale line and effect, so a sale
 * read again (an edit gives it a new version) is the same change.
 *
 * A sale moved stock when it was made, and a void when it was voided: each is a change only when that time
 * is at or after `from`, since the version feed has handed over every earlier one in an earlier run. Sales
 * on the Shopify register, or with this package's invoice number, are its own and left out.
 */
const TAKES_STOCK = new Set(['CLOSED', 'ONACCOUNT', 'ONACCOUNT_CLOSED', 'LAYBY_CLOSED']);

interface RawLine {
	id?: unknown;
	product_id?: unknown;
	quantity?: unknown;
}

export interface RawSale {
	id?: unknown;
	outlet_id?: unknown;
	register_id?: unknown;
	invoice_number?: unknown;
	status?: unknown;
	line_items?: unknown;
	sale_date?: unknown;
	created_at?: unknown;
	updated_at?: unknown;
}

function isoOf(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const ms = Date.parse(value);
	return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

function lineChanges(sale: RawSale, outletId: string, effect: 'sold' | 'void', at: string): PosStockChange[] {
	const lines = Array.isArray(sale.line_items) ? (sale.line_items as RawLine[]) : [];
	return lines.flatMap((line) => {
		const quantity = typeof line.quantity === 'number' ? line.quantity : Number(line.quantity);
		if (typeof line.product_id !== 'string' || typeof line.id !== 'string' || !Number.isFinite(quantity) || quantity === 0) return [];
		return [{
			key: `${String(sale.id)}:${line.id}:${effect}`,
			kind: 'delta' as const,
			itemId: line.product_id,
			locationId: outletId,
			quantity: effect === 'sold' ? -quantity : quantity,
			fromState: null,
			toState: effect === 'sold' ? 'SOLD' : 'VOIDED',
			occurredAt: effect === 'sold' ? (isoOf(sale.sale_date) ?? at) : at,
			createdAt: at,
			referenceId: typeof sale.invoice_number === 'string' ? sale.invoice_number : null,
		}];
	});
}

export function salesStockChanges(sales: RawSale[], outletId: string, ownRegisterId: string, from: string): Omit<StockChangesPage, 'position'> {
	const page: Omit<StockChangesPage, 'position'> = { changes: [], ownChangeIds: [], seen: [] };
	const fromMs = Date.parse(from);
	for (const sale of sales) {
		if (typeof sale.id !== 'string' || sale.outlet_id !== outletId) continue;
		const status = typeof sale.status === 'string' ? sale.status.toUpperCase() : '';
		const made = isoOf(sale.created_at);
		const voided = status === 'VOIDED' ? isoOf(sale.updated_at) : null;
		const effects: Array<['sold' | 'void', string | null]> = [
			['sold', TAKES_STOCK.has(status) || status === 'VOIDED' ? made : null],
			['void', voided],
		];
		const own = sale.register_id === ownRegisterId || isOwnInvoice(sale.invoice_number);
		for (const [effect, at] of effects) {
			if (at === null || Date.parse(at) < fromMs) continue;
			const changes = lineChanges(sale, outletId, effect, at);
			page.seen.push(...changes.map((change) => ({ id: change.key, createdAt: at })));
			if (own) page.ownChangeIds.push(...changes.map((change) => change.key));
			else page.changes.push(...changes);
		}
	}
	return page;
}
