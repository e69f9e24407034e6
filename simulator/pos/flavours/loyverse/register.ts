import { isObject, type Reply } from '../../routeContext';
import type { LoyverseVariant } from './catalog';
import { invalid, missing, notFound } from './errors';
import type { ReceiptLineInput } from './receipts';
import type { LoyverseSimulation } from './simulation';

type Json = Record<string, unknown>;

/** A line as the control API takes it: the variant by SKU (as the cashier scans it) or by id. */
interface ScannedLine {
	sku?: string;
	variantId?: string;
	quantity?: number;
	count?: number;
}

const SOURCE = 'Loyverse POS';

/**
 * What happens in the shop, outside any API caller: a sale rung up in the Loyverse POS app (paid cash), a
 * refund of one, a back-office stock recount. Each moves stock and sends webhooks the way Loyverse does for
 * its own apps. (Control API for tests; not Loyverse's.)
 */
export class LoyverseRegister {
	constructor(private readonly sim: LoyverseSimulation) {}

	private storeId(json: Json): string | Reply {
		if (json.storeId === undefined) return this.sim.stores.main().id;
		return this.sim.stores.find(json.storeId) ? (json.storeId as string) : notFound(`Store ${String(json.storeId)} not found`, 'storeId');
	}

	private scan(lines: unknown, name: 'lines' | 'counts', amount: 'quantity' | 'count'): Array<{ variant: LoyverseVariant; amount: number }> | Reply {
		if (!Array.isArray(lines) || lines.length === 0) return missing(name);
		const scanned = [];
		for (const [index, line] of (lines as unknown[]).entries()) {
			if (!isObject(line)) return invalid(`${name}[${index}]`, 'each line is an object');
			const variant = this.sim.catalog.scan(line as ScannedLine);
			if (!variant) return notFound(`No single live variant has ${line.variantId !== undefined ? `id ${String(line.variantId)}` : `SKU ${String(line.sku)}`}`, `${name}[${index}]`);
			const value = line[amount];
			if (typeof value !== 'number' || !Number.isFinite(value) || (amount === 'quantity' && value <= 0)) return invalid(`${name}[${index}].${amount}`, `${amount} must be a ${amount === 'quantity' ? 'positive ' : ''}number`);
			scanned.push({ variant, amount: value });
		}
		return scanned;
	}

	/** A SALE rung up in the POS app at the store's prices, paid cash: stock down, receipts.update and inventory_levels.update. */
	sale(json: Json): Reply {
		const storeId = this.storeId(json);
		if (typeof storeId !== 'string') return storeId;
		const scanned = this.scan(json.lines, 'lines', 'quantity');
		if (!Array.isArray(scanned)) return scanned;
		const cash = this.sim.stores.cash();
		const lines: ReceiptLineInput[] = scanned.map(({ variant, amount }) => ({ variant, quantity: amount }));
		const receipt = this.sim.ringUp({ type: 'SALE', source: SOURCE, storeId, posDeviceId: this.sim.posDeviceId, lines, payments: { payment_type_id: cash.id, name: cash.name, type: cash.type } }, true);
		return { status: 200, body: { receipt } };
	}

	/**
	 * A REFUND of a receipt (`refund_for`), of the lines named or else of everything not yet refunded, at the
	 * prices sold: stock back at the receipt's store.
	 */
	refund(json: Json): Reply {
		const original = typeof json.receiptNumber === 'string' ? this.sim.receipts.find(json.receiptNumber) : undefined;
		if (!original || original.receipt_type !== 'SALE') return notFound(`No SALE receipt ${String(json.receiptNumber)}`, 'receiptNumber');
		const refundable = this.refundable(original);
		let wanted: Array<{ variant: LoyverseVariant; amount: number }>;
		if (json.lines === undefined) {
			wanted = [...refundable.values()].filter((line) => line.left > 0).map((line) => ({ variant: line.variant, amount: line.left }));
		} else {
			const scanned = this.scan(json.lines, 'lines', 'quantity');
			if (!Array.isArray(scanned)) return scanned;
			wanted = scanned;
		}
		if (wanted.length === 0) return invalid('receiptNumber', `Receipt ${original.receipt_number as string} is already refunded in full`);
		for (const [index, { variant, amount }] of wanted.entries()) {
			if (amount > (refundable.get(variant.variant_id)?.left ?? 0)) return invalid(`lines[${index}].quantity`, `At most ${refundable.get(variant.variant_id)?.left ?? 0} of ${variant.sku} can still be refunded`);
		}
		const payment = (original.payments as Json[])[0];
		const lines = wanted.map(({ variant, amount }) => ({ variant, quantity: amount, price: refundable.get(variant.variant_id)!.price }));
		const receipt = this.sim.ringUp(
			{ type: 'REFUND', refundFor: original.receipt_number as string, source: SOURCE, storeId: original.store_id, posDeviceId: this.sim.posDeviceId, lines, payments: { payment_type_id: payment.payment_type_id as string, name: payment.name as string, type: payment.type as string } },
			true,
		);
		return { status: 200, body: { receipt } };
	}

	/** Per variant of a SALE receipt: its price and the quantity sold less what earlier refunds took back. */
	private refundable(original: Json): Map<string, { variant: LoyverseVariant; price: number; left: number }> {
		const left = new Map<string, { variant: LoyverseVariant; price: number; left: number }>();
		for (const line of original.line_items as Json[]) {
			const variant = this.sim.catalog.variant(line.variant_id);
			if (!variant) continue;
			const entry = left.get(variant.variant_id) ?? { variant, price: Number(line.price), left: 0 };
			entry.left += Number(line.quantity);
			left.set(variant.variant_id, entry);
		}
		for (const refund of this.sim.receipts.all().filter((receipt) => receipt.refund_for === original.receipt_number)) {
			for (const line of refund.line_items as Json[]) {
				const entry = left.get(line.variant_id as string);
				if (entry) entry.left -= Number(line.quantity);
			}
		}
		return left;
	}

	/** A back-office recount to absolute counts: inventory_levels.update. */
	recount(json: Json): Reply {
		const storeId = this.storeId(json);
		if (typeof storeId !== 'string') return storeId;
		const scanned = this.scan(json.counts, 'counts', 'count');
		if (!Array.isArray(scanned)) return scanned;
		const levels = this.sim.setLevels(scanned.map(({ variant, amount }) => ({ variant_id: variant.variant_id, store_id: storeId, stock_after: amount })));
		return { status: 200, body: { inventory_levels: levels } };
	}
}
