import { isObject } from '../../routeContext';
import { money, parseDecimal, parseQuantity } from './money';
import type { LightspeedProducts } from './products';
import type { LightspeedRetailer } from './retailer';
import { saleTotals, type LightspeedSales, type SaleDraft } from './sales';

type Json = Record<string, unknown>;

/** Versions of the date-versioned API the docs list (2026-01 to 2027-01, quarterly). */
export const SALE_API_VERSIONS = ['2026-01', '2026-04', '2026-07', '2026-10', '2027-01'];

/** A refusal: `<field path>: <what is wrong>`, Lightspeed's `details`. */
class Refusal extends Error {}

const refuse = (details: string): never => {
	throw new Refusal(details);
};

interface Lookups {
	retailer: LightspeedRetailer;
	products: LightspeedProducts;
	sales: LightspeedSales;
}

function object(value: unknown, path: string): Json {
	return isObject(value) ? value : refuse(`${path}: must be an object`);
}

function known<T>(found: T | undefined, value: unknown, path: string, what: string): T {
	if (value === undefined || value === null || value === '') refuse(`${path}: is required`);
	return found ?? refuse(`${path}: no ${what} has id ${JSON.stringify(value)}`);
}

function decimal(value: unknown, path: string): number {
	const units = parseDecimal(value);
	return units ?? refuse(`${path}: must be a decimal string such as "12.50" (at most 5 decimals)`);
}

function line(lookups: Lookups, value: unknown, index: number): SaleDraft['lines'][number] {
	const path = `line_items[${index}]`;
	const item = object(value, path);
	const productId = object(item.product, `${path}.product`).id;
	const product = known(lookups.products.byId(productId), productId, `${path}.product.id`, 'product');
	const quantity = parseQuantity(item.quantity) ?? refuse(`${path}.quantity: must be a non-zero number (at most 5 decimals)`);
	const price = decimal(object(item.pricing, `${path}.pricing`).price, `${path}.pricing.price`);
	const tax = object(item.tax, `${path}.tax`);
	const taxId = known(lookups.retailer.tax(tax.id), tax.id, `${path}.tax.id`, 'tax').id;
	return { productId: product.id, quantity, price, taxId, tax: decimal(tax.amount, `${path}.tax.amount`) };
}

function payments(lookups: Lookups, value: unknown): SaleDraft['payments'] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) return refuse('payments: must be an array');
	return value.map((entry, index) => {
		const payment = object(entry, `payments[${index}]`);
		const typeId = object(payment.payment_type, `payments[${index}].payment_type`).id;
		const type = known(lookups.retailer.paymentType(typeId), typeId, `payments[${index}].payment_type.id`, 'payment type');
		return { paymentTypeId: type.id, amount: decimal(payment.amount, `payments[${index}].amount`) };
	});
}

/** A closed sale is paid in full: its payments sum to total price + total tax, to the cent (the simulator's strictness). */
function checkPaid(draft: SaleDraft): void {
	const { totalPrice, totalTax } = saleTotals(draft.lines);
	const total = money(totalPrice + totalTax);
	if (draft.payments.length === 0) refuse(`payments: a closed sale needs payments, which must equal the sale total ${total}`);
	const paid = draft.payments.reduce((sum, payment) => sum + payment.amount, 0);
	if (paid !== totalPrice + totalTax) refuse(`payments: the amounts sum to ${money(paid)}, which must equal the sale total ${total}`);
}

function optionalText(value: unknown, path: string): string | undefined {
	if (value === undefined || value === null) return undefined;
	return typeof value === 'string' ? value : refuse(`${path}: must be a string`);
}

function draftOf(lookups: Lookups, body: unknown): SaleDraft {
	const sale = isObject(body) ? body : refuse('body: must be a JSON object');
	const source = object(sale.source, 'source');
	const user = known(lookups.retailer.user(source.author_id), source.author_id, 'source.author_id', 'user');
	const register = known(lookups.retailer.register(source.register_id), source.register_id, 'source.register_id', 'register');
	if (sale.state !== 'closed' && sale.state !== 'saved') refuse('state: must be "closed" or "saved"');
	const invoiceNumber = optionalText(sale.invoice_number, 'invoice_number');
	if (invoiceNumber !== undefined && lookups.sales.invoiceUsed(invoiceNumber)) refuse('invoice_number: already used');
	if (!Array.isArray(sale.line_items) || sale.line_items.length === 0) refuse('line_items: must be a non-empty array');
	const draft: SaleDraft = {
		userId: user.id,
		registerId: register.id,
		outletId: register.outlet_id,
		status: sale.state === 'closed' ? 'CLOSED' : 'SAVED',
		invoiceNumber,
		note: optionalText(sale.note, 'note'),
		lines: (sale.line_items as unknown[]).map((item, index) => line(lookups, item, index)),
		payments: payments(lookups, sale.payments),
	};
	if (draft.status === 'CLOSED') checkPaid(draft);
	return draft;
}

/** Checks a date-versioned sale body; the draft to record, or the `details` of the 400 it earns. */
export function readSaleRequest(lookups: Lookups, body: unknown): SaleDraft | { refused: string } {
	try {
		return draftOf(lookups, body);
	} catch (error) {
		if (error instanceof Refusal) return { refused: error.message };
		throw error;
	}
}
