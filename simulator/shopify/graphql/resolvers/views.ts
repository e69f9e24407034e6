import { graphqlDecimal } from '../../store/money';
import type { AddressRecord, Cents, TaxLineRecord } from '../../store/records';

/** Plain value objects (no identity of their own) shaped exactly like the schema's types. */

export function money(cents: Cents, currencyCode: string): { amount: string; currencyCode: string } {
	return { amount: graphqlDecimal(cents), currencyCode };
}

/** The simulated shop sells in one currency, so shop and presentment money are the same. */
export function moneyBag(cents: Cents, currencyCode: string): {
	shopMoney: { amount: string; currencyCode: string };
	presentmentMoney: { amount: string; currencyCode: string };
} {
	const value = money(cents, currencyCode);
	return { shopMoney: value, presentmentMoney: { ...value } };
}

export function mailingAddress(address: AddressRecord | null): Record<string, unknown> | null {
	if (!address) return null;
	const name = [address.firstName, address.lastName].filter(Boolean).join(' ') || null;
	return {
		firstName: address.firstName,
		lastName: address.lastName,
		name,
		company: address.company,
		address1: address.address1,
		address2: address.address2,
		city: address.city,
		province: address.province,
		provinceCode: address.provinceCode,
		country: address.country,
		countryCodeV2: address.countryCode,
		zip: address.zip,
		phone: address.phone,
		formatted: [address.address1, address.address2, [address.city, address.provinceCode, address.zip].filter(Boolean).join(' '), address.country].filter(
			(part): part is string => Boolean(part),
		),
	};
}

export function taxLine(line: TaxLineRecord, currencyCode: string): Record<string, unknown> {
	return {
		title: line.title,
		rate: line.rate,
		ratePercentage: Math.round(line.rate * 100000) / 1000,
		priceSet: moneyBag(line.amount, currencyCode),
	};
}

export function count(value: number, limit: number | null | undefined): { count: number; precision: 'EXACT' | 'AT_LEAST' } {
	if (limit !== null && limit !== undefined && value > limit) return { count: limit, precision: 'AT_LEAST' };
	return { count: value, precision: 'EXACT' };
}
