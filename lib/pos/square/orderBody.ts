import type { PosLineItem, PosOrder, PosShippingLine, PosTaxLine } from '../../shopify/orders/posOrder';
import { orderKey } from './idempotencyKey';
import { orderReference } from './referenceTag';
import { taxPercentage } from './taxPercentage';
import { InputError } from '../../packageError';

/**
 * CreateOrder for a Shopify order, so Square's total is what Shopify charged and Square's stock moves for
 * each catalog line once the order is paid:
 * - a line with a SKU references its ITEM_VARIATION (`catalog_object_id`): only those move stock; a line
 *   without a SKU (a gift card, a custom item) is an ad-hoc line that keeps the total right;
 * - each line's Shopify price is its `base_price_money`, as placed (`originalQuantity`);
 * - the discounts Shopify allocated to a line are one FIXED_AMOUNT, LINE_ITEM-scoped discount on it;
 * - each Shopify tax line is a LINE_ITEM-scoped tax (ADDITIVE, or INCLUSIVE when prices include tax) with
 *   the percentage that gives Shopify's amount on that line (taxPercentage.ts);
 * - shipping is a SUBTOTAL_PHASE service charge of the discounted shipping price, taxable when Shopify
 *   taxed it (a TOTAL_PHASE charge cannot carry tax);
 * - `pricing_options` turn off Square's automatic catalog taxes and discounts, which would change the total.
 * Amounts are in the shop's currency (a Square location has one currency).
 */
export const CREATE_ORDER_PATH = '/v2/orders';

export class OrderModelError extends InputError {
	constructor(message: string) {
		super(message, 'ORDER_NOT_MODELLABLE');
	}
}

interface Built {
	taxes: Array<Record<string, unknown>>;
	discounts: Array<Record<string, unknown>>;
	/** Minor units the taxes add to the total (zero for inclusive taxes). */
	addedTax: number;
}

export interface SquareOrderPlan {
	body: Record<string, unknown>;
	/** What Square will total, computed as Square does; equal to Shopify's charge or the plan is refused. */
	totalMinorUnits: number;
	currency: string;
}

function money(amount: number, currency: string) {
	return { amount, currency };
}

function appliedTaxes(lineUid: string, base: number, taxLines: PosTaxLine[], inclusive: boolean, built: Built): Array<{ tax_uid: string }> {
	const applied: Array<{ tax_uid: string }> = [];
	taxLines.forEach((taxLine, index) => {
		const amount = taxLine.amount.shop.minorUnits;
		if (amount === 0) return;
		const uid = `${lineUid}-tax-${index + 1}`;
		built.taxes.push({ uid, name: taxLine.title || 'Tax', type: inclusive ? 'INCLUSIVE' : 'ADDITIVE', percentage: taxPercentage(base, amount, inclusive), scope: 'LINE_ITEM' });
		if (!inclusive) built.addedTax += amount;
		applied.push({ tax_uid: uid });
	});
	return applied;
}

function lineItem(line: PosLineItem, itemId: string | undefined, currency: string, inclusive: boolean, built: Built): Record<string, unknown> {
	const uid = `line-${line.legacyId}`;
	const gross = line.unitPrice.shop.minorUnits * line.originalQuantity;
	const discount = Math.min(line.totalDiscount.shop.minorUnits, gross);
	const result: Record<string, unknown> = {
		uid,
		quantity: String(line.originalQuantity),
		...(itemId ? { catalog_object_id: itemId } : { name: line.name.slice(0, 512) }),
		base_price_money: money(line.unitPrice.shop.minorUnits, currency),
	};
	if (discount > 0) {
		const discountUid = `${uid}-discount`;
		built.discounts.push({ uid: discountUid, name: 'Shopify discount', type: 'FIXED_AMOUNT', amount_money: money(discount, currency), scope: 'LINE_ITEM' });
		result.applied_discounts = [{ discount_uid: discountUid }];
	}
	const taxes = appliedTaxes(uid, gross - discount, line.taxLines, inclusive, built);
	if (taxes.length > 0) result.applied_taxes = taxes;
	return result;
}

function shippingCharge(shipping: PosShippingLine, index: number, currency: string, inclusive: boolean, built: Built): Record<string, unknown> | undefined {
	const amount = shipping.discountedPrice.shop.minorUnits;
	if (amount <= 0) return undefined;
	const uid = `shipping-${index + 1}`;
	const taxes = appliedTaxes(uid, amount, shipping.taxLines, inclusive, built);
	return {
		uid,
		name: (shipping.title || 'Shipping').slice(0, 512),
		amount_money: money(amount, currency),
		calculation_phase: 'SUBTOTAL_PHASE',
		taxable: taxes.length > 0,
		...(taxes.length > 0 ? { applied_taxes: taxes } : {}),
	};
}

/**
 * The CreateOrder request for `order` at `locationId`. `itemIds` maps each line's SKU to its variation.
 * Throws OrderModelError when Square's total would differ from what Shopify charged (duties, tips or
 * fees this model does not carry): a recorded order must never show another total.
 */
export function squareOrderPlan(order: PosOrder, itemIds: Map<string, string>, locationId: string): SquareOrderPlan {
	const currency = order.currency.shop;
	const inclusive = order.taxesIncluded;
	const built: Built = { taxes: [], discounts: [], addedTax: 0 };
	const lines = order.lineItems.filter((line) => line.originalQuantity > 0);
	const lineItems = lines.map((line) => lineItem(line, line.sku ? itemIds.get(line.sku) : undefined, currency, inclusive, built));
	const serviceCharges = order.shippingLines.map((shipping, index) => shippingCharge(shipping, index, currency, inclusive, built)).filter((charge) => charge !== undefined);
	const net = lines.reduce((sum, line) => sum + line.unitPrice.shop.minorUnits * line.originalQuantity - Math.min(line.totalDiscount.shop.minorUnits, line.unitPrice.shop.minorUnits * line.originalQuantity), 0);
	const shipping = order.shippingLines.reduce((sum, line) => sum + Math.max(0, line.discountedPrice.shop.minorUnits), 0);
	const total = net + shipping + built.addedTax;
	const charged = order.originalTotals.total?.shop.minorUnits;
	if (charged === undefined || charged !== total) {
		throw new OrderModelError(
			`Shopify charged ${charged ?? 'an unknown amount'} and Square would total ${total} (${currency} minor units) for order ${order.name}: ` +
				'the order has amounts this node does not record (duties, tips or fees). Nothing was sent; record it by hand or use "Move Stock" for it.',
		);
	}
	const body = {
		idempotency_key: orderKey(locationId, order.legacyId),
		order: {
			location_id: locationId,
			reference_id: orderReference(order.legacyId),
			source: { name: 'Shopify' },
			ticket_name: `Shopify ${order.name}`.slice(0, 30),
			line_items: lineItems,
			...(built.taxes.length > 0 ? { taxes: built.taxes } : {}),
			...(built.discounts.length > 0 ? { discounts: built.discounts } : {}),
			...(serviceCharges.length > 0 ? { service_charges: serviceCharges } : {}),
			pricing_options: { auto_apply_taxes: false, auto_apply_discounts: false },
		},
	};
	return { body, totalMinorUnits: total, currency };
}
