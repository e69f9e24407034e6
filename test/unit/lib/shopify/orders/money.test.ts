import { currencyExponent } from '../../../../../lib/shopify/orders/currencyExponent';
import { posMoney, toMinorUnits } from '../../../../../lib/shopify/orders/money';

describe('toMinorUnits', () => {
	it.each([
		['414.95', 'USD', 41495],
		['0.29', 'USD', 29],
		['10.0', 'USD', 1000],
		['10', 'EUR', 1000],
		['.5', 'GBP', 50],
		['1500', 'JPY', 1500],
		['1500.0', 'JPY', 1500],
		['1.234', 'KWD', 1234],
		['0.5', 'BHD', 500],
		['-5.5', 'USD', -550],
		['1.125', 'USD', 113],
		['1.124', 'USD', 112],
		['-1.125', 'USD', -113],
		['0.00', 'USD', 0],
		['-0.00', 'USD', 0],
		['90071992547409.91', 'USD', 9007199254740991],
	])('%s %s → %i', (amount, currency, expected) => {
		expect(toMinorUnits(amount, currency)).toBe(expected);
	});

	it('never goes through floating point (0.1 + 0.2 style values stay exact)', () => {
		for (let cents = 0; cents < 100_000; cents += 7) {
			const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
			expect(toMinorUnits(amount, 'USD')).toBe(cents);
		}
	});

	it('rejects text that is not a decimal, naming the value', () => {
		expect(() => toMinorUnits('12,50', 'EUR')).toThrow('"12,50" (EUR)');
		expect(() => toMinorUnits('', 'EUR')).toThrow('not a decimal');
		expect(() => toMinorUnits('1e3', 'USD')).toThrow('not a decimal');
	});

	it('refuses amounts beyond safe integers instead of returning a wrong number', () => {
		expect(() => toMinorUnits('90071992547409.92', 'USD')).toThrow('too large');
	});
});

describe('currencyExponent', () => {
	it('follows ISO 4217 for the exceptions POS systems trip over', () => {
		expect(currencyExponent('JPY')).toBe(0);
		expect(currencyExponent('krw')).toBe(0);
		expect(currencyExponent('KWD')).toBe(3);
		expect(currencyExponent('BHD')).toBe(3);
		expect(currencyExponent('USD')).toBe(2);
		expect(currencyExponent('CLF')).toBe(4);
	});
});

describe('posMoney', () => {
	it('keeps Shopify\'s string verbatim next to the minor units', () => {
		expect(posMoney('10.0', 'USD')).toEqual({ amount: '10.0', currencyCode: 'USD', minorUnits: 1000 });
	});
});
