import { compareDate, dateWindow, parseSearch } from '../../../simulator/shopify/graphql/searchSyntax';

describe('Shopify search syntax', () => {
	it.each([
		['financial_status:paid', { kind: 'term', field: 'financial_status', comparator: '=', value: 'paid' }],
		["updated_at:>='2026-11-20T00:00:00Z'", { kind: 'term', field: 'updated_at', comparator: '>=', value: '2026-11-20T00:00:00Z' }],
		['tag:"gift wrap"', { kind: 'term', field: 'tag', comparator: '=', value: 'gift wrap' }],
		['-source_name:pos', { kind: 'not', item: { kind: 'term', field: 'source_name', comparator: '=', value: 'pos' } }],
		['a:1 b:2 OR c:3', { kind: 'or', items: [{ kind: 'and', items: [expect.objectContaining({ field: 'a' }), expect.objectContaining({ field: 'b' })] }, expect.objectContaining({ field: 'c' })] }],
		['NOT (a:1 OR b:2)', { kind: 'not', item: { kind: 'or', items: [expect.objectContaining({ field: 'a' }), expect.objectContaining({ field: 'b' })] } }],
		['a:1 AND b:<5', { kind: 'and', items: [expect.objectContaining({ field: 'a' }), { kind: 'term', field: 'b', comparator: '<', value: '5' }] }],
		['"OR"', { kind: 'term', field: null, comparator: '=', value: 'OR' }],
		['', { kind: 'all' }],
	])('%s', (query, expected) => {
		expect(parseSearch(query)).toEqual(expected);
	});

	it('treats a bare date as the whole UTC day and a timestamp as an instant', () => {
		expect(compareDate('2026-11-20T23:59:59Z', '=', '2026-11-20')).toBe(true);
		expect(compareDate('2026-11-21T00:00:00Z', '=', '2026-11-20')).toBe(false);
		expect(compareDate('2026-11-20T23:59:59Z', '>', '2026-11-20')).toBe(false);
		expect(compareDate('2026-11-21T00:00:00Z', '>', '2026-11-20')).toBe(true);
		expect(compareDate('2026-11-20T10:00:00Z', '>=', '2026-11-20T11:00:00+01:00')).toBe(true);
		expect(compareDate('2026-11-20T09:59:59Z', '>=', '2026-11-20T11:00:00+01:00')).toBe(false);
		expect(compareDate('2026-11-20T10:00:00Z', '<', 'now', () => Date.parse('2026-11-20T10:00:01Z'))).toBe(true);
	});

	it('derives the date window a query pins on a field from top-level AND terms only', () => {
		expect(dateWindow(parseSearch("updated_at:>='2026-11-01T00:00:00Z' updated_at:<2026-11-05 status:open"), 'updated_at')).toEqual({
			from: '2026-11-01T00:00:00Z',
			to: '2026-11-05T00:00:00Z',
		});
		expect(dateWindow(parseSearch('updated_at:>2026-11-01T00:00:00Z OR status:open'), 'updated_at')).toEqual({ from: null, to: null });
		expect(dateWindow(parseSearch('updated_at:2026-11-03'), 'updated_at')).toEqual({ from: '2026-11-03T00:00:00Z', to: '2026-11-04T00:00:00Z' });
	});
});
