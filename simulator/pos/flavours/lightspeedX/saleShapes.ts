import { money, toNumber } from './money';
import type { Sale } from './sales';

type Json = Record<string, unknown>;

/** The date-versioned shape (`POST /api/{YYYY-MM}/sales`): money as decimal strings, totals with two decimals. */
export function saleDateVersioned(sale: Sale): Json {
	return {
		id: sale.id,
		invoice_number: sale.invoiceNumber,
		state: sale.status.toLowerCase(),
		source: { author_id: sale.userId, register_id: sale.registerId, outlet_id: sale.outletId },
		note: sale.note,
		line_items: sale.lines.map((line) => ({
			id: line.id,
			product: { id: line.productId },
			quantity: toNumber(line.quantity),
			pricing: { price: money(line.price), total_price: money(line.total) },
			tax: { id: line.taxId, amount: money(line.tax), total_amount: money(line.taxTotal) },
		})),
		payments: sale.payments.map((payment) => ({ id: payment.id, payment_type: { id: payment.paymentTypeId }, amount: money(payment.amount) })),
		totals: { total_price: money(sale.totalPrice), total_tax: money(sale.totalTax), total_payment: money(sale.totalPayment) },
		created_at: sale.createdAt,
		updated_at: sale.updatedAt,
		version: sale.version,
	};
}

/** The 2.0 shape (`GET /api/2.0/sales`, search): numbers for money and quantities. */
export function sale20(sale: Sale): Json {
	return {
		id: sale.id,
		outlet_id: sale.outletId,
		register_id: sale.registerId,
		user_id: sale.userId,
		invoice_number: sale.invoiceNumber,
		status: sale.status,
		state: sale.status.toLowerCase(),
		note: sale.note,
		total_price: toNumber(sale.totalPrice),
		total_tax: toNumber(sale.totalTax),
		line_items: sale.lines.map((line) => ({
			id: line.id,
			product_id: line.productId,
			quantity: toNumber(line.quantity),
			price: toNumber(line.price),
			tax: toNumber(line.tax),
			tax_id: line.taxId,
			price_total: toNumber(line.total),
			tax_total: toNumber(line.taxTotal),
		})),
		payments: sale.payments.map((payment) => ({ id: payment.id, payment_type_id: payment.paymentTypeId, amount: toNumber(payment.amount) })),
		sale_date: sale.saleDate,
		created_at: sale.createdAt,
		updated_at: sale.updatedAt,
		version: sale.version,
	};
}

/** "2026-12-01T10:00:00+00:00" → "2026-12-01 10:00:00", the 1.0 API's date form (unconfirmed for webhooks). */
export function date10(timestamp: string): string {
	return timestamp.slice(0, 19).replace('T', ' ');
}

/** The 1.0 shape webhooks carry (`sale.update`'s `payload`). */
export function sale10(sale: Sale): Json {
	return {
		id: sale.id,
		register_id: sale.registerId,
		user_id: sale.userId,
		outlet_id: sale.outletId,
		status: sale.status,
		invoice_number: sale.invoiceNumber,
		note: sale.note,
		sale_date: date10(sale.saleDate),
		register_sale_products: sale.lines.map((line) => ({ id: line.id, product_id: line.productId, quantity: toNumber(line.quantity), price: toNumber(line.price), tax: toNumber(line.tax), tax_id: line.taxId })),
		register_sale_payments: sale.payments.map((payment) => ({ id: payment.id, retailer_payment_type_id: payment.paymentTypeId, amount: toNumber(payment.amount) })),
		totals: { total_price: toNumber(sale.totalPrice), total_tax: toNumber(sale.totalTax), total_payment: toNumber(sale.totalPayment) },
	};
}
