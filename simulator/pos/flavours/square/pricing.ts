import type { Reply } from '../../routeContext';
import { invalidValue, squareError } from './errors';
import { apportion, inclusivePart, parseDecimal, percentOf, timesQuantity } from './rounding';

type Json = Record<string, unknown>;

/**
 * An order's money, the way Square documents it (orders-api/discounts, /taxes, /service-charges,
 * /price-adjustments): line gross = base price × quantity; discounts in the order item-level percentage,
 * order-level percentage, item-level fixed amount, order-level fixed amount (order-level ones spread over
 * the lines); SUBTOTAL_PHASE service charges on the discounted subtotal; taxes (ADDITIVE added, INCLUSIVE
 * already inside the price) on discounted lines and taxable service charges, each tax computed on the sum
 * it applies to and then spread over the lines; TOTAL_PHASE service charges last; Bankers' Rounding.
 */
export interface PricingInput {
	lines: Array<{ raw: Json; scaledQuantity: number; unitAmount: number }>;
	discounts: Json[];
	taxes: Json[];
	serviceCharges: Json[];
	currency: string;
	uid: () => string;
}

interface Target {
	net: number;
	additiveTax: number;
	inclusiveTax: number;
	taxesApplied: Map<string, number>;
	taxUids: Set<string>;
}

interface PriceLine extends Target {
	raw: Json;
	gross: number;
	discountUids: Set<string>;
	discountsApplied: Map<string, number>;
}

interface Adjustment {
	uid: string;
	raw: Json;
	scope: 'ORDER' | 'LINE_ITEM';
	percentage: bigint | null;
	amount: number | null;
	applied: number;
}

interface Charge extends Target, Adjustment {
	phase: 'SUBTOTAL_PHASE' | 'TOTAL_PHASE';
	taxable: boolean;
}

export interface PricedOrder {
	line_items: Json[];
	discounts?: Json[];
	taxes?: Json[];
	service_charges?: Json[];
	total_money: number;
	total_tax_money: number;
	total_discount_money: number;
	total_service_charge_money: number;
}

function emptyTarget(net: number): Target {
	return { net, additiveTax: 0, inclusiveTax: 0, taxesApplied: new Map(), taxUids: new Set() };
}

function referencedUids(lines: Json[], list: string, key: string): Set<string> {
	const uids = new Set<string>();
	for (const line of lines) for (const applied of (line[list] as Json[] | undefined) ?? []) uids.add(applied[key] as string);
	return uids;
}

/** Reads discounts, taxes or service charges: one of percentage / amount_money, a uid, a scope. */
function readAdjustments(list: Json[], field: string, referenced: Set<string>, uid: () => string, amountAllowed: boolean): Adjustment[] | Reply {
	const out: Adjustment[] = [];
	for (const [index, raw] of list.entries()) {
		const percentage = raw.percentage === undefined || raw.percentage === null ? null : parseDecimal(raw.percentage);
		if (raw.percentage !== undefined && raw.percentage !== null && percentage === null) return invalidValue('percentage must be a decimal string such as "7.25"', `${field}[${index}].percentage`);
		const money = raw.amount_money as { amount?: number } | undefined;
		const amount = amountAllowed && money && typeof money.amount === 'number' ? money.amount : null;
		if ((percentage === null) === (amount === null)) {
			return invalidValue(amountAllowed ? 'Exactly one of percentage or amount_money must be set' : 'percentage must be set', `${field}[${index}]`);
		}
		if (amount !== null && amount < 0) return invalidValue('amount_money must not be negative', `${field}[${index}].amount_money.amount`);
		const id = typeof raw.uid === 'string' ? raw.uid : uid();
		const scope = raw.scope === 'ORDER' || raw.scope === 'LINE_ITEM' ? raw.scope : referenced.has(id) ? 'LINE_ITEM' : 'ORDER';
		out.push({ uid: id, raw, scope, percentage, amount, applied: 0 });
	}
	return out;
}

function applyDiscounts(lines: PriceLine[], discounts: Adjustment[]): void {
	const phases: Array<[Adjustment['scope'], boolean]> = [['LINE_ITEM', true], ['ORDER', true], ['LINE_ITEM', false], ['ORDER', false]];
	for (const [scope, byPercentage] of phases) {
		for (const discount of discounts.filter((candidate) => candidate.scope === scope && (candidate.percentage !== null) === byPercentage)) {
			const targets = scope === 'ORDER' ? lines : lines.filter((line) => line.discountUids.has(discount.uid));
			const nets = targets.map((line) => line.net);
			let shares: number[];
			if (scope === 'LINE_ITEM') shares = nets.map((net) => Math.min(net, byPercentage ? percentOf(net, discount.percentage!) : discount.amount!));
			else {
				const base = nets.reduce((a, b) => a + b, 0);
				shares = apportion(Math.min(base, byPercentage ? percentOf(base, discount.percentage!) : discount.amount!), nets);
			}
			for (const [index, line] of targets.entries()) {
				line.net -= shares[index];
				line.discountsApplied.set(discount.uid, (line.discountsApplied.get(discount.uid) ?? 0) + shares[index]);
				discount.applied += shares[index];
			}
		}
	}
}

function applyTaxes(taxes: Adjustment[], lines: PriceLine[], charges: Charge[]): void {
	for (const tax of taxes) {
		const inclusive = tax.raw.type === 'INCLUSIVE';
		const targets: Target[] = tax.scope === 'ORDER'
			? [...lines, ...charges.filter((charge) => charge.taxable && charge.phase === 'SUBTOTAL_PHASE')]
			: [...lines, ...charges].filter((target) => target.taxUids.has(tax.uid));
		const bases = targets.map((target) => target.net);
		const sum = bases.reduce((a, b) => a + b, 0);
		const shares = apportion(inclusive ? inclusivePart(sum, tax.percentage!) : percentOf(sum, tax.percentage!), bases);
		for (const [index, target] of targets.entries()) {
			if (inclusive) target.inclusiveTax += shares[index];
			else target.additiveTax += shares[index];
			target.taxesApplied.set(tax.uid, shares[index]);
			tax.applied += shares[index];
		}
	}
}

function chargeAmount(charge: Charge, base: number): number {
	return charge.percentage !== null ? percentOf(base, charge.percentage) : charge.amount!;
}

function readCharges(list: Json[], uid: () => string): Charge[] | Reply {
	const adjustments = readAdjustments(list, 'order.service_charges', new Set(), uid, true);
	if (!Array.isArray(adjustments)) return adjustments;
	const charges: Charge[] = [];
	for (const [index, adjustment] of adjustments.entries()) {
		const phase = (adjustment.raw.calculation_phase as string | undefined) ?? 'SUBTOTAL_PHASE';
		if (phase !== 'SUBTOTAL_PHASE' && phase !== 'TOTAL_PHASE') return invalidValue(`The simulator computes SUBTOTAL_PHASE and TOTAL_PHASE service charges, not ${phase}`, `order.service_charges[${index}].calculation_phase`);
		const taxable = adjustment.raw.taxable === true;
		// "service charges calculated in the TOTAL_PHASE cannot be marked as taxable"
		if (taxable && phase === 'TOTAL_PHASE') return invalidValue('A TOTAL_PHASE service charge cannot be taxable', `order.service_charges[${index}].taxable`);
		const target = emptyTarget(0);
		for (const applied of (adjustment.raw.applied_taxes as Json[] | undefined) ?? []) target.taxUids.add(applied.tax_uid as string);
		charges.push({ ...target, ...adjustment, phase, taxable });
	}
	return charges;
}

function checkReferences(lines: Json[], list: string, key: string, known: Set<string>): Reply | null {
	for (const [index, line] of lines.entries()) {
		for (const [position, applied] of ((line[list] as Json[] | undefined) ?? []).entries()) {
			if (!known.has(applied[key] as string)) return invalidValue(`No ${key === 'discount_uid' ? 'discount' : 'tax'} with uid \`${String(applied[key])}\` in this order`, `order.line_items[${index}].${list}[${position}].${key}`);
		}
	}
	return null;
}

export function priceOrder(input: PricingInput): PricedOrder | Reply {
	const rawLines = input.lines.map((line) => line.raw);
	const discounts = readAdjustments(input.discounts, 'order.discounts', referencedUids(rawLines, 'applied_discounts', 'discount_uid'), input.uid, true);
	if (!Array.isArray(discounts)) return discounts;
	const taxes = readAdjustments(input.taxes, 'order.taxes', referencedUids(rawLines, 'applied_taxes', 'tax_uid'), input.uid, false);
	if (!Array.isArray(taxes)) return taxes;
	const charges = readCharges(input.serviceCharges, input.uid);
	if (!Array.isArray(charges)) return charges;
	const badReference = checkReferences(rawLines, 'applied_discounts', 'discount_uid', new Set(discounts.map((d) => d.uid))) ?? checkReferences(rawLines, 'applied_taxes', 'tax_uid', new Set(taxes.map((t) => t.uid)));
	if (badReference) return badReference;
	const lines: PriceLine[] = input.lines.map((line) => {
		const gross = timesQuantity(line.unitAmount, line.scaledQuantity);
		const target = emptyTarget(gross);
		for (const uid of referencedUids([line.raw], 'applied_taxes', 'tax_uid')) target.taxUids.add(uid);
		return { ...target, raw: line.raw, gross, discountUids: referencedUids([line.raw], 'applied_discounts', 'discount_uid'), discountsApplied: new Map() };
	});
	for (const tax of taxes) if (tax.scope === 'ORDER') for (const line of lines) line.taxUids.add(tax.uid);
	applyDiscounts(lines, discounts);
	const subtotal = lines.reduce((sum, line) => sum + line.net, 0);
	for (const charge of charges.filter((candidate) => candidate.phase === 'SUBTOTAL_PHASE')) charge.net = charge.applied = chargeAmount(charge, subtotal);
	applyTaxes(taxes, lines, charges);
	const beforeTotalPhase = [...lines, ...charges.filter((charge) => charge.phase === 'SUBTOTAL_PHASE')].reduce((sum, target) => sum + target.net + target.additiveTax, 0);
	for (const charge of charges.filter((candidate) => candidate.phase === 'TOTAL_PHASE')) charge.net = charge.applied = chargeAmount(charge, beforeTotalPhase);
	return assemble(input, lines, discounts, taxes, charges);
}

function assemble(input: PricingInput, lines: PriceLine[], discounts: Adjustment[], taxes: Adjustment[], charges: Charge[]): PricedOrder | Reply {
	const money = (amount: number) => ({ amount, currency: input.currency });
	const appliedList = (map: Map<string, number>, key: string) => [...map.entries()].map(([uid, amount]) => ({ uid: input.uid(), [key]: uid, applied_money: money(amount) }));
	const lineItems = lines.map((line) => ({
		...line.raw,
		...(line.discountsApplied.size ? { applied_discounts: appliedList(line.discountsApplied, 'discount_uid') } : {}),
		...(line.taxesApplied.size ? { applied_taxes: appliedList(line.taxesApplied, 'tax_uid') } : {}),
		variation_total_price_money: money(line.gross),
		gross_sales_money: money(line.gross),
		total_discount_money: money(line.gross - line.net),
		total_tax_money: money(line.additiveTax + line.inclusiveTax),
		total_service_charge_money: money(0),
		total_money: money(line.net + line.additiveTax),
	}));
	const chargeItems = charges.map((charge) => ({
		...charge.raw,
		uid: charge.uid,
		calculation_phase: charge.phase,
		applied_money: money(charge.applied),
		total_tax_money: money(charge.additiveTax + charge.inclusiveTax),
		total_money: money(charge.applied + charge.additiveTax),
		...(charge.taxesApplied.size ? { applied_taxes: appliedList(charge.taxesApplied, 'tax_uid') } : {}),
	}));
	const total = lineItems.reduce((sum, line) => sum + line.total_money.amount, 0) + chargeItems.reduce((sum, charge) => sum + charge.total_money.amount, 0);
	if (total < 0) return squareError(400, 'INVALID_REQUEST_ERROR', 'INVALID_VALUE', 'The order total cannot be negative');
	const describe = (list: Adjustment[], kind: 'discount' | 'tax') =>
		list.map((adjustment) => ({
			...adjustment.raw,
			uid: adjustment.uid,
			scope: adjustment.scope,
			type: (adjustment.raw.type as string | undefined) ?? (kind === 'tax' ? 'ADDITIVE' : adjustment.percentage !== null ? 'FIXED_PERCENTAGE' : 'FIXED_AMOUNT'),
			applied_money: money(adjustment.applied),
		}));
	return {
		line_items: lineItems,
		...(discounts.length ? { discounts: describe(discounts, 'discount') } : {}),
		...(taxes.length ? { taxes: describe(taxes, 'tax') } : {}),
		...(chargeItems.length ? { service_charges: chargeItems } : {}),
		total_money: total,
		total_tax_money: lines.reduce((sum, line) => sum + line.additiveTax + line.inclusiveTax, 0) + charges.reduce((sum, charge) => sum + charge.additiveTax + charge.inclusiveTax, 0),
		total_discount_money: discounts.reduce((sum, discount) => sum + discount.applied, 0),
		total_service_charge_money: charges.reduce((sum, charge) => sum + charge.applied, 0),
	};
}
