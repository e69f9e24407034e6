import { filtersReachPastVisibleWindow, visibilityWarning } from '../../../../../lib/shopify/orders/visibilityWindow';

const NOW = Date.parse('2026-11-26T12:00:00Z');

describe('60-day visibility', () => {
	it('reaches past 60 days without a created/processed lower bound', () => {
		expect(filtersReachPastVisibleWindow({}, NOW)).toBe(true);
		expect(filtersReachPastVisibleWindow({ updatedSince: '2026-11-25' }, NOW)).toBe(true);
	});

	it('stays inside when created or processed since is within 60 days', () => {
		expect(filtersReachPastVisibleWindow({ createdSince: '2026-10-01' }, NOW)).toBe(false);
		expect(filtersReachPastVisibleWindow({ createdSince: '2026-01-01', processedSince: '2026-11-01' }, NOW)).toBe(false);
		expect(filtersReachPastVisibleWindow({ createdSince: '2026-09-01' }, NOW)).toBe(true);
	});

	it('tells the shop owner the date and the scope', () => {
		expect(visibilityWarning(NOW)).toContain('since 2026-09-27');
		expect(visibilityWarning(NOW)).toContain('read_all_orders');
	});
});
