import { exactIdText } from '../exactIdJson';
import { gidFromNumericId, utcTimestamp } from '../ids';
import { editKey } from './stockChangeKeys';
import type { StockChange } from './stockChange';

interface RestEditLine {
	id?: number | string;
	delta?: number;
}

/**
 * The `order_edit` object of an orders/edited payload (the same shape in every version from 2023-07 to
 * 2026-07; `committed_at` since 2024-07), read with exact ids. Lines are named by id only, with a positive
 * `delta` under `additions` (units added: a new line or a raised quantity) or `removals` (units taken off).
 */
export interface RestOrderEdit {
	id?: number | string;
	order_id?: number | string;
	created_at?: string | null;
	committed_at?: string | null;
	line_items?: { additions?: RestEditLine[]; removals?: RestEditLine[] } | null;
}

/** What the order's lines say that the edit payload does not: the SKU of each line, and the order's name. */
export interface EditedOrderLines {
	orderName: string | null;
	/** SKU by line item GID; a line Shopify did not return is absent (its change then has no SKU). */
	skus: Map<string, string | null>;
}

export interface OrderEditSubject {
	editId: string;
	orderId: string;
	/** Net units per line item GID: negative = added to the order (stock leaves the POS), positive = removed. */
	deltas: Map<string, number>;
	occurredAt: string;
}

/** Reads the edit: which order, which lines, by how much; throws naming the field when an id is unusable. */
export function readOrderEdit(payload: { order_edit?: RestOrderEdit } | RestOrderEdit): OrderEditSubject {
	const edit = ('order_edit' in payload && payload.order_edit ? payload.order_edit : payload) as RestOrderEdit;
	const editId = exactIdText(edit.id);
	const orderId = gidFromNumericId('Order', exactIdText(edit.order_id));
	if (!editId) throw new Error('The order edit has no usable id (order_edit.id).');
	if (!orderId) throw new Error(`Order edit ${editId} names no usable order (order_edit.order_id).`);
	const deltas = new Map<string, number>();
	const add = (line: RestEditLine, sign: number, list: string) => {
		const lineItemId = gidFromNumericId('LineItem', exactIdText(line.id));
		if (!lineItemId) throw new Error(`Order edit ${editId} has a line without a usable id (line_items.${list}[].id).`);
		deltas.set(lineItemId, (deltas.get(lineItemId) ?? 0) + sign * Math.abs(line.delta ?? 0));
	};
	for (const line of edit.line_items?.additions ?? []) add(line, -1, 'additions');
	for (const line of edit.line_items?.removals ?? []) add(line, 1, 'removals');
	return { editId, orderId, deltas, occurredAt: utcTimestamp(edit.committed_at ?? edit.created_at ?? null) ?? '' };
}

/** One edit change per line whose units changed, netted per line (a line both added to and taken from nets out). */
export function editChanges(subject: OrderEditSubject, lines: EditedOrderLines): StockChange[] {
	const orderLabel = lines.orderName ? `order ${lines.orderName}` : `order ${subject.orderId.split('/').pop()}`;
	const changes: StockChange[] = [];
	for (const [lineItemId, quantity] of subject.deltas) {
		if (quantity === 0) continue;
		const lineLegacyId = lineItemId.split('/').pop()!;
		changes.push({
			key: editKey(subject.editId, lineLegacyId),
			sku: lines.skus.get(lineItemId) || null,
			quantity,
			lineItemId,
			orderId: subject.orderId,
			orderName: lines.orderName,
			cause: 'edit',
			occurredAt: subject.occurredAt,
			reference: `Shopify ${orderLabel} edit ${subject.editId}, line ${lineLegacyId}`,
		});
	}
	return changes;
}
