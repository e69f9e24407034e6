import { exactIdText, parseJsonWithExactIds } from '../../../../../../lib/shopify/orders/exactIdJson';

describe('parseJsonWithExactIds', () => {
	it('keeps integers above 2^53 as their digits, where JSON.parse rounds them', () => {
		const text = '{"id":890088186047892319,"order_id":820982911946154508,"n":[1,-2,3.5,1e3,9007199254740991]}';
		expect((JSON.parse(text) as { id: number }).id).toBe(890088186047892400);
		expect(parseJsonWithExactIds(text)).toEqual({ id: '890088186047892319', order_id: '820982911946154508', n: [1, -2, 3.5, 1000, 9007199254740991] });
	});

	it('leaves strings alone, escaped quotes included', () => {
		const text = '{"note":"call 890088186047892319 \\"now\\" 12","x":{"a":"\\\\"},"id":18446744073709551615}';
		expect(parseJsonWithExactIds(text)).toEqual({ note: 'call 890088186047892319 "now" 12', x: { a: '\\' }, id: '18446744073709551615' });
	});

	it('still refuses text that is not JSON', () => {
		expect(() => parseJsonWithExactIds('{"id": 1,')).toThrow(SyntaxError);
	});

	it('reads ids as digits, and nothing else as an id', () => {
		expect(exactIdText(123)).toBe('123');
		expect(exactIdText('890088186047892319')).toBe('890088186047892319');
		expect(exactIdText(890088186047892400)).toBeNull();
		expect(exactIdText('gid://shopify/Order/1')).toBeNull();
		expect(exactIdText(null)).toBeNull();
		expect(exactIdText(0)).toBeNull();
	});
});
