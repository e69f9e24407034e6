import type { PosLineItem, PosOrder, PosShippingLine } from '../../shopify/orders/posOrder';
import { currencyExponent } from '../../shopify/orders/currencyExponent';
import type { MappedStockChange } from '../inventory/inventoryVendor';
import { OrderModelError } from '../square/orderBody';
import { decimalOf, exactLines } from './exactLines';
import { orderInvoiceNumber, stockInvoiceNumber } from './invoiceNumber';
import type { LightspeedSaleSettings } from './saleSettings';

/**
 * Date-versioned `POST /api/{YYYY-MM}/sales` bodies (https://x-series-api.lightspeedhq.com/docs/sales_101_date_versioned):
 * a closed sale on the Shopify register, by the Shopify user, paid with the Shopify payment type, so
 * Lightspeed moves the stock the way it documents for e-commerce orders ("submitted as sales"):
 * - each Shopify line is its product (`line_items[].product.id`, Lightspeed's UUID), as placed
 *   (`originalQuantity`), priced at what Shopify charged for it after its discounts, tax excluded, and taxed
 *   with Shopify's tax amount under the chosen Lightspeed tax; split so every amount is exact (exactLines);
 * - shipping is one unit of the chosen shipping product, priced and taxed as Shopify charged it;
 * - the payment is the total, which must equal what Shopify charged or nothing is sent.
 * Whether `payments[].payment_type.id` is the date-versioned field name is unconfirmed (the guide's minimal
 * sale has no payment): the template's "Before going live" note says how to check.
 */
export interface LightspeedSalePlan {
	body: Record<string, unknown>;
	invoiceNumber: string;
	totalMinorUnits: number;
	currency: string;
}

interface Priced {
	productId: string;
	quantity: number;
	net: number;
	tax: number;
}

function saleLines(priced: Priced[], taxId: string, exponent: number): Array<Record<string, unknown>> {
	return priced.flatMap((line) =>
		exactLines(line.quantity, line.net, line.tax).map((exact) => ({
			product: { id: line.productId },
			quantity: exact.quantity,
			pricing: { price: decimalOf(exact.unitPrice, exponent) },
			tax: { id: taxId, amount: decimalOf(exact.unitTax, exponent) },
		})),
	);
}

function pricedLine(order: PosOrder, line: PosLineItem, itemIds: Map<string, string>): Priced {
	const productId = line.sku ? itemIds.get(line.sku) : undefined;
	if (!productId) {
		throw new OrderModelError(
			`Line "${line.name}" of order ${order.name} has ${line.sku ? `SKU "${line.sku}", which was not mapped` : 'no SKU'}: a Lightspeed sale can only sell products. Nothing was sent; give the variant the SKU of a Lightspeed product, or move its stock by hand.`,
		);
	}
	const gross = line.unitPrice.shop.minorUnits * line.originalQuantity;
	const tax = line.taxLines.reduce((sum, taxLine) => sum + taxLine.amount.shop.minorUnits, 0);
	const net = gross - Math.min(line.totalDiscount.shop.minorUnits, gross) - (order.taxesIncluded ? tax : 0);
	return { productId, quantity: line.originalQuantity, net, tax };
}

function shippingLine(order: PosOrder, shipping: PosShippingLine[], settings: LightspeedSaleSettings): Priced | undefined {
	const price = shipping.reduce((sum, line) => sum + Math.max(0, line.discountedPrice.shop.minorUnits), 0);
	const tax = shipping.reduce((sum, line) => sum + line.taxLines.reduce((taxSum, taxLine) => taxSum + taxLine.amount.shop.minorUnits, 0), 0);
	if (price === 0 && tax === 0) return undefined;
	if (!settings.shippingProductId) {
		throw new OrderModelError(
			`Order ${order.name} charged shipping, and Shipping Product ID is empty: Lightspeed sells shipping only as a product. Nothing was sent; create a "Shipping" product in Lightspeed (no inventory tracking) and enter its ID.`,
		);
	}
	return { productId: settings.shippingProductId, quantity: 1, net: price - (order.taxesIncluded ? tax : 0), tax };
}

/** The sale for a Shopify order; OrderModelError when Lightspeed's total would differ from what Shopify charged. */
export function orderSalePlan(order: PosOrder, itemIds: Map<string, string>, settings: LightspeedSaleSettings): LightspeedSalePlan {
	const currency = order.currency.shop;
	const exponent = currencyExponent(currency);
	const priced = order.lineItems.filter((line) => line.originalQuantity > 0).map((line) => pricedLine(order, line, itemIds));
	const shipping = shippingLine(order, order.shippingLines, settings);
	if (shipping) priced.push(shipping);
	const total = priced.reduce((sum, line) => sum + line.net + line.tax, 0);
	const charged = order.originalTotals.total?.shop.minorUnits;
	if (charged === undefined || charged !== total) {
		throw new OrderModelError(
			`Shopify charged ${charged ?? 'an unknown amount'} and the Lightspeed sale would total ${total} (${currency} minor units) for order ${order.name}: ` +
				'the order has amounts this node does not record (duties, tips or fees). Nothing was sent; record it by hand.',
		);
	}
	const invoiceNumber = orderInvoiceNumber(order.legacyId);
	const body = {
		source: { author_id: settings.userId, register_id: settings.registerId },
		state: 'closed',
		invoice_number: invoiceNumber,
		note: `Shopify order ${order.name} (${order.id})`,
		line_items: saleLines(priced, settings.taxId, exponent),
		payments: [{ payment_type: { id: settings.paymentTypeId }, amount: decimalOf(total, exponent) }],
	};
	return { body, invoiceNumber, totalMinorUnits: total, currency };
}

/**
 * A stock-only sale for Shopify stock changes (a refund with restock, an order edit): each change one line at
 * price 0, sold for stock leaving and returned (negative quantity) for stock coming back, so Lightspeed's
 * history shows a sale or a return, never an overwritten count.
 */
export function stockSalePlan(changes: MappedStockChange[], outletId: string, settings: LightspeedSaleSettings): { body: Record<string, unknown>; invoiceNumber: string } {
	const invoiceNumber = stockInvoiceNumber(outletId, changes.map((mapped) => mapped.change.key));
	const references = [...new Set(changes.map((mapped) => mapped.change.reference || mapped.change.orderName || mapped.change.orderId))];
	const body = {
		source: { author_id: settings.userId, register_id: settings.registerId },
		state: 'closed',
		invoice_number: invoiceNumber,
		note: `Shopify stock only: ${references.join(', ')}`.slice(0, 500),
		line_items: changes.map((mapped) => ({ product: { id: mapped.itemId }, quantity: -mapped.change.quantity, pricing: { price: '0.00' }, tax: { id: settings.taxId, amount: '0.00' } })),
		payments: [{ payment_type: { id: settings.paymentTypeId }, amount: '0.00' }],
	};
	return { body, invoiceNumber };
}
