/**
 * Minor-unit exponent of a currency per ISO 4217: how many decimal digits one unit splits into.
 * Most currencies use 2. POS APIs (Square's `amount`, Clover's cents…) want integers in these units,
 * so a wrong exponent would charge 100× too much or too little: the exceptions are listed here.
 */
const ZERO_DECIMAL = new Set([
	'BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF',
	'XOF', 'XPF',
]);
const THREE_DECIMAL = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);
const FOUR_DECIMAL = new Set(['CLF', 'UYW']);

export function currencyExponent(currencyCode: string): number {
	const code = currencyCode.toUpperCase();
	if (ZERO_DECIMAL.has(code)) return 0;
	if (THREE_DECIMAL.has(code)) return 3;
	if (FOUR_DECIMAL.has(code)) return 4;
	return 2;
}
