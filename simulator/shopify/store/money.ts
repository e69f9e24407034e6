import type { Cents } from './records';

/** "12.5", 12.5 or "12.50" → 1250 minor units. */
export function toCents(value: string | number): Cents {
	const parsed = typeof value === 'number' ? value : Number(value);
	if (!Number.isFinite(parsed)) throw new Error(`"${value}" is not an amount of money`);
	return Math.round(parsed * 100);
}

/** Shopify's GraphQL Decimal as it prints money: "25.0", "24.5", "24.99". */
export function graphqlDecimal(cents: Cents): string {
	const negative = cents < 0;
	const absolute = Math.abs(cents);
	const whole = Math.floor(absolute / 100);
	const fraction = absolute % 100;
	const digits = fraction === 0 ? '0' : fraction % 10 === 0 ? String(fraction / 10) : String(fraction).padStart(2, '0');
	return `${negative ? '-' : ''}${whole}.${digits}`;
}

/** REST (webhook) money: always two decimals, "25.00". */
export function restDecimal(cents: Cents): string {
	return (cents / 100).toFixed(2);
}
