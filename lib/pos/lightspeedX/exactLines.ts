/**
 * Sale lines whose totals come out to the cent. Lightspeed X prices a sale line per unit (`pricing.price`,
 * tax `amount` per unit) and totals `price × quantity`; a Shopify line of 3 units for 10.00 after a discount
 * has no exact unit price. Split into at most three lines of the same product: units at the floor price and
 * units one minor unit dearer (likewise for the tax), so the lines add up to exactly the Shopify amounts.
 * Pure; amounts in minor units, quantities positive.
 */
export interface ExactLine {
	quantity: number;
	unitPrice: number;
	unitTax: number;
}

export function exactLines(quantity: number, netTotal: number, taxTotal: number): ExactLine[] {
	if (!Number.isInteger(quantity) || quantity <= 0) throw new RangeError(`A sale line needs a positive whole quantity, got ${quantity}.`);
	const price = Math.floor(netTotal / quantity);
	const tax = Math.floor(taxTotal / quantity);
	const dearer = netTotal - price * quantity;
	const taxed = taxTotal - tax * quantity;
	const both = Math.min(dearer, taxed);
	const groups: ExactLine[] = [
		{ quantity: both, unitPrice: price + 1, unitTax: tax + 1 },
		{ quantity: dearer - both, unitPrice: price + 1, unitTax: tax },
		{ quantity: taxed - both, unitPrice: price, unitTax: tax + 1 },
		{ quantity: quantity - Math.max(dearer, taxed), unitPrice: price, unitTax: tax },
	];
	return groups.filter((group) => group.quantity > 0);
}

/** Minor units as the decimal string Lightspeed takes ("12.5" → "12.50" for 2 digits; "-0.05"). */
export function decimalOf(minorUnits: number, exponent: number): string {
	const sign = minorUnits < 0 ? '-' : '';
	const digits = String(Math.abs(minorUnits)).padStart(exponent + 1, '0');
	return exponent === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
