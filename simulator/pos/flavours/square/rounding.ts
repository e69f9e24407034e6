/**
 * Money arithmetic in minor units. The Orders API "performs its adjustment calculations using Bankers'
 * Rounding" (round half to even): https://developer.squareup.com/docs/orders-api/price-adjustments
 */

/** numerator / denominator rounded half to even (denominator > 0). */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
	const negative = numerator < 0n;
	const absolute = negative ? -numerator : numerator;
	let quotient = absolute / denominator;
	const twice = (absolute % denominator) * 2n;
	if (twice > denominator || (twice === denominator && quotient % 2n === 1n)) quotient += 1n;
	return negative ? -quotient : quotient;
}

/** A decimal string such as "8.875" as an integer over 10^5; null when malformed. */
export function parseDecimal(text: unknown): bigint | null {
	if (typeof text !== 'string' || !/^\d{1,9}(\.\d{1,5})?$/.test(text)) return null;
	const [whole, fraction = ''] = text.split('.');
	return BigInt(whole) * 100_000n + BigInt(fraction.padEnd(5, '0'));
}

const PERCENT_SCALE = 100n * 100_000n;

/** `percentage` (a decimal string's value ×10^5) of `amount`, rounded half to even. */
export function percentOf(amount: number, percentage: bigint): number {
	return Number(divideHalfEven(BigInt(amount) * percentage, PERCENT_SCALE));
}

/** The tax already inside an amount that includes a `percentage` tax: amount × p / (100 + p). */
export function inclusivePart(amount: number, percentage: bigint): number {
	return Number(divideHalfEven(BigInt(amount) * percentage, PERCENT_SCALE + percentage));
}

/** `unitAmount` × a quantity held ×10^5, rounded half to even. */
export function timesQuantity(unitAmount: number, scaledQuantity: number): number {
	return Number(divideHalfEven(BigInt(unitAmount) * BigInt(scaledQuantity), 100_000n));
}

/**
 * Splits `total` over `weights` in proportion, whole units only, summing exactly to `total`: each share
 * rounded down, the units left over to the largest remainders (first listed on a tie).
 */
export function apportion(total: number, weights: number[]): number[] {
	const sum = BigInt(weights.reduce((a, b) => a + b, 0));
	if (sum <= 0n) return weights.map(() => 0);
	const exact = weights.map((weight) => {
		const product = BigInt(total) * BigInt(weight);
		return { share: Number(product / sum), remainder: product % sum };
	});
	let left = total - exact.reduce((a, b) => a + b.share, 0);
	const order = exact.map((_, index) => index).sort((a, b) => (exact[b].remainder > exact[a].remainder ? 1 : exact[b].remainder < exact[a].remainder ? -1 : a - b));
	for (const index of order) {
		if (left <= 0) break;
		exact[index].share++;
		left--;
	}
	return exact.map((entry) => entry.share);
}
