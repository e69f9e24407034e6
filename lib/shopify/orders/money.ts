import { currencyExponent } from './currencyExponent';

/** One amount: the decimal string exactly as Shopify sent it, and the same value in integer minor units. */
export interface PosMoney {
	/** Verbatim from Shopify (`"414.95"`, `"10.0"`, `"1500"`): never re-formatted, never a float. */
	amount: string;
	currencyCode: string;
	/** `amount` × 10^exponent of the currency (JPY 0, USD 2, KWD 3), computed on the digits, not with floats. */
	minorUnits: number;
}

/** Shopify's MoneyBag: the shop's currency and the currency the customer paid in. */
export interface PosMoneySet {
	shop: PosMoney;
	presentment: PosMoney;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * Converts a decimal string to integer minor units on its digits (BigInt), so "0.29" is 29 and never
 * 28.999999. Digits beyond the currency's exponent (Shopify sometimes sends tax amounts like "1.125")
 * are rounded half away from zero, the rounding Shopify applies to money.
 */
export function toMinorUnits(amount: string, currencyCode: string): number {
	const match = DECIMAL.exec(amount.trim());
	if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
		throw new Error(`Shopify sent the amount "${amount}" (${currencyCode}), which is not a decimal number.`);
	}
	const [, sign, whole, fraction = ''] = match;
	const exponent = currencyExponent(currencyCode);
	const kept = fraction.slice(0, exponent).padEnd(exponent, '0');
	let units = BigInt((whole || '0') + kept);
	const dropped = fraction.slice(exponent);
	if (dropped !== '' && dropped[0] >= '5') units += 1n;
	if (sign === '-') units = -units;
	const result = Number(units);
	if (!Number.isSafeInteger(result)) {
		throw new Error(`The amount "${amount}" (${currencyCode}) is too large to express in minor units.`);
	}
	return result === 0 ? 0 : result;
}

export function posMoney(amount: string | number, currencyCode: string): PosMoney {
	// Shopify's JSON always sends money as a string; a number here would already have been through a float.
	const text = typeof amount === 'number' ? String(amount) : amount;
	return { amount: text, currencyCode, minorUnits: toMinorUnits(text, currencyCode) };
}
