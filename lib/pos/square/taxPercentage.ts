import { InputError } from '../../packageError';

/**
 * Square's order taxes are percentages only (OrderLineItemTax has no amount), and Square computes each
 * line's tax from the percentage. Shopify's tax lines are amounts, rounded by Shopify. To land on
 * Shopify's cents, each line gets the shortest percentage whose result, on that line's amount, is within
 * a quarter of a minor unit of Shopify's tax: then any rounding (half up, half even) gives Shopify's
 * figure. Usually that is the plain rate ("8"); a line Shopify rounded differently gets e.g. "8.0213".
 */
const MAX_DECIMALS = 7;
const MARGIN = 0.25;

export class TaxPercentageError extends InputError {
	constructor(message: string) {
		super(message, 'TAX_NOT_MODELLABLE');
	}
}

/** Tax on top of the base (ADDITIVE): tax = base × p / 100. */
function additiveTax(base: number, percentage: number): number {
	return (base * percentage) / 100;
}

/** Tax included in the amount (INCLUSIVE): tax = amount − amount / (1 + p / 100). */
function inclusiveTax(amount: number, percentage: number): number {
	return amount - amount / (1 + percentage / 100);
}

/** The percentage, as Square's decimal string, that turns `base` into exactly `tax` minor units. */
export function taxPercentage(base: number, tax: number, inclusive: boolean): string {
	if (base <= 0 || tax <= 0) throw new TaxPercentageError(`A tax of ${tax} on an amount of ${base} cannot be expressed as a percentage.`);
	const exact = inclusive ? (tax / (base - tax)) * 100 : (tax / base) * 100;
	const compute = inclusive ? inclusiveTax : additiveTax;
	for (let decimals = 0; decimals <= MAX_DECIMALS; decimals++) {
		const text = exact.toFixed(decimals);
		if (Math.abs(compute(base, Number(text)) - tax) < MARGIN) return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
	}
	throw new TaxPercentageError(`No percentage with ${MAX_DECIMALS} decimals gives a tax of ${tax} on ${base}.`);
}
