import { describeSearchReports, handleSearchWarnings, searchReportsOf, SearchWarningError } from '../../../../lib/shopify/searchWarnings';

/**
 * `extensions` as a live store sent it for two searched connections with unknown fields (airhorns/
 * shopify-draft-proxy, fixtures/conformance/harry-test-heelo.myshopify.com/2025-01/customers/customers-count.json).
 */
const RECORDED = {
	cost: { requestedQueryCost: 30, actualQueryCost: 30, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1970, restoreRate: 100 } },
	search: [
		{
			path: ['matching'],
			query: 'email:grace@example.com',
			parsed: { field: 'email', match_all: 'grace@example.com' },
			warnings: [{ field: 'email', message: 'Invalid search field for this query.', code: 'invalid_field' }],
		},
		{
			path: ['disabled'],
			query: 'state:DISABLED',
			parsed: { field: 'state', match_all: 'DISABLED' },
			warnings: [{ field: 'state', message: 'Invalid search field for this query.', code: 'invalid_field' }],
		},
	],
};

describe('search warnings', () => {
	it('reads every ignored field of Shopify\'s report, with its query and path', () => {
		expect(searchReportsOf(RECORDED)).toEqual([
			{ path: ['matching'], query: 'email:grace@example.com', warnings: [{ field: 'email', message: 'Invalid search field for this query.', code: 'invalid_field' }] },
			{ path: ['disabled'], query: 'state:DISABLED', warnings: [{ field: 'state', message: 'Invalid search field for this query.', code: 'invalid_field' }] },
		]);
	});

	it('finds none in an answer without a search report, or with one in another shape', () => {
		expect(searchReportsOf({ cost: RECORDED.cost })).toEqual([]);
		expect(searchReportsOf(undefined)).toEqual([]);
		expect(searchReportsOf({ search: 'x' })).toEqual([]);
		expect(searchReportsOf({ search: [null, { path: ['orders'], warnings: [] }] })).toEqual([]);
	});

	it('names each field, Shopify\'s message and the search it was in', () => {
		expect(describeSearchReports(searchReportsOf(RECORDED))).toBe(
			'Shopify ignored the search field "email" ("Invalid search field for this query.") in the search "email:grace@example.com" of matching, so its answer is not narrowed by it. ' +
				'Shopify ignored the search field "state" ("Invalid search field for this query.") in the search "state:DISABLED" of disabled, so its answer is not narrowed by it.',
		);
	});

	it('stops with the advice, or records one warning per distinct report', () => {
		expect(() => handleSearchWarnings(RECORDED, { policy: 'error', advice: 'Fix the field.' })).toThrow(SearchWarningError);
		try {
			handleSearchWarnings(RECORDED, { policy: 'error', advice: 'Fix the field.' });
		} catch (error) {
			expect((error as SearchWarningError).describe()).toMatch(/"email".*\nFix the field\.$/s);
			expect((error as SearchWarningError).reports).toHaveLength(2);
		}
		const warnings: string[] = [];
		handleSearchWarnings(RECORDED, { policy: 'warn', warnings, advice: 'Fix the field.' });
		handleSearchWarnings(RECORDED, { policy: 'warn', warnings, advice: 'Fix the field.' });
		expect(warnings).toHaveLength(1);
		expect(() => handleSearchWarnings({ cost: RECORDED.cost }, { policy: 'error', advice: '' })).not.toThrow();
	});
});
