import { isObject, type Reply } from '../../routeContext';
import type { LoyverseCatalog, LoyverseVariant } from './catalog';
import { invalid, loyverseError } from './errors';
import type { LoyverseIds } from './ids';
import { isReply, page, readCursor, readLimit, readTime } from './paging';
import type { LoyverseStores } from './stores';

type Json = Record<string, unknown>;

/** One line of a receipt being made: the variant (when known), quantity, price, and what the caller sent. */
export interface ReceiptLineInput {
	variant?: LoyverseVariant;
	variantId?: unknown;
	quantity: number;
	price?: number;
	sent?: Json;
}

/** What makes a receipt besides its lines: who made it, where, and how it was paid. */
export interface ReceiptInput {
	type: 'SALE' | 'REFUND';
	refundFor?: string | null;
	source: string;
	storeId: unknown;
	posDeviceId: string | null;
	lines: ReceiptLineInput[];
	/** The caller's payments (API), or one payment type paying the total (register). */
	payments: Json[] | { payment_type_id: string; name: string; type: string };
	/** The rest of the caller's body (API receipts keep every field they were sent). */
	sent?: Json;
}

const money = (amount: number) => Math.round(amount * 100) / 100;

interface StoredReceipt {
	seq: number;
	receipt: Json;
}

/** Every receipt of the merchant (API and register), newest first when listed. */
export class LoyverseReceipts {
	private receipts: StoredReceipt[] = [];
	private sequence = 0;

	constructor(
		private readonly ids: LoyverseIds,
		private readonly timestamp: () => string,
		private readonly now: () => number,
		private readonly catalog: LoyverseCatalog,
		private readonly stores: LoyverseStores,
	) {}

	reset(): void {
		this.receipts = [];
	}

	all(): Json[] {
		return this.receipts.map((stored) => stored.receipt);
	}

	find(receiptNumber: string): Json | undefined {
		return this.receipts.find((stored) => stored.receipt.receipt_number === receiptNumber)?.receipt;
	}

	/** Builds, numbers and stores a receipt: lines priced from the catalog unless a price was sent. */
	add(input: ReceiptInput): Json {
		const at = this.timestamp();
		const lines = input.lines.map((line) => this.line(line));
		const total = money(lines.reduce((sum, line) => sum + Number(line.total_money), 0));
		const sent = input.sent ?? {};
		const receipt: Json = {
			...sent,
			receipt_number: this.ids.receiptNumber(),
			receipt_type: input.type,
			refund_for: input.refundFor ?? null,
			order: sent.order ?? null,
			note: sent.note ?? null,
			source: input.source,
			receipt_date: typeof sent.receipt_date === 'string' ? sent.receipt_date : at,
			created_at: at,
			updated_at: at,
			cancelled_at: null,
			store_id: input.storeId,
			pos_device_id: input.posDeviceId,
			total_money: total,
			line_items: lines,
			payments: this.payments(input.payments, total, at),
		};
		this.receipts.push({ seq: ++this.sequence, receipt });
		return receipt;
	}

	private line(line: ReceiptLineInput): Json {
		const variant = line.variant;
		const price = typeof line.price === 'number' ? line.price : (variant?.default_price ?? 0);
		const computed = {
			id: this.ids.uuid('line'),
			item_id: variant?.item_id ?? null,
			variant_id: variant?.variant_id ?? line.variantId ?? null,
			sku: variant?.sku ?? null,
			item_name: variant ? (this.catalog.item(variant.item_id)?.item_name ?? null) : null,
			variant_name: variant?.option1_value ?? null,
			quantity: line.quantity,
			price,
			total_money: money(price * line.quantity),
		};
		return { ...computed, ...(line.sent ?? {}) };
	}

	private payments(payments: ReceiptInput['payments'], total: number, at: string): Json[] {
		if (!Array.isArray(payments)) return [{ ...payments, money_amount: total, paid_at: at }];
		return payments.map((payment) => {
			const known = this.stores.paymentType(payment.payment_type_id);
			return { payment_type_id: payment.payment_type_id, name: known?.name ?? null, type: known?.type ?? 'OTHER', money_amount: payments.length === 1 ? total : null, paid_at: at, ...payment };
		});
	}

	/**
	 * `GET /v1.0/receipts`, newest first: `store_id`, `source`, `created_at_min/max`, `updated_at_min/max`,
	 * `since_receipt_number`, `limit` (clamped to 1..250), `cursor`. With `historyDays`, older receipts are gone.
	 */
	list(params: URLSearchParams, historyDays: number | null): Reply {
		const read = readCursor(params);
		if (isReply(read)) return read;
		const { query, after } = read;
		const limit = readLimit(query);
		if (isReply(limit)) return limit;
		const filters: Array<(receipt: Json) => boolean> = [];
		for (const [name, field, min] of [['created_at_min', 'created_at', true], ['created_at_max', 'created_at', false], ['updated_at_min', 'updated_at', true], ['updated_at_max', 'updated_at', false]] as const) {
			const at = readTime(query, name);
			if (isReply(at)) return at;
			if (at !== null) filters.push((receipt) => (min ? Date.parse(String(receipt[field])) >= at : Date.parse(String(receipt[field])) <= at));
		}
		for (const name of ['store_id', 'source'] as const) {
			const value = query.get(name);
			if (value !== null) filters.push((receipt) => receipt[name] === value);
		}
		const since = this.sinceSeq(query.get('since_receipt_number'));
		if (isReply(since)) return since;
		if (historyDays !== null) filters.push((receipt) => Date.parse(String(receipt.created_at)) >= this.now() - historyDays * 86_400_000);
		const matching = this.receipts.filter((stored) => stored.seq > since && filters.every((filter) => filter(stored.receipt))).reverse();
		const { items, cursor } = page(matching, (stored) => stored.seq, after, limit, query, true);
		return { status: 200, body: { receipts: items.map((stored) => stored.receipt), ...(cursor ? { cursor } : {}) } };
	}

	private sinceSeq(receiptNumber: string | null): number | Reply {
		if (receiptNumber === null || receiptNumber === '') return 0;
		const stored = this.receipts.find((candidate) => candidate.receipt.receipt_number === receiptNumber);
		return stored ? stored.seq : invalid('since_receipt_number', `Receipt ${receiptNumber} not found`);
	}

	/** `GET /v1.0/receipts/{receipt_number}`. */
	get(receiptNumber: string): Reply {
		const receipt = this.find(receiptNumber);
		return receipt ? { status: 200, body: receipt } : loyverseError(404, 'NOT_FOUND', `Receipt ${receiptNumber} not found`, 'receipt_number');
	}
}

/** Checks the API receipt body as the route always has: store_id, line_items and payments are required. */
export function checkReceiptBody(body: unknown): Reply | null {
	if (!isObject(body) || typeof body.store_id !== 'string' || !Array.isArray(body.line_items) || body.line_items.length === 0) {
		return loyverseError(400, 'MISSING_REQUIRED_PARAMETER', 'store_id and line_items are required', 'store_id');
	}
	if (!Array.isArray(body.payments) || body.payments.length === 0 || !body.payments.every((payment) => isObject(payment) && typeof payment.payment_type_id === 'string')) {
		return loyverseError(400, 'MISSING_REQUIRED_PARAMETER', 'payments (each with a payment_type_id) are required', 'payments');
	}
	for (const [index, line] of (body.line_items as unknown[]).entries()) {
		if (!isObject(line)) return loyverseError(400, 'INCORRECT_VALUE_TYPE', 'line_items must be objects', `line_items[${index}]`);
		if (line.quantity !== undefined && (typeof line.quantity !== 'number' || !Number.isFinite(line.quantity))) return loyverseError(400, 'INCORRECT_VALUE_TYPE', 'quantity must be a number', `line_items[${index}].quantity`);
	}
	if (body.receipt_type !== undefined && body.receipt_type !== 'SALE' && body.receipt_type !== 'REFUND') return invalid('receipt_type', 'receipt_type must be SALE or REFUND');
	return null;
}

/** With the `receiptsCheckIds` knob: the first store, variant or payment type id the merchant does not have, as a 404. */
export function unknownReceiptId(body: Json, known: { store(id: unknown): boolean; variant(id: unknown): boolean; paymentType(id: unknown): boolean }): Reply | null {
	if (!known.store(body.store_id)) return loyverseError(404, 'NOT_FOUND', `Store ${String(body.store_id)} not found`, 'store_id');
	for (const [index, line] of (body.line_items as Json[]).entries()) {
		if (!known.variant(line.variant_id)) return loyverseError(404, 'NOT_FOUND', `Variant ${String(line.variant_id)} not found`, `line_items[${index}].variant_id`);
	}
	for (const [index, payment] of (body.payments as Json[]).entries()) {
		if (!known.paymentType(payment.payment_type_id)) return loyverseError(404, 'NOT_FOUND', `Payment type ${String(payment.payment_type_id)} not found`, `payments[${index}].payment_type_id`);
	}
	return null;
}
