import type { StockChangesPage } from '../inventory/inventoryVendor';
import type { PosStockChange } from '../inventory/posStockChange';

/**
 * Stock changes from Loyverse receipts (`GET /v1.0/receipts?updated_at_min=`, [3P] POS-VENDORS.md 4.4): a SALE
 * takes each line's quantity off the store, a REFUND puts it back, a cancelled receipt undoes its effect.
 * Keys are stable per receipt line and effect, so a receipt listed again (its update time moved) is the same
 * change. A receipt took its stock when it was made and gave it back when cancelled: each effect is a change
 * only when its own time is at or after `from` (an earlier one was read by an earlier run, whose updated_at
 * window held it). This package never makes receipts (its writes set counts), so none is its own.
 */
interface RawLine {
	id?: unknown;
	variant_id?: unknown;
	quantity?: unknown;
}

export interface RawReceipt {
	receipt_number?: unknown;
	receipt_type?: unknown;
	store_id?: unknown;
	created_at?: unknown;
	cancelled_at?: unknown;
	line_items?: unknown;
}

function isoOf(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const ms = Date.parse(value);
	return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

function lineChanges(receipt: RawReceipt, storeId: string, sign: 1 | -1, effect: string, at: string): PosStockChange[] {
	const lines = Array.isArray(receipt.line_items) ? (receipt.line_items as RawLine[]) : [];
	return lines.flatMap((line, index) => {
		const quantity = Number(line.quantity);
		if (typeof line.variant_id !== 'string' || !Number.isFinite(quantity) || quantity === 0) return [];
		const lineId = typeof line.id === 'string' ? line.id : String(index + 1);
		return [{ key: `${String(receipt.receipt_number)}:${lineId}:${effect}`, kind: 'delta' as const, itemId: line.variant_id, locationId: storeId, quantity: sign * quantity, fromState: null, toState: effect.toUpperCase(), occurredAt: at, createdAt: at, referenceId: String(receipt.receipt_number) }];
	});
}

export function receiptStockChanges(receipts: RawReceipt[], storeId: string, from: string): Omit<StockChangesPage, 'position'> {
	const page: Omit<StockChangesPage, 'position'> = { changes: [], ownChangeIds: [], seen: [] };
	const fromMs = Date.parse(from);
	for (const receipt of receipts) {
		if (typeof receipt.receipt_number !== 'string' || receipt.store_id !== storeId) continue;
		const refund = receipt.receipt_type === 'REFUND';
		const made = isoOf(receipt.created_at);
		const cancelled = isoOf(receipt.cancelled_at);
		const effects: Array<[1 | -1, string, string | null]> = [
			[refund ? 1 : -1, refund ? 'refund' : 'sale', made],
			[refund ? -1 : 1, 'cancel', cancelled],
		];
		for (const [sign, effect, at] of effects) {
			if (at === null || Date.parse(at) < fromMs) continue;
			const changes = lineChanges(receipt, storeId, sign, effect, at);
			page.changes.push(...changes);
			page.seen.push(...changes.map((change) => ({ id: change.key, createdAt: at })));
		}
	}
	// Oldest first, as a person reads them (Loyverse lists newest first); the sort keeps a receipt's lines in order.
	page.changes.sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''));
	return page;
}
