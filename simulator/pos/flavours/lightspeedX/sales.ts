import type { LightspeedIds } from './ids';
import type { InventoryRecord, LightspeedInventory } from './inventory';
import { lineTotal } from './money';
import type { LightspeedVersions } from './versions';

export type SaleStatus = 'CLOSED' | 'SAVED' | 'VOIDED';

/** A sale line; money and quantities in 0.00001 units (money.ts). */
export interface SaleLine {
	id: string;
	productId: string;
	quantity: number;
	/** Unit price excluding tax. */
	price: number;
	taxId: string;
	/** Tax per unit. */
	tax: number;
	/** price × quantity, rounded half up to cents. */
	total: number;
	/** tax × quantity, rounded half up to cents. */
	taxTotal: number;
}

export interface SalePayment {
	id: string;
	paymentTypeId: string;
	amount: number;
}

export interface Sale {
	id: string;
	invoiceNumber: string;
	status: SaleStatus;
	outletId: string;
	registerId: string;
	userId: string;
	note: string;
	lines: SaleLine[];
	payments: SalePayment[];
	totalPrice: number;
	totalTax: number;
	totalPayment: number;
	saleDate: string;
	createdAt: string;
	updatedAt: string;
	version: number;
}

/** A sale to record, already checked: who, where, what, and how it was paid. */
export interface SaleDraft {
	userId: string;
	registerId: string;
	outletId: string;
	status: 'CLOSED' | 'SAVED';
	invoiceNumber?: string;
	note?: string;
	lines: Array<Pick<SaleLine, 'productId' | 'quantity' | 'price' | 'taxId' | 'tax'>>;
	payments: Array<Pick<SalePayment, 'paymentTypeId' | 'amount'>>;
}

/** Totals of checked lines: Σ line totals and Σ line taxes, each line rounded to cents first. */
export function saleTotals(lines: SaleDraft['lines']): { totalPrice: number; totalTax: number } {
	let totalPrice = 0;
	let totalTax = 0;
	for (const line of lines) {
		totalPrice += lineTotal(line.price, line.quantity);
		totalTax += lineTotal(line.tax, line.quantity);
	}
	return { totalPrice, totalTax };
}

/**
 * The retailer's sales. A CLOSED sale takes its lines out of the register's outlet (a negative quantity, a
 * return, puts them back); a SAVED (parked) one moves nothing; voiding a CLOSED sale returns its lines.
 * Sale creation is not idempotent: every call records a new sale.
 */
export class LightspeedSales {
	private list: Sale[] = [];
	private invoiceSequence = 0;

	constructor(
		private readonly ids: LightspeedIds,
		private readonly versions: LightspeedVersions,
		private readonly inventory: LightspeedInventory,
		private readonly timestamp: () => string,
	) {}

	all(): Sale[] {
		return this.list;
	}

	byId(id: unknown): Sale | undefined {
		return this.list.find((sale) => sale.id === id);
	}

	invoiceUsed(invoiceNumber: string): boolean {
		return this.list.some((sale) => sale.invoiceNumber === invoiceNumber);
	}

	/** The next generated invoice number: an increasing integer, skipping any a caller already took. */
	private nextInvoiceNumber(): string {
		let candidate: string;
		do candidate = String(++this.invoiceSequence);
		while (this.invoiceUsed(candidate));
		return candidate;
	}

	create(draft: SaleDraft): { sale: Sale; touched: InventoryRecord[] } {
		const at = this.timestamp();
		const lines = draft.lines.map((line) => ({ ...line, id: this.ids.uuid('line'), total: lineTotal(line.price, line.quantity), taxTotal: lineTotal(line.tax, line.quantity) }));
		const payments = draft.payments.map((payment) => ({ ...payment, id: this.ids.uuid('payment') }));
		const sale: Sale = {
			id: this.ids.uuid('sale'),
			invoiceNumber: draft.invoiceNumber ?? this.nextInvoiceNumber(),
			status: draft.status,
			outletId: draft.outletId,
			registerId: draft.registerId,
			userId: draft.userId,
			note: draft.note ?? '',
			lines,
			payments,
			...saleTotals(lines),
			totalPayment: payments.reduce((sum, payment) => sum + payment.amount, 0),
			saleDate: at,
			createdAt: at,
			updatedAt: at,
			version: this.versions.next(),
		};
		this.list.push(sale);
		return { sale, touched: sale.status === 'CLOSED' ? this.moveStock(sale, -1) : [] };
	}

	/** VOIDED: a CLOSED sale's lines come back into stock; the sale gets a new version. */
	void(sale: Sale): InventoryRecord[] {
		const touched = sale.status === 'CLOSED' ? this.moveStock(sale, 1) : [];
		sale.status = 'VOIDED';
		sale.updatedAt = this.timestamp();
		sale.version = this.versions.next();
		return touched;
	}

	/** Each line's product at the sale's outlet, by quantity × direction; a record touched twice is listed once. */
	private moveStock(sale: Sale, direction: 1 | -1): InventoryRecord[] {
		const touched = new Set<InventoryRecord>();
		for (const line of sale.lines) touched.add(this.inventory.move(line.productId, sale.outletId, direction * line.quantity));
		return [...touched];
	}

	reset(): void {
		this.list = [];
		this.invoiceSequence = 0;
	}
}
