/**
 * Money and quantities as exact integers: amounts in units of 0.00001 (Lightspeed prices carry up to five
 * decimals), so sums and comparisons never meet binary fractions.
 */
export const UNITS_PER_CENT = 1000;
const UNITS = 100_000;

const DECIMAL = /^-?\d+(\.\d{1,5})?$/;

/** A decimal string ("12", "1.8", "12.17391") in 0.00001 units; null when it is not one. */
export function parseDecimal(value: unknown): number | null {
	if (typeof value !== 'string' || !DECIMAL.test(value)) return null;
	const negative = value.startsWith('-');
	const [whole, fraction = ''] = value.replace('-', '').split('.');
	const units = Number(whole) * UNITS + Number(fraction.padEnd(5, '0'));
	return negative ? -units : units;
}

/** A quantity (a JSON number, at most five decimals, not zero) in 0.00001 units; null otherwise. */
export function parseQuantity(value: unknown): number | null {
	if (typeof value !== 'number' || !Number.isFinite(value) || value === 0) return null;
	const units = Math.round(value * UNITS);
	return Math.abs(units / UNITS - value) < 1e-9 && units !== 0 ? units : null;
}

/** Round half up (half away from zero for negatives, so a return mirrors its sale) of a/b to an integer. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
	const negative = numerator < 0n;
	const magnitude = negative ? -numerator : numerator;
	const rounded = (magnitude * 2n + denominator) / (denominator * 2n);
	return negative ? -rounded : rounded;
}

/** unit amount × quantity, rounded half up to whole cents, in 0.00001 units. */
export function lineTotal(unitAmount: number, quantityUnits: number): number {
	const cents = divideRounded(BigInt(unitAmount) * BigInt(quantityUnits), BigInt(UNITS) * BigInt(UNITS_PER_CENT));
	return Number(cents) * UNITS_PER_CENT;
}

/** A number of 0.00001 units as a JavaScript number (12.5). */
export function toNumber(units: number): number {
	return units / UNITS;
}

/** A number (12.5) in 0.00001 units. */
export function fromNumber(value: number): number {
	return Math.round(value * UNITS);
}

/** A money string: two decimals when the amount is whole cents ("12.50"), else as many as it needs, up to five. */
export function money(units: number): string {
	if (units % UNITS_PER_CENT === 0) return (units / UNITS).toFixed(2);
	return (units / UNITS).toFixed(5).replace(/0+$/, '');
}
